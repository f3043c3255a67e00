/// The key of a value that an interceptor attaches to a call for the steps after it, the handler among them
/// (the caller an authorization interceptor resolved, say).
public protocol CallAttachmentKey: Sendable {
  /// The type of the attached value.
  associatedtype Value: Sendable
}

/// Values the interceptors attached to one call, one per key type: the RPC layer carries them to the handler
/// without knowing what they mean.
public struct CallAttachments: Sendable {
  private var values: [ObjectIdentifier: any Sendable] = [:]

  /// No attachments.
  public init() {}

  /// The value attached under `key`; nil when none is.
  public subscript<Key: CallAttachmentKey>(key: Key.Type) -> Key.Value? {
    get { self.values[ObjectIdentifier(key)] as? Key.Value }
    set { self.values[ObjectIdentifier(key)] = newValue }
  }
}
