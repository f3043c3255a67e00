/// A `host:port` address as people write it on a command line or in an environment variable.
public struct HostAndPort: Sendable, Hashable, CustomStringConvertible {
  /// The host name or IP address (IPv6 without brackets).
  public var host: String
  /// The port, 0 to 65535.
  public var port: Int

  /// Creates an address.
  public init(host: String, port: Int) {
    self.host = host
    self.port = port
  }

  /// Parses `host:port`; IPv6 hosts go in brackets (`[::1]:7443`). Nil when the text is not such an address.
  public init?(_ text: String) {
    guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
      (0...65_535).contains(port)
    else { return nil }
    var host = Substring(text[..<colon])
    if host.hasPrefix("[") && host.hasSuffix("]") { host = host.dropFirst().dropLast() }
    guard !host.isEmpty, !host.contains("[") else { return nil }
    self.init(host: String(host), port: port)
  }

  /// `host:port`, with brackets around an IPv6 host.
  public var description: String {
    self.host.contains(":") ? "[\(self.host)]:\(self.port)" : "\(self.host):\(self.port)"
  }
}
