import NIOCore
import Testing

@testable import SoukRPC

/// The server's connection rules as a value, event by event, with no channel.
@Suite("Server connection state machine")
struct ServerConnectionStateMachineTests {
  private static let call = CallHeader(method: "p.S/M", timeoutMicroseconds: 0, metadata: [:])

  private static func active(maxConcurrentStreams: Int = 100) -> ServerConnectionStateMachine {
    var machine = ServerConnectionStateMachine(
      localSettings: ConnectionSettings(maxConcurrentStreams: maxConcurrentStreams)
    )
    #expect(
      machine.received(Frame(streamID: 0, payload: .settings(ConnectionSettings.defaults.update))) == .settingsApplied)
    return machine
  }

  @Test func settingsMustComeFirstAndOnlyOnce() {
    var fresh = ServerConnectionStateMachine(localSettings: .defaults)
    guard case .connectionError(.protocolError, _) = fresh.received(Frame(streamID: 1, payload: .call(Self.call)))
    else {
      Issue.record("a CALL before SETTINGS was accepted")
      return
    }
    var machine = Self.active()
    guard
      case .connectionError(.protocolError, _) = machine.received(
        Frame(streamID: 0, payload: .settings(ConnectionSettings.defaults.update))
      )
    else {
      Issue.record("a second SETTINGS was accepted")
      return
    }
  }

  @Test func streamIdsMustBeNewAndOdd() {
    var machine = Self.active()
    #expect(machine.received(Frame(streamID: 3, payload: .call(Self.call))) == .openStream(id: 3, header: Self.call))
    guard case .connectionError(.protocolError, _) = machine.received(Frame(streamID: 1, payload: .call(Self.call)))
    else {
      Issue.record("a lower stream id was accepted")
      return
    }
    var even = Self.active()
    guard case .connectionError(.protocolError, _) = even.received(Frame(streamID: 2, payload: .call(Self.call)))
    else {
      Issue.record("an even stream id was accepted")
      return
    }
  }

  @Test func framesForEndedStreamsAreIgnoredAndForUnopenedOnesRefused() {
    var machine = Self.active()
    _ = machine.received(Frame(streamID: 1, payload: .call(Self.call)))
    #expect(machine.received(Frame(streamID: 1, payload: .halfClose)) == .deliver(id: 1, payload: .halfClose))
    machine.streamClosed(1)
    #expect(machine.received(Frame(streamID: 1, payload: .halfClose)) == .none)
    guard case .connectionError(.protocolError, _) = machine.received(Frame(streamID: 9, payload: .halfClose)) else {
      Issue.record("a frame for a never-opened stream was accepted")
      return
    }
  }

  @Test func callsBeyondTheLimitAreRefusedOneByOne() {
    var machine = Self.active(maxConcurrentStreams: 1)
    #expect(machine.received(Frame(streamID: 1, payload: .call(Self.call))) == .openStream(id: 1, header: Self.call))
    guard case .refuseStream(3, let error) = machine.received(Frame(streamID: 3, payload: .call(Self.call))) else {
      Issue.record("a call beyond the limit was not refused")
      return
    }
    #expect(error.code == .resourceExhausted)
    machine.streamClosed(1)
    #expect(machine.received(Frame(streamID: 5, payload: .call(Self.call))) == .openStream(id: 5, header: Self.call))
  }

  @Test func drainingFinishesOpenCallsAndRefusesNewOnes() {
    var machine = Self.active()
    _ = machine.received(Frame(streamID: 1, payload: .call(Self.call)))
    #expect(machine.beginDraining() == 1)
    #expect(machine.beginDraining() == nil)
    #expect(!machine.isDrained)
    guard case .refuseStream(3, let error) = machine.received(Frame(streamID: 3, payload: .call(Self.call))) else {
      Issue.record("a call after GOAWAY was not refused")
      return
    }
    #expect(error.code == .unavailable)
    machine.streamClosed(1)
    #expect(machine.isDrained)
  }

  @Test func aDrainBeforeTheClientsSettingsStillAcceptsThem() {
    var machine = ServerConnectionStateMachine(localSettings: .defaults)
    #expect(machine.beginDraining() == 0)
    #expect(
      machine.received(Frame(streamID: 0, payload: .settings(ConnectionSettings.defaults.update))) == .settingsApplied)
  }

  @Test func aClientGoAwayWithAnErrorClosesAndAGracefulOneDrains() {
    var graceful = Self.active()
    let bye = GoAway(lastStreamID: 0, code: .noError, message: "bye")
    #expect(graceful.received(Frame(streamID: 0, payload: .goAway(bye))) == .peerGoingAway)
    var failing = Self.active()
    let error = GoAway(lastStreamID: 0, code: .protocolError, message: "bad")
    guard case .connectionError = failing.received(Frame(streamID: 0, payload: .goAway(error))) else {
      Issue.record("a client's error GOAWAY did not close the connection")
      return
    }
  }
}
