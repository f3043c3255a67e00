import Testing

@testable import SoukTLS

@Suite("TLS connection state machine")
struct TLSConnectionStateMachineTests {
  private let failure = TLSError(code: .handshakeFailed, message: "test")

  private func active() -> TLSConnectionStateMachine {
    var machine = TLSConnectionStateMachine()
    _ = machine.channelActive()
    _ = machine.handshakeStepped(.complete)
    return machine
  }

  @Test func handshakeRunsThenCompletes() {
    var machine = TLSConnectionStateMachine()
    #expect(machine.channelActive() == .startHandshake)
    #expect(machine.channelActive() == .none)
    #expect(machine.bytesReceived() == .runHandshake)
    #expect(machine.handshakeStepped(.incomplete) == .flushHandshakeOutput)
    #expect(machine.handshakeStepped(.complete) == .completeHandshake)
    #expect(machine.state == .active)
    #expect(machine.bytesReceived() == .readPlaintext)
  }

  @Test func bytesBeforeActivationStartTheHandshake() {
    var machine = TLSConnectionStateMachine()
    #expect(machine.bytesReceived() == .startHandshake)
    #expect(machine.state == .handshaking)
  }

  @Test func writesWaitForTheHandshake() {
    var machine = TLSConnectionStateMachine()
    #expect(machine.write() == .buffer)
    _ = machine.channelActive()
    #expect(machine.write() == .buffer)
    _ = machine.handshakeStepped(.complete)
    #expect(machine.write() == .encrypt)
  }

  @Test func aFailedHandshakeFailsAndCloses() {
    var machine = TLSConnectionStateMachine()
    _ = machine.channelActive()
    #expect(machine.handshakeStepped(.failed(failure)) == .fail(failure))
    #expect(machine.state == .closed)
    #expect(machine.bytesReceived() == .none)
    guard case .fail(let error) = machine.write() else {
      Issue.record("a write after failure must fail")
      return
    }
    #expect(error.code == .outputClosed)
  }

  @Test func handshakeTimeoutFiresOnlyWhileHandshaking() {
    var machine = TLSConnectionStateMachine()
    _ = machine.channelActive()
    guard case .fail(let error) = machine.handshakeTimedOut(after: "1 s") else {
      Issue.record("expected a failure")
      return
    }
    #expect(error.code == .handshakeTimeout)
    var done = active()
    #expect(done.handshakeTimedOut(after: "1 s") == .none)
  }

  @Test func peerCloseNotifyIsAnsweredAndCloses() {
    var machine = active()
    #expect(machine.readFinished(.closeNotify, allowHalfClosure: false) == .sendCloseNotify(then: .closeChannel))
    #expect(machine.state == .closed)
    #expect(machine.channelInactive() == nil)
  }

  @Test func peerCloseNotifyWithHalfClosureKeepsOutputOpen() {
    var machine = active()
    #expect(machine.readFinished(.closeNotify, allowHalfClosure: true) == .fireInputClosed)
    #expect(machine.state == .inputClosed)
    #expect(machine.write() == .encrypt)
    #expect(machine.closeRequested(.output) == .sendCloseNotify(then: .closeChannel))
    #expect(machine.state == .closed)
  }

  @Test func ourCloseWaitsForThePeersCloseNotify() {
    var machine = active()
    #expect(machine.closeRequested(.all) == .sendCloseNotify(then: .waitForPeer))
    #expect(machine.state == .closing)
    #expect(machine.closeRequested(.all) == .forwardClose)
    #expect(machine.readFinished(.closeNotify, allowHalfClosure: false) == .closeChannel)
    #expect(machine.channelInactive() == nil)
  }

  @Test func shutdownTimeoutClosesTheChannel() {
    var machine = active()
    _ = machine.closeRequested(.all)
    #expect(machine.shutdownTimedOut() == .closeChannel)
    #expect(machine.shutdownTimedOut() == .none)
  }

  @Test func closingTheOutputSendsCloseNotifyAndHalfCloses() {
    var machine = active()
    #expect(machine.closeRequested(.output) == .sendCloseNotify(then: .closeOutput))
    #expect(machine.state == .outputClosed)
    #expect(machine.bytesReceived() == .readPlaintext)
    guard case .fail = machine.write() else {
      Issue.record("writes after closing the output must fail")
      return
    }
    #expect(machine.readFinished(.closeNotify, allowHalfClosure: false) == .closeChannel)
  }

  @Test func closeBeforeTheHandshakeClosesAtOnce() {
    var machine = TLSConnectionStateMachine()
    _ = machine.channelActive()
    #expect(machine.closeRequested(.all) == .closeChannel)
    #expect(machine.channelInactive() == nil)
  }

  @Test func eofWithoutCloseNotifyIsAnUncleanShutdown() {
    var machine = active()
    #expect(machine.channelInactive()?.code == .uncleanShutdown)
    var handshaking = TLSConnectionStateMachine()
    _ = handshaking.channelActive()
    #expect(handshaking.channelInactive()?.code == .connectionClosedDuringHandshake)
  }

  @Test func inputEndingWithoutCloseNotifyFails() {
    var machine = active()
    guard case .fail(let error) = machine.inputEnded() else {
      Issue.record("expected a failure")
      return
    }
    #expect(error.code == .uncleanShutdown)
    var closing = active()
    _ = closing.closeRequested(.all)
    #expect(closing.inputEnded() == .closeChannel)
  }

  @Test func aReadErrorFailsOnce() {
    var machine = active()
    #expect(machine.readFinished(.failed(failure), allowHalfClosure: false) == .fail(failure))
    #expect(machine.readFinished(.failed(failure), allowHalfClosure: false) == .none)
    #expect(machine.readFinished(.wantRead, allowHalfClosure: false) == .none)
  }

  @Test func aWriteErrorFailsTheConnection() {
    var machine = active()
    #expect(machine.writeFailed(failure) == .fail(failure))
    #expect(machine.state == .closed)
    #expect(machine.writeFailed(failure) == .none)
  }

  @Test func closeInputIsPassedDown() {
    var machine = active()
    #expect(machine.closeRequested(.input) == .forwardClose)
    #expect(machine.state == .active)
  }
}
