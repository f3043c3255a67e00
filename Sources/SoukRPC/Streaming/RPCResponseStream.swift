/// The responses of a streaming call as a client sees them, with the server's metadata.
///
/// Iterate it once; iteration ends when the server ends the call with `ok` and throws ``RPCError`` otherwise.
/// ``trailingMetadata`` is complete once iteration has ended.
public struct RPCResponseStream<Element: Sendable>: AsyncSequence, Sendable {
  public typealias Failure = any Error

  /// The messages.
  public let messages: RPCAsyncSequence<Element>
  private let call: any ClientCallMetadata

  package init(messages: RPCAsyncSequence<Element>, call: any ClientCallMetadata) {
    self.messages = messages
    self.call = call
  }

  /// The server's initial metadata; waits for the server's first frame on the call.
  public var initialMetadata: Metadata {
    get async throws { try await self.call.initialMetadata() }
  }

  /// The server's trailing metadata; empty until the call has ended.
  public var trailingMetadata: Metadata {
    self.call.trailingMetadata()
  }

  public func makeAsyncIterator() -> RPCAsyncSequence<Element>.AsyncIterator {
    self.messages.makeAsyncIterator()
  }
}

/// What a client call knows about the server's metadata.
package protocol ClientCallMetadata: Sendable {
  /// Waits for the server's initial metadata (empty if the server sent none before its first message or status).
  func initialMetadata() async throws -> Metadata
  /// The trailing metadata of the status, once received.
  func trailingMetadata() -> Metadata
}
