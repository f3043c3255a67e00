import SoukRPC
import SoukWire

/// Follows a resumable server-streaming feed (WatchCatalog, WatchFulfilments) across lost connections and server
/// restarts: each call asks for what follows the last position delivered, positions at or below it are dropped,
/// and only a status that retrying cannot fix ends the sequence.
struct FeedFollower<M: RPCMethod & SendableMetatype>: Sendable where M.Output: Sendable {
  let rpc: RPCClient
  let backoff: Backoff
  /// The request that resumes after a position.
  let request: @Sendable (UInt64) -> M.Input
  /// An element's position in the feed.
  let position: @Sendable (M.Output) -> UInt64
  /// Whether an element is a CAUGHT_UP marker: delivered on every call, even when its position is not new.
  let isMarker: @Sendable (M.Output) -> Bool

  /// The statuses after which the feed is called again.
  static var resumableCodes: Set<RPCError.Code> {
    [.unavailable, .deadlineExceeded, .resourceExhausted, .aborted, .cancelled]
  }

  /// A feed call lives until the caller stops reading; the deadline only bounds one call, which then resumes.
  private static var callOptions: CallOptions {
    CallOptions(timeout: .seconds(24 * 60 * 60), retryPolicy: .disabled)
  }

  /// The elements after `start`; ending the consuming task or dropping the iterator cancels the call.
  func elements(after start: UInt64) -> AsyncThrowingStream<M.Output, any Error> {
    let (stream, continuation) = AsyncThrowingStream.makeStream(of: M.Output.self)
    let task = Task { await self.run(after: start, continuation) }
    continuation.onTermination = { _ in task.cancel() }
    return stream
  }

  private func run(after start: UInt64, _ continuation: AsyncThrowingStream<M.Output, any Error>.Continuation) async {
    let cursor = FeedCursor(after: start)
    var failures = 0
    var generator = SystemRandomNumberGenerator()
    while !Task.isCancelled {
      do {
        try await self.rpc.serverStreaming(M.self, request: self.request(cursor.last), options: Self.callOptions) {
          responses in
          for try await element in responses {
            let isNew = cursor.advance(to: self.position(element))
            if isNew || self.isMarker(element) { continuation.yield(element) }
          }
        }
      } catch let error as RPCError where !Self.resumableCodes.contains(error.code) {
        continuation.finish(throwing: SoukError(error))
        return
      } catch {
        // Resumable: the connection broke, the server restarted or ended the call; call again below.
      }
      failures = cursor.takeProgress() ? 1 : failures + 1
      do {
        try await Task.sleep(for: self.backoff.delay(afterFailures: failures, using: &generator))
      } catch {
        break
      }
    }
    continuation.finish()
  }
}
