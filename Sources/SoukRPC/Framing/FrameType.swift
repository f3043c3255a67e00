/// The type byte of a frame (SPEC part 2, "Frame types").
package enum FrameType: UInt8, Sendable, CaseIterable {
  /// The sender's settings; the first frame each side sends, exactly once.
  case settings = 0x00
  /// Opens a call: method, deadline and request metadata.
  case call = 0x01
  /// All or part of one encoded message.
  case message = 0x02
  /// The client sends no more messages on the stream.
  case halfClose = 0x03
  /// The server ends the call: code, message, details and trailing metadata.
  case status = 0x04
  /// The client abandons the call.
  case cancel = 0x05
  /// Flow-control credit for a stream.
  case windowUpdate = 0x06
  /// A liveness probe, answered with the same payload and the ACK flag.
  case ping = 0x07
  /// The sender opens no more calls (and takes no more): last stream id, code and reason.
  case goAway = 0x08
  /// The server's initial metadata for a call, before its first message.
  case headers = 0x09
}

/// The flag bits of a frame; their meaning depends on the frame type.
package struct FrameFlags: OptionSet, Hashable, Sendable {
  package let rawValue: UInt8

  package init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  /// On MESSAGE: the message continues in the next MESSAGE frame of the stream.
  package static let more = FrameFlags(rawValue: 0x01)
  /// On PING: this is the answer to a ping.
  package static let ack = FrameFlags(rawValue: 0x01)
}

extension FrameType: CustomStringConvertible {
  /// The name SPEC part 2 uses, e.g. `WINDOW_UPDATE`.
  package var description: String {
    switch self {
    case .settings: "SETTINGS"
    case .call: "CALL"
    case .message: "MESSAGE"
    case .halfClose: "HALF_CLOSE"
    case .status: "STATUS"
    case .cancel: "CANCEL"
    case .windowUpdate: "WINDOW_UPDATE"
    case .ping: "PING"
    case .goAway: "GOAWAY"
    case .headers: "HEADERS"
    }
  }
}
