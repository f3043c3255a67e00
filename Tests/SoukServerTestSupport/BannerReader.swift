import Foundation
import SoukServer
import Synchronization

/// Collects a child's standard output until the banner's last line has arrived.
final class BannerReader: Sendable {
  private struct State {
    var text = ""
    var waiter: CheckedContinuation<[String], any Error>?
    var complete: [String]?
  }

  private let state = Mutex(State())

  func append(_ data: Data) {
    let waiter: (CheckedContinuation<[String], any Error>, [String])? = self.state.withLock { state in
      state.text += String(decoding: data, as: UTF8.self)
      guard state.complete == nil else { return nil }
      let lines = state.text.split(separator: "\n").map(String.init)
      guard let last = lines.last, state.text.hasSuffix("\n"), Self.isBannerEnd(last) else {
        return nil
      }
      state.complete = lines
      defer { state.waiter = nil }
      return state.waiter.map { ($0, lines) }
    }
    if let (continuation, lines) = waiter { continuation.resume(returning: lines) }
  }

  func lines() async throws -> [String] {
    try await withCheckedThrowingContinuation { continuation in
      let ready: [String]? = self.state.withLock { state in
        if let complete = state.complete { return complete }
        state.waiter = continuation
        return nil
      }
      if let ready { continuation.resume(returning: ready) }
    }
  }

  private static func isBannerEnd(_ last: String) -> Bool {
    last == RunningMarketServer.lastBannerLine
  }
}
