/// Writes the messages of a stream: a server's responses, or a client's requests.
///
/// `write` suspends while the peer's flow-control window is full, so a fast producer never buffers without bound.
/// It throws ``RPCError`` when the call has ended (cancelled, deadline, connection lost). One task writes at a
/// time: a stream's messages are ordered, so writing from several tasks at once is a programming error.
public struct RPCWriter<Element: Sendable>: Sendable {
  private let writeElement: @Sendable (Element) async throws -> Void

  /// Creates a writer that hands each element to `write`.
  public init(_ write: @escaping @Sendable (Element) async throws -> Void) {
    self.writeElement = write
  }

  /// Sends one message, suspending until the peer's window has room for it.
  public func write(_ element: Element) async throws {
    try await self.writeElement(element)
  }

  /// Sends the messages of `elements` in order.
  public func write(contentsOf elements: some Sequence<Element>) async throws {
    for element in elements {
      try await self.writeElement(element)
    }
  }
}
