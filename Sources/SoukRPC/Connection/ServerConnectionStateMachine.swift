/// The server's view of one connection's rules, as a value: settings, stream ids, the limit on concurrent calls,
/// and draining after GOAWAY. It never touches a channel; each event returns what the handler must do.
///
/// Per-call work (routing, flow control, messages) belongs to the handler and the call's stream; this machine
/// decides only whether a frame is allowed on this connection and which stream it concerns.
package struct ServerConnectionStateMachine {
  package enum Phase: Equatable {
    /// Waiting for the client's SETTINGS (the decoder has checked the preface).
    case awaitingSettings
    /// Serving calls.
    case active
    /// GOAWAY sent: calls up to `lastStreamID` finish, later ones are refused.
    case draining(lastStreamID: UInt32)
    /// The connection is closing; every frame is ignored.
    case closed
  }

  /// What the handler does with a received frame.
  package enum FrameAction: Equatable {
    /// Nothing to do.
    case none
    /// Start a new call.
    case openStream(id: UInt32, header: CallHeader)
    /// Answer the new stream with this error's STATUS; it never opens.
    case refuseStream(id: UInt32, error: RPCError)
    /// Hand the frame to the open stream `id`.
    case deliver(id: UInt32, payload: Frame.Payload)
    /// Answer a ping.
    case pong(data: UInt64)
    /// The client's settings changed the limits of later streams.
    case settingsApplied
    /// The client is going away; stop when its calls are done.
    case peerGoingAway
    /// Send GOAWAY with this code and reason, then close.
    case connectionError(GoAwayCode, String)
  }

  package private(set) var phase: Phase = .awaitingSettings
  /// Whether the client's SETTINGS have arrived (a drain may start before they do).
  private var settingsReceived = false
  /// The client's settings, the defaults until its SETTINGS arrive.
  package private(set) var peerSettings = ConnectionSettings.defaults
  /// This server's settings, announced in its SETTINGS frame.
  package let localSettings: ConnectionSettings
  /// The highest stream id the client has opened.
  package private(set) var highestStreamID: UInt32 = 0
  /// The streams open now.
  package private(set) var openStreams: Set<UInt32> = []

  package init(localSettings: ConnectionSettings) {
    self.localSettings = localSettings
  }

  /// Decides what a frame from the client means.
  package mutating func received(_ frame: Frame) -> FrameAction {
    if case .closed = self.phase { return .none }
    if !self.settingsReceived {
      guard case .settings(let update) = frame.payload else {
        return self.fail(.protocolError, "expected SETTINGS as the first frame, got \(frame.type)")
      }
      do {
        try self.peerSettings.apply(update)
      } catch {
        return self.fail(error.goAwayCode, error.message)
      }
      self.settingsReceived = true
      if case .awaitingSettings = self.phase { self.phase = .active }
      return .settingsApplied
    }

    switch frame.payload {
    case .settings:
      return self.fail(.protocolError, "SETTINGS may be sent only once")
    case .ping(let data, let ack):
      return ack ? .none : .pong(data: data)
    case .goAway(let goAway):
      // A client's error closes the connection at once; a graceful GOAWAY lets its calls finish.
      guard goAway.code == .noError else {
        self.phase = .closed
        return .connectionError(.noError, "the client reported \(goAway.code): \(goAway.message)")
      }
      return .peerGoingAway
    case .call(let header):
      return self.open(frame.streamID, header)
    case .streamError(.call, let error):
      // A CALL the decoder could not accept (metadata over the limit): it uses its id, then is refused.
      let id = frame.streamID
      guard id % 2 == 1, id > self.highestStreamID else {
        return self.fail(.protocolError, "CALL on stream \(id), not a new odd stream id")
      }
      self.highestStreamID = id
      return .refuseStream(id: id, error: error)
    case .streamError:
      return self.fail(.protocolError, "a client may not send \(frame.type)")
    case .status, .headers:
      return self.fail(.protocolError, "a client may not send \(frame.type)")
    case .message, .halfClose, .cancel, .windowUpdate:
      let id = frame.streamID
      if self.openStreams.contains(id) { return .deliver(id: id, payload: frame.payload) }
      if id <= self.highestStreamID { return .none }  // a stream that has ended: races are normal
      return self.fail(.protocolError, "\(frame.type) for stream \(id), which was never opened")
    }
  }

  private mutating func open(_ id: UInt32, _ header: CallHeader) -> FrameAction {
    guard id % 2 == 1 else {
      return self.fail(.protocolError, "CALL on stream \(id): clients open odd stream ids")
    }
    guard id > self.highestStreamID else {
      return self.fail(
        .protocolError,
        "CALL on stream \(id), not above the highest stream id used so far (\(self.highestStreamID))"
      )
    }
    self.highestStreamID = id
    if case .draining(let lastStreamID) = self.phase, id > lastStreamID {
      return .refuseStream(id: id, error: RPCError(code: .unavailable, message: "the server is shutting down"))
    }
    guard self.openStreams.count < self.localSettings.maxConcurrentStreams else {
      return .refuseStream(
        id: id,
        error: RPCError(
          code: .resourceExhausted,
          message: "too many concurrent calls: at most \(self.localSettings.maxConcurrentStreams) per connection"
        )
      )
    }
    self.openStreams.insert(id)
    return .openStream(id: id, header: header)
  }

  /// Records that a stream has ended (its STATUS was sent, or the client cancelled it).
  package mutating func streamClosed(_ id: UInt32) {
    self.openStreams.remove(id)
  }

  /// Starts a graceful shutdown: returns the last stream id to put in GOAWAY, or nil if already draining.
  package mutating func beginDraining() -> UInt32? {
    switch self.phase {
    case .awaitingSettings, .active:
      self.phase = .draining(lastStreamID: self.highestStreamID)
      return self.highestStreamID
    case .draining, .closed:
      return nil
    }
  }

  /// Whether the connection may close now: draining with no call left.
  package var isDrained: Bool {
    if case .draining = self.phase { return self.openStreams.isEmpty }
    return false
  }

  /// Marks the connection closed; later frames are ignored.
  package mutating func close() {
    self.phase = .closed
  }

  private mutating func fail(_ code: GoAwayCode, _ message: String) -> FrameAction {
    self.phase = .closed
    return .connectionError(code, message)
  }
}
