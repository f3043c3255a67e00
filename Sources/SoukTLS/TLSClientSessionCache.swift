internal import COpenSSL
import Synchronization

/// The sessions a client context may resume, per server (name and address).
///
/// TLS 1.3 tickets are meant for one use each, so ``take(for:)`` removes the session it returns; servers
/// send several tickets per connection, and up to ``maxSessionsPerServer`` are kept.
final class TLSClientSessionCache: Sendable {
  static let maxSessionsPerServer = 4

  /// One reference to an `SSL_SESSION`.
  ///
  /// Sendable because an established session is never modified (OpenSSL copies before changing one) and
  /// its reference count is atomic; the cache hands each reference to exactly one owner.
  private struct SessionReference: @unchecked Sendable {
    let pointer: OpaquePointer
  }

  private let sessions = Mutex<[String: [SessionReference]]>([:])

  deinit {
    sessions.withLock { sessions in
      for list in sessions.values {
        for session in list { SSL_SESSION_free(session.pointer) }
      }
    }
  }

  /// Keeps `session` (taking over its reference) for later connections to `key`.
  func store(_ session: OpaquePointer, for key: String) {
    let reference = SessionReference(pointer: session)
    let evicted: SessionReference? = sessions.withLock { sessions in
      sessions[key, default: []].append(reference)
      guard let count = sessions[key]?.count, count > Self.maxSessionsPerServer else { return nil }
      return sessions[key]?.removeFirst()
    }
    if let evicted { SSL_SESSION_free(evicted.pointer) }
  }

  /// The newest resumable session for `key`, removed from the cache; the caller owns its reference.
  func take(for key: String) -> OpaquePointer? {
    while true {
      let session: SessionReference? = sessions.withLock { sessions in
        guard var list = sessions[key], let newest = list.popLast() else { return nil }
        sessions[key] = list.isEmpty ? nil : list
        return newest
      }
      guard let session else { return nil }
      if SSL_SESSION_is_resumable(session.pointer) == 1 { return session.pointer }
      SSL_SESSION_free(session.pointer)
    }
  }
}
