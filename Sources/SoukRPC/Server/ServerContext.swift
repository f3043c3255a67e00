public import SoukTLS
import SoukWire
import Synchronization

/// What a server handler knows about its call: the method, the request metadata, the deadline, the peer and what
/// the interceptors attached (the caller, for one); and where it sets the response's metadata.
public struct ServerContext: Sendable {
  /// The method being called.
  public let descriptor: MethodDescriptor
  /// The request metadata.
  public let requestMetadata: Metadata
  /// When the call's deadline expires; nil when the client set none. The handler's task is cancelled then.
  public let deadline: ContinuousClock.Instant?
  /// The remote end of the connection.
  public let peer: PeerInfo
  /// What the interceptors attached for the steps after them; an interceptor passes a changed context to `next`.
  public var attachments: CallAttachments
  private let response: ResponseMetadata

  package init(
    descriptor: MethodDescriptor,
    requestMetadata: Metadata,
    deadline: ContinuousClock.Instant?,
    peer: PeerInfo,
    response: ResponseMetadata
  ) {
    self.descriptor = descriptor
    self.requestMetadata = requestMetadata
    self.deadline = deadline
    self.peer = peer
    self.attachments = CallAttachments()
    self.response = response
  }

  /// Sets the initial metadata, sent before the first response message; ignored once a message has been sent.
  public func setInitialMetadata(_ metadata: Metadata) {
    self.response.setInitial(metadata)
  }

  /// Adds trailing metadata, sent with the call's status.
  public func addTrailingMetadata(_ metadata: Metadata) {
    self.response.addTrailing(metadata)
  }
}

/// The response metadata a handler sets, shared by its context copies and the call that sends it.
package final class ResponseMetadata: Sendable {
  private struct State {
    var initial = Metadata()
    var initialSent = false
    var trailing = Metadata()
  }

  private let state = Mutex(State())

  package init() {}

  func setInitial(_ metadata: Metadata) {
    self.state.withLock { state in
      if !state.initialSent { state.initial = metadata }
    }
  }

  func addTrailing(_ metadata: Metadata) {
    self.state.withLock { state in
      for entry in metadata { state.trailing.append(entry) }
    }
  }

  /// Takes the initial metadata to send (once); nil when it was taken already or is empty.
  package func takeInitial() -> Metadata? {
    self.state.withLock { state in
      guard !state.initialSent else { return nil }
      state.initialSent = true
      return state.initial.isEmpty ? nil : state.initial
    }
  }

  /// The trailing metadata to send with the status.
  package func trailing() -> Metadata {
    self.state.withLock { $0.trailing }
  }
}

/// The remote end of a connection, as a server handler sees it.
public struct PeerInfo: Sendable, Hashable {
  /// The remote address, e.g. `127.0.0.1:52344`; `in-process` for the in-process transport.
  public var remoteAddress: String
  /// What the TLS handshake negotiated, including the verified client certificate's identity (mutual TLS).
  public var tls: TLSConnectionInfo?

  /// Creates peer information.
  public init(remoteAddress: String, tls: TLSConnectionInfo?) {
    self.remoteAddress = remoteAddress
    self.tls = tls
  }
}
