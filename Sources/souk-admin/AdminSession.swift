import ArgumentParser
import Foundation
import SoukClient
import SoukTools

/// Runs one command's calls over a connection made from the command's options, and turns whatever goes wrong
/// into a sentence on standard error and the exit status of ``ToolFailure``.
enum AdminSession {
  /// Connects with `connection`, runs `body`, closes the connection.
  ///
  /// - Throws: `ValidationError` for bad options; otherwise the `ExitCode` of the failure, after explaining it.
  @discardableResult
  static func run<Result>(
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
      self.printError("error: cannot use the CA file given with --ca (or SOUK_CA): \(error)")
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
      let failure = ToolFailure(error, address: "\(client.address)")
      self.printError(failure.description)
      throw failure.exitCode
    }
  }

  /// A fresh idempotency key: one per invocation of a command that changes something.
  static func idempotencyKey() -> String {
    UUID().uuidString.lowercased()
  }

  /// Writes `text` and a new line to standard error.
  static func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}
