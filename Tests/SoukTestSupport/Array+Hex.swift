extension Array where Element == UInt8 {
  /// Bytes from hex text (see ``Hex/bytes(_:)``); traps on malformed text, which is a bug in the test itself.
  package init(hex: String) {
    guard let bytes = Hex.bytes(hex) else { fatalError("malformed hex in a test: \(hex)") }
    self = bytes
  }
}
