/// A connection error found while decoding frames: the receiver sends GOAWAY with ``goAwayCode`` and
/// ``message`` and closes the connection.
///
/// Thrown by ``FrameDecoder`` and ``ConnectionSettings/apply(_:)``. Stream-level problems (a metadata block
/// larger than the limit) are not errors of this kind: the decoder reports them as a
/// ``Frame/Payload/streamError(_:_:)`` frame and the connection stays open.
package struct FrameDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The code of the GOAWAY frame the receiver sends.
  package var goAwayCode: GoAwayCode
  /// What was wrong, for the GOAWAY frame and logs, e.g. `frame of 20000000 bytes exceeds maxFrameBytes 65536`.
  package var message: String

  /// Creates an error.
  package init(goAwayCode: GoAwayCode, message: String) {
    self.goAwayCode = goAwayCode
    self.message = message
  }

  /// A ``GoAwayCode/protocolError`` with `message`.
  package static func protocolError(_ message: String) -> FrameDecodingError {
    FrameDecodingError(goAwayCode: .protocolError, message: message)
  }

  /// `code: message`, e.g. `frameTooLarge: frame of 20000000 bytes exceeds maxFrameBytes 65536`.
  package var description: String {
    "\(self.goAwayCode): \(self.message)"
  }
}
