/// The 8 bytes a client sends before its first frame: `SOUK/1\r\n` (SPEC section 5.3).
package enum ClientPreface {
  /// `53 4F 55 4B 2F 31 0D 0A`.
  package static let bytes: [UInt8] = Array("SOUK/1\r\n".utf8)
}
