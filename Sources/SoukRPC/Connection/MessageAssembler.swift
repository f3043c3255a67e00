package import NIOCore

/// Joins a stream's MESSAGE frames into whole messages within the receiver's message-size limit, granting credit
/// for the parts of an unfinished message as they arrive (so a message larger than the window can always
/// arrive) and leaving the last part's credit for when the message is read.
package struct MessageAssembler {
  /// What one MESSAGE frame completed.
  package enum Outcome {
    /// A part of a message that continues in a later frame.
    case incomplete
    /// A whole message, with the bytes of credit to return when the reader takes it.
    case complete(ByteBuffer, creditOnConsume: Int)
    /// The message would exceed the limit; its parts so far are dropped.
    case tooLarge
  }

  private var partial: ByteBuffer?

  package init() {}

  /// Whether a message has begun and not ended.
  package var isInsideMessage: Bool { self.partial != nil }

  /// Takes one MESSAGE frame's payload; `stream` receives the credit for the parts of an unfinished message.
  package mutating func receive(
    _ bytes: ByteBuffer,
    more: Bool,
    maxMessageBytes: Int,
    stream: CallStream,
    allocator: ByteBufferAllocator
  ) -> Outcome {
    guard more || self.partial != nil else {
      guard bytes.readableBytes <= maxMessageBytes else { return .tooLarge }
      return .complete(bytes, creditOnConsume: bytes.readableBytes)
    }
    var joined = self.partial ?? allocator.buffer(capacity: bytes.readableBytes)
    guard joined.readableBytes + bytes.readableBytes <= maxMessageBytes else {
      self.partial = nil
      return .tooLarge
    }
    var part = bytes
    joined.writeBuffer(&part)
    guard !more else {
      stream.partialMessageReceived(bytes.readableBytes)
      self.partial = joined
      return .incomplete
    }
    self.partial = nil
    return .complete(joined, creditOnConsume: bytes.readableBytes)
  }
}
