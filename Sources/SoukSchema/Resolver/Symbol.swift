/// A named declaration that other declarations can refer to: a message, an enum or a service.
struct Symbol: Hashable, Sendable {
  enum Kind: String, Hashable, Sendable {
    case message
    case enumeration = "enum"
    case service
  }

  var kind: Kind
  var name: TypeName
  /// The path of the file declaring it.
  var file: String
}
