/// The life of one TLS connection as a value: every event returns the action the handler performs.
///
/// The machine knows nothing of OpenSSL or channels; ``TLSHandler`` feeds it events and performs the
/// actions, and tests drive it alone.
struct TLSConnectionStateMachine {
  enum State: Hashable {
    /// Created; the channel is not active yet.
    case idle
    /// The handshake is running; application writes wait.
    case handshaking
    /// Application data flows both ways.
    case active
    /// The peer sent close_notify; we may still write (half-closure).
    case inputClosed
    /// We sent close_notify and closed our output; the peer may still write.
    case outputClosed
    /// We sent close_notify and wait for the peer's before closing the channel.
    case closing
    /// Nothing more happens.
    case closed
  }

  /// What a handshake step produced.
  enum HandshakeOutcome: Hashable {
    case complete
    case incomplete
    case failed(TLSError)
  }

  /// What reading plaintext produced.
  enum ReadOutcome: Hashable {
    case wantRead
    case closeNotify
    case failed(TLSError)
  }

  /// What to do once close_notify has been written.
  enum AfterCloseNotify: Hashable {
    case closeChannel
    case closeOutput
    case waitForPeer
  }

  enum Action: Hashable {
    case none
    /// Arm the handshake timer and run the first handshake step.
    case startHandshake
    /// Feed received bytes to the handshake.
    case runHandshake
    /// Send what the handshake produced and wait for more bytes.
    case flushHandshakeOutput
    /// Report the handshake, then send the writes that waited for it and read any early application data.
    case completeHandshake
    /// Decrypt received records.
    case readPlaintext
    /// Send any pending alert, report the error, fail waiting writes and close the channel.
    case fail(TLSError)
    /// Tell the application that the peer closed its side (close_notify).
    case fireInputClosed
    /// Queue and send close_notify, then do what it says.
    case sendCloseNotify(then: AfterCloseNotify)
    /// Our close_notify is already out: wait for the peer's (or the shutdown timeout), then close.
    case waitForPeer
    /// Close the channel now.
    case closeChannel
    /// Pass the close request down the pipeline unchanged.
    case forwardClose
  }

  /// What to do with an application write.
  enum WriteAction: Hashable {
    /// Keep the write until the handshake completes.
    case buffer
    /// Encrypt and send the write.
    case encrypt
    /// Fail the write's promise.
    case fail(TLSError)
  }

  /// How the application asked to close.
  enum CloseRequest: Hashable {
    case all
    case output
    case input
  }

  private(set) var state: State = .idle

  /// The channel became active (or the handler was added to an active channel).
  mutating func channelActive() -> Action {
    guard state == .idle else { return .none }
    state = .handshaking
    return .startHandshake
  }

  /// Ciphertext arrived from the network (and was handed to OpenSSL).
  mutating func bytesReceived() -> Action {
    switch state {
    case .idle:
      state = .handshaking
      return .startHandshake
    case .handshaking:
      return .runHandshake
    case .active, .inputClosed, .outputClosed, .closing:
      return .readPlaintext
    case .closed:
      return .none
    }
  }

  /// A handshake step finished.
  mutating func handshakeStepped(_ outcome: HandshakeOutcome) -> Action {
    guard state == .handshaking else { return .none }
    switch outcome {
    case .complete:
      state = .active
      return .completeHandshake
    case .incomplete:
      return .flushHandshakeOutput
    case .failed(let error):
      state = .closed
      return .fail(error)
    }
  }

  /// Reading plaintext finished; `allowHalfClosure` is the channel's `allowRemoteHalfClosure` option.
  mutating func readFinished(_ outcome: ReadOutcome, allowHalfClosure: Bool) -> Action {
    switch outcome {
    case .wantRead:
      return .none
    case .failed(let error):
      guard state != .closed else { return .none }
      state = .closed
      return .fail(error)
    case .closeNotify:
      switch state {
      case .active:
        if allowHalfClosure {
          state = .inputClosed
          return .fireInputClosed
        }
        state = .closed
        return .sendCloseNotify(then: .closeChannel)
      case .outputClosed, .closing:
        state = .closed
        return .closeChannel
      case .idle, .handshaking, .inputClosed, .closed:
        return .none
      }
    }
  }

  /// The application wrote plaintext.
  func write() -> WriteAction {
    switch state {
    case .idle, .handshaking:
      return .buffer
    case .active, .inputClosed:
      return .encrypt
    case .outputClosed, .closing, .closed:
      return .fail(TLSError(code: .outputClosed, message: "cannot write after the TLS output was closed"))
    }
  }

  /// Encrypting a write failed: the connection cannot go on.
  mutating func writeFailed(_ error: TLSError) -> Action {
    guard state != .closed else { return .none }
    state = .closed
    return .fail(error)
  }

  /// The application asked to close.
  mutating func closeRequested(_ request: CloseRequest) -> Action {
    switch (request, state) {
    case (.input, _):
      return .forwardClose
    case (.all, .idle), (.all, .handshaking), (.output, .idle), (.output, .handshaking):
      state = .closed
      return .closeChannel
    case (.all, .active):
      state = .closing
      return .sendCloseNotify(then: .waitForPeer)
    case (.all, .inputClosed), (.output, .inputClosed):
      state = .closed
      return .sendCloseNotify(then: .closeChannel)
    case (.all, .outputClosed):
      state = .closing
      return .waitForPeer
    case (.output, .active):
      state = .outputClosed
      return .sendCloseNotify(then: .closeOutput)
    case (.all, .closing), (.all, .closed), (.output, .outputClosed), (.output, .closing), (.output, .closed):
      return .forwardClose
    }
  }

  /// The peer did not answer our close_notify in time.
  mutating func shutdownTimedOut() -> Action {
    guard state == .closing else { return .none }
    state = .closed
    return .closeChannel
  }

  /// The handshake timer fired.
  mutating func handshakeTimedOut(after description: String) -> Action {
    switch state {
    case .idle, .handshaking:
      state = .closed
      return .fail(TLSError(code: .handshakeTimeout, message: "the TLS handshake did not finish within \(description)"))
    case .active, .inputClosed, .outputClosed, .closing, .closed:
      return .none
    }
  }

  /// The network input ended (TCP FIN) while the channel stays open (half-closure enabled).
  mutating func inputEnded() -> Action {
    switch state {
    case .idle, .handshaking:
      state = .closed
      return .fail(Self.closedDuringHandshake)
    case .active, .outputClosed:
      state = .closed
      return .fail(Self.uncleanShutdown)
    case .closing:
      state = .closed
      return .closeChannel
    case .inputClosed, .closed:
      return .none
    }
  }

  /// The channel closed; returns the error to report, if the closure was not clean.
  mutating func channelInactive() -> TLSError? {
    defer { state = .closed }
    switch state {
    case .handshaking:
      return Self.closedDuringHandshake
    case .active, .outputClosed:
      return Self.uncleanShutdown
    case .idle, .inputClosed, .closing, .closed:
      return nil
    }
  }

  private static let closedDuringHandshake = TLSError(
    code: .connectionClosedDuringHandshake,
    message: "the connection closed before the TLS handshake finished"
  )

  private static let uncleanShutdown = TLSError(
    code: .uncleanShutdown,
    message: "the peer closed the connection without close_notify; data may be truncated"
  )
}
