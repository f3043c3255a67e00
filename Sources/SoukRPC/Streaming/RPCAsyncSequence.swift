/// The messages a peer sends on a stream: a client's requests as a server handler sees them, or a server's
/// responses as a client sees them.
///
/// Iterate it once, from one task. Iteration ends when the peer finishes the stream and throws ``RPCError`` when the call fails
/// (for a client: a non-`ok` status; for both: cancellation, deadline, a message that does not decode).
/// Consuming messages returns flow-control credit to the peer, so a slow consumer slows the peer down instead of
/// growing memory.
public struct RPCAsyncSequence<Element: Sendable>: AsyncSequence, Sendable {
  public typealias Failure = any Error

  private let makeNext: @Sendable () -> @Sendable () async throws -> Element?

  /// Creates a sequence whose iterator calls the closure `makeNext()` returns.
  package init(makeNext: @escaping @Sendable () -> @Sendable () async throws -> Element?) {
    self.makeNext = makeNext
  }

  /// Creates a sequence over the elements of any other sequence (for tests and adapters).
  public init<Base: AsyncSequence & Sendable>(wrapping base: Base) where Base.Element == Element {
    self.makeNext = {
      let iterator = IteratorBox(base.makeAsyncIterator())
      return { try await iterator.next() }
    }
  }

  public func makeAsyncIterator() -> AsyncIterator {
    AsyncIterator(next: self.makeNext())
  }

  /// Iterates the messages.
  public struct AsyncIterator: AsyncIteratorProtocol {
    private let nextElement: @Sendable () async throws -> Element?

    fileprivate init(next: @escaping @Sendable () async throws -> Element?) {
      self.nextElement = next
    }

    public mutating func next() async throws -> Element? {
      try await self.nextElement()
    }
  }
}

/// Holds a base iterator so a `@Sendable` closure can advance it; only one task iterates at a time.
private final class IteratorBox<Base: AsyncIteratorProtocol>: @unchecked Sendable {
  // Safe: an AsyncSequence's iterator is used by one task at a time, and RPCAsyncSequence hands this box to
  // exactly one iterator.
  private var base: Base

  init(_ base: Base) {
    self.base = base
  }

  func next() async throws -> Base.Element? {
    try await self.base.next()
  }
}
