import Logging
import PostgresNIO
import Synchronization

/// Listens on a notification channel over a connection of its own and calls `wake` for each notification,
/// reconnecting after a failure (and calling `wake` once then, since notifications sent meanwhile are lost).
final class ChangeListener: Sendable {
  private let url: PostgresStoreURL
  private let channel: String
  private let logger: Logger
  private let wake: @Sendable () -> Void
  /// The listening task, while started.
  private let task = Mutex<Task<Void, Never>?>(nil)

  /// The pause before reconnecting after a failure.
  private static let reconnectDelay: Duration = .milliseconds(500)

  init(url: PostgresStoreURL, channel: String, logger: Logger, wake: @escaping @Sendable () -> Void) {
    self.url = url
    self.channel = channel
    self.logger = logger
    self.wake = wake
  }

  /// Starts listening and returns once the first `LISTEN` is in place (or failed, and the task retries).
  func start() async {
    let (listening, ready) = AsyncStream<Void>.makeStream()
    let task = Task { [self] in
      var reconnecting = false
      while !Task.isCancelled {
        do {
          try await listenOnce {
            ready.yield()
            if reconnecting { wake() }
          }
        } catch {
          guard !Task.isCancelled else { break }
          logger.warning("change listener lost its connection", metadata: ["error": "\(String(reflecting: error))"])
          ready.yield()
        }
        reconnecting = true
        try? await Task.sleep(for: Self.reconnectDelay)
      }
      ready.finish()
    }
    self.task.withLock { $0 = task }
    var iterator = listening.makeAsyncIterator()
    _ = await iterator.next()
  }

  /// Connects, listens, calls `listening` once the `LISTEN` is in place, then `wake` per notification until the
  /// connection fails or the task is cancelled (which closes the connection).
  private func listenOnce(listening: () -> Void) async throws {
    let connection = try await PostgresConnection.connect(
      configuration: url.connectionConfiguration,
      id: 0,
      logger: logger
    )
    try await withTaskCancellationHandler {
      do {
        try await connection.listen(on: channel) { notifications in
          listening()
          for try await _ in notifications {
            wake()
          }
        }
        try? await connection.close()
      } catch {
        try? await connection.close()
        throw error
      }
    } onCancel: {
      connection.close().whenComplete { _ in }
    }
  }

  /// Stops listening and waits for the task to end.
  func stop() async {
    let task = self.task.withLock { task in
      defer { task = nil }
      return task
    }
    task?.cancel()
    await task?.value
  }
}
