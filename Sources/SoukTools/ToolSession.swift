import ArgumentParser
import Foundation
public import SoukClient
import SoukRPC

/// How a tool's command talks to the server: one connection made from its options for the command's calls, and
/// whatever goes wrong turned into a sentence on standard error and the exit status of ``ToolFailure``.
public enum ToolSession {
  /// Connects with `connection`, runs `body`, closes the connection.
  ///
  /// - Throws: `ValidationError` for bad options (argument parsing reports them); otherwise the `ExitCode` of the
  ///   failure, after explaining it.
  @discardableResult
  public static func run<Result>(
    _ connection: ConnectionOptions,
    _ body: (SoukClient) async throws -> Result
  ) async throws -> Result {
    let client: SoukClient
    do {
      client = try connection.connect()
    } catch let error as ValidationError {
      throw error
    } catch {
      // The client reads the CA file when it is made: a missing or unreadable file fails here.
      self.printError(
        "error: cannot use the CA file (\(error)).\nCheck --ca (or SOUK_CA): the PEM file of the CA that signed the "
          + "server's certificate, e.g. souk-data/tls/ca.pem.")
      throw ExitCode(4)
    }
    defer { client.close() }
    do {
      return try await body(client)
    } catch let error as ValidationError {
      throw error
    } catch let exit as ExitCode {
      throw exit
    } catch {
      let failure = ToolFailure(error, address: client.address.description)
      self.printError(failure.description)
      throw failure.exitCode
    }
  }

  /// A fresh idempotency key: one per invocation of a command that changes something, so a retried call is
  /// applied once; of the same form as the keys `RPCClient` fills in.
  public static func idempotencyKey() -> String {
    RPCClient.newIdempotencyKey()
  }

  /// Writes `text` and a new line to standard error.
  public static func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}
