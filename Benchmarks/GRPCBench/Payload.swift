/// The messages every workload sends, the same sizes in souk-bench: realistic small RPCs, not empty ones.
enum Payload {
  /// Bytes of a unary (and stream-opening) request.
  static let requestSize = 200
  /// Bytes of a unary reply.
  static let replySize = 300
  /// Bytes of one server-streamed message.
  static let streamMessageSize = 100
  /// Messages in one server-streaming call.
  static let streamMessages = 100_000

  /// A unary request: bytes that vary (no run of zeros), the same on every call.
  static let request: [UInt8] = pattern(count: requestSize, seed: 1)

  /// The unary reply the server sends.
  static let reply: [UInt8] = pattern(count: replySize, seed: 2)

  /// One message of a server stream.
  static let streamMessage: [UInt8] = pattern(count: streamMessageSize, seed: 3)

  /// The request that opens a stream: ``requestSize`` bytes whose first four say how many messages to send
  /// (big-endian), so the client chooses the length (`--messages`).
  static func streamRequest(messages: Int) -> [UInt8] {
    var bytes = request
    let count = UInt32(clamping: messages)
    bytes[0] = UInt8(truncatingIfNeeded: count >> 24)
    bytes[1] = UInt8(truncatingIfNeeded: count >> 16)
    bytes[2] = UInt8(truncatingIfNeeded: count >> 8)
    bytes[3] = UInt8(truncatingIfNeeded: count)
    return bytes
  }

  /// The message count of a stream-opening request (see ``streamRequest(messages:)``).
  static func messageCount(in request: [UInt8]) -> Int {
    guard request.count >= 4 else { return 0 }
    return Int(request[0]) << 24 | Int(request[1]) << 16 | Int(request[2]) << 8 | Int(request[3])
  }

  private static func pattern(count: Int, seed: UInt8) -> [UInt8] {
    (0..<count).map { index in UInt8(truncatingIfNeeded: index &* 31) &+ seed }
  }
}
