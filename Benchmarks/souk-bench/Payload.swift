import SoukWire

/// The messages every workload sends, the same sizes as GRPCBench's raw messages: realistic small RPCs, not empty
/// ones. The sizes are of the *encoded* messages (field tag, length and body), so both tools put the same number
/// of message bytes on the wire; each body is padded to reach them.
enum Payload {
  /// Encoded bytes of a unary (and stream-opening) request.
  static let requestSize = 200
  /// Encoded bytes of a unary reply.
  static let replySize = 300
  /// Encoded bytes of one server-streamed message.
  static let streamMessageSize = 100
  /// Messages in one server-streaming call.
  static let streamMessages = 100_000

  /// A unary request: bytes that vary (no run of zeros), the same on every call.
  static let request = sized(requestSize, seed: 1) { body in
    var request = SoukBenchV1.UnaryRequest()
    request.body = body
    return request
  }

  /// The unary reply the server sends.
  static let reply = sized(replySize, seed: 2) { body in
    var reply = SoukBenchV1.UnaryReply()
    reply.body = body
    return reply
  }

  /// One message of a server stream.
  static let streamMessage = sized(streamMessageSize, seed: 3) { body in
    var message = SoukBenchV1.StreamMessage()
    message.body = body
    return message
  }

  /// The request that opens a stream of `messages` messages, padded to ``requestSize``.
  static func streamRequest(messages: Int) -> SoukBenchV1.StreamRequest {
    sized(requestSize, seed: 1) { body in
      var request = SoukBenchV1.StreamRequest()
      request.messages = UInt32(clamping: messages)
      request.body = body
      return request
    }
  }

  /// The message `make` builds around the longest body that keeps its encoding at `size` bytes (a body a byte
  /// shorter than the size-fitting one may shrink the length prefix, so sizes are tried downwards).
  private static func sized<Message: WireMessage>(
    _ size: Int,
    seed: UInt8,
    _ make: ([UInt8]) -> Message
  ) -> Message {
    var count = size
    while count > 0 {
      let message = make(pattern(count: count, seed: seed))
      if message.encodedSize() <= size { return message }
      count -= 1
    }
    return make([])
  }

  private static func pattern(count: Int, seed: UInt8) -> [UInt8] {
    (0..<count).map { index in UInt8(truncatingIfNeeded: index &* 31) &+ seed }
  }
}
