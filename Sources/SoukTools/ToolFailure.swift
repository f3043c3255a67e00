public import ArgumentParser
import Foundation
import SoukAPI
import SoukClient
import SoukRPC
import SoukTLS

/// A failed call explained to a person: what happened and what to do next. Tools print it on standard error and
/// exit with a status that says which kind of failure it was.
public struct ToolFailure: Error, CustomStringConvertible {
  /// What happened and what to do next.
  public var description: String
  /// The exit status: 2 usage, 3 cannot connect, 4 certificate, 5 key, 6 not allowed, 7 not found, 8 refused
  /// input or state, 1 anything else.
  public var exitCode: ExitCode

  /// Creates a failure.
  public init(_ description: String, exitCode: ExitCode) {
    self.description = description
    self.exitCode = exitCode
  }

  /// The explanation of `error`, thrown by a call to the server at `address`.
  public init(_ error: any Error, address: String) {
    if let failure = error as? ToolFailure {
      self = failure
      return
    }
    guard let souk = SoukError(error) else {
      self.init("error: \(error)", exitCode: .failure)
      return
    }
    let rpc = souk.rpcError
    let violations = (souk.detail?.fieldViolations ?? []).map { "  \($0.field): \($0.message)" }
    let message = souk.explanation
    switch rpc.code {
    case .unavailable where Self.isCertificateProblem(rpc):
      self.init(
        """
        error: the server's certificate is not trusted (\(rpc.message)).
        Pass the CA that signed it with --ca (or SOUK_CA); for a development server that is souk-data/tls/ca.pem.
        """, exitCode: ExitCode(4))
    case .unavailable, .deadlineExceeded:
      self.init(
        """
        error: cannot reach the Souk server at \(address) (\(rpc.message)).
        Check that it is running (`souk serve`) and that --address (or SOUK_ADDRESS) is right.
        """, exitCode: ExitCode(3))
    case .unauthenticated:
      self.init(
        """
        error: the server does not accept this key (unknown, revoked or expired).
        Check --key (or SOUK_KEY), or ask an admin for a new key.
        """, exitCode: ExitCode(5))
    case .permissionDenied:
      self.init(
        "error: this key may not do that (\(message)). Use a key of the right kind.",
        exitCode: ExitCode(6))
    case .notFound:
      self.init("error: \(message)", exitCode: ExitCode(7))
    default:
      let lines = ["error: \(message)"] + violations
      self.init(lines.joined(separator: "\n"), exitCode: ExitCode(8))
    }
  }

  private static func isCertificateProblem(_ error: RPCError) -> Bool {
    if error.cause is TLSError { return true }
    let message = error.message.lowercased()
    return message.contains("certificate") || message.contains("verify")
  }
}
