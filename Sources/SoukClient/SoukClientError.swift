/// What goes wrong before a call is made.
public enum SoukClientError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The address is not `host:port`.
  case invalidAddress(String)

  /// A sentence for people.
  public var description: String {
    switch self {
    case .invalidAddress(let text): "'\(text)' is not an address of the form host:port, e.g. 127.0.0.1:7443"
    }
  }
}
