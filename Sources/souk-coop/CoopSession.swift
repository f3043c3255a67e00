import ArgumentParser
import SoukClient
import SoukRPC
import SoukTools

/// Runs a command's work with a client, and turns what goes wrong into an explained message on standard error
/// and the exit status ``ToolFailure`` chose for it.
enum CoopSession {
  /// Connects with `options`, runs `body`, closes the connection.
  static func run<T>(
    _ options: ConnectionOptions,
    _ body: (SoukClient) async throws -> T
  ) async throws -> T {
    let client: SoukClient
    do {
      client = try options.connect()
    } catch let error as ValidationError {
      throw error
    } catch {
      Console.error(
        "error: cannot use the CA file (\(error)).\nCheck --ca (or SOUK_CA): the PEM file of the CA that signed the "
          + "server's certificate, e.g. souk-data/tls/ca.pem.")
      throw ExitCode(4)
    }
    defer { client.close() }
    do {
      return try await body(client)
    } catch let exit as ExitCode {
      throw exit
    } catch {
      let failure = ToolFailure(error, address: client.address.description)
      Console.error(failure.description)
      throw failure.exitCode
    }
  }
}
