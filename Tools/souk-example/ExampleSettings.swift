/// Where to connect and with which key: `--address`, `--key`, `--ca`, or `SOUK_ADDRESS`, `SOUK_KEY`, `SOUK_CA`.
struct ExampleSettings {
  var address = "127.0.0.1:7443"
  var key: String
  var caPath: String?

  struct UsageError: Error, CustomStringConvertible {
    let description: String
  }

  init(arguments: [String], environment: [String: String]) throws {
    var options: [String: String] = [:]
    var remaining = arguments.dropFirst()
    while let name = remaining.popFirst() {
      guard ["--address", "--key", "--ca"].contains(name), let value = remaining.popFirst() else {
        throw UsageError(description: "usage: souk-example [--address host:port] --key KEY [--ca ca.pem]")
      }
      options[name] = value
    }
    guard let key = options["--key"] ?? environment["SOUK_KEY"], !key.isEmpty else {
      throw UsageError(description: "no API key: pass --key or set SOUK_KEY (a partner key, souk_partner_...)")
    }
    self.key = key
    self.address = options["--address"] ?? environment["SOUK_ADDRESS"] ?? self.address
    self.caPath = options["--ca"] ?? environment["SOUK_CA"]
  }
}
