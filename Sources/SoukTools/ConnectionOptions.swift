public import ArgumentParser
public import Foundation
public import SoukClient

/// The options every Souk tool connects with: `--address`, `--key`, `--ca`, or `SOUK_ADDRESS`, `SOUK_KEY`,
/// `SOUK_CA` in the environment (an option wins over its variable).
public struct ConnectionOptions: ParsableArguments {
  @Option(name: .long, help: "The server, host:port (env SOUK_ADDRESS; default 127.0.0.1:7443).")
  var address: String?

  @Option(name: .long, help: "Your API key (env SOUK_KEY).")
  var key: String?

  @Option(name: .long, help: "The CA that signed the server's certificate, PEM (env SOUK_CA); default: system roots.")
  var ca: String?

  /// Creates the options (for the argument parser).
  public init() {}

  /// A client for the server these options name.
  ///
  /// - Throws: `ValidationError` when no key is given or the address is malformed.
  public func connect(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SoukClient {
    let address = self.address ?? environment["SOUK_ADDRESS"] ?? "127.0.0.1:7443"
    guard let key = self.key ?? environment["SOUK_KEY"], !key.isEmpty else {
      throw ValidationError(
        "no API key: pass --key or set SOUK_KEY (an admin issues keys with `souk-admin keys issue`)")
    }
    let trust: SoukClient.Trust =
      (self.ca ?? environment["SOUK_CA"]).flatMap { $0.isEmpty ? nil : $0 }.map { .certificateAuthority(path: $0) }
      ?? .systemRoots
    do {
      return try SoukClient(address: address, key: key, trust: trust)
    } catch let error as SoukClientError {
      throw ValidationError(error.description)
    }
  }
}
