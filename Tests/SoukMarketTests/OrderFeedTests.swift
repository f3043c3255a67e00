import SoukAPI
import SoukAPIServices
import SoukMarket
import SoukRPC
import SoukStore
import SoukTestSupport
import SoukWire
import Testing

/// WatchFulfilments over a real SQLite store: replay, one CAUGHT_UP, live events, resumption, scoping.
@Suite("Order fulfilment feed")
struct OrderFeedTests {
  typealias Harness = OrderServiceHarness
  typealias Method = SoukOrdersV1.OrderService.Method
  typealias Event = SoukOrdersV1.FulfilmentFeedEvent

  /// A running watch and the events it sent.
  struct Watch {
    var events: AsyncStream<Event>.Iterator
    var task: Task<Void, any Error>

    init(_ harness: Harness, after sequence: UInt64, as kind: SoukCommonV1.PrincipalKind, _ id: String) {
      let (stream, continuation) = AsyncStream.makeStream(of: Event.self)
      var request = SoukOrdersV1.WatchFulfilmentsRequest()
      request.afterSequence = sequence
      let context = harness.context(Method.WatchFulfilments.self, kind, id)
      let handler = harness.handler
      self.task = Task {
        defer { continuation.finish() }
        try await handler.watchFulfilments(
          request: request,
          response: RPCWriter { continuation.yield($0) },
          context: context
        )
      }
      self.events = stream.makeAsyncIterator()
    }

    /// Ends the watch as a client's cancel does; the handler may return or throw `CancellationError`.
    func stop() async throws {
      self.task.cancel()
      do {
        try await self.task.value
      } catch is CancellationError {}
    }

    mutating func next() async throws -> Event {
      let event = await self.events.next()
      return try #require(event, "the watch ended early")
    }
  }

  static func placed(_ harness: Harness, _ key: String, _ lines: [(String, Int64)]) async throws -> SoukOrdersV1.Order {
    try await harness.place(Harness.placeRequest(key: key, reference: key, lines: lines))
  }

  @Test("Replay, CAUGHT_UP once, live events of the cooperative only, then a resume repeats nothing")
  func replayLiveResume() async throws {
    let harness = try await Harness()
    try await withTimeout(.seconds(60), "the feed scenario") {
      let first = try await Self.placed(harness, "o1", [(Harness.oil, 1), (Harness.rug, 1)])
      var watch = Watch(harness, after: 0, as: .cooperative, Harness.cooperativeA)
      let created = try await watch.next()
      #expect(created.kind == .created)
      #expect(created.order?.id == first.id)
      #expect(created.order?.lines.map(\.productId) == [Harness.oil], "the cooperative's view of the order")
      guard case .fulfilmentStatusChanged(let change)? = created.event?.change else {
        Issue.record("a CREATED event carries the fulfilment's creation")
        return
      }
      #expect(change.cooperativeId == Harness.cooperativeA && change.toStatus == .pending)
      let caughtUp = try await watch.next()
      #expect(caughtUp.kind == .caughtUp)
      #expect(caughtUp.sequence >= created.sequence)
      #expect(caughtUp.event == nil && caughtUp.order == nil)

      var accept = SoukOrdersV1.AcceptFulfilmentRequest()
      accept.idempotencyKey = "a1"
      accept.fulfilmentId = Harness.fulfilment(of: Harness.cooperativeA, in: first)
      _ = try await harness.handler.acceptFulfilment(
        request: accept,
        context: harness.context(Method.AcceptFulfilment.self, .cooperative, Harness.cooperativeA)
      )
      _ = try await Self.placed(harness, "o2", [(Harness.rug, 1)])
      let third = try await Self.placed(harness, "o3", [(Harness.honey, 1)])

      let accepted = try await watch.next()
      #expect(accepted.kind == .statusChanged)
      #expect(accepted.sequence > caughtUp.sequence)
      #expect(accepted.order?.fulfilments.first?.status == .accepted)
      let next = try await watch.next()
      #expect(next.kind == .created && next.order?.id == third.id, "cooperative B's order is not in A's feed")
      #expect(next.sequence > accepted.sequence)
      try await watch.stop()

      var resumed = Watch(harness, after: caughtUp.sequence, as: .cooperative, Harness.cooperativeA)
      let replayed = [try await resumed.next(), try await resumed.next(), try await resumed.next()]
      #expect(replayed.map(\.sequence).dropLast() == [accepted.sequence, next.sequence])
      #expect(replayed.map(\.kind) == [.statusChanged, .created, .caughtUp])
      try await resumed.stop()
    }
  }

  @Test("A cursor beyond the feed is refused with FEED_CURSOR_AHEAD; a cooperative cannot watch another's")
  func cursorAheadAndScope() async throws {
    let harness = try await Harness()
    _ = try await Self.placed(harness, "o1", [(Harness.oil, 1)])
    var request = SoukOrdersV1.WatchFulfilmentsRequest()
    request.afterSequence = 1_000
    let context = harness.context(Method.WatchFulfilments.self, .admin)
    do {
      try await harness.handler.watchFulfilments(request: request, response: RPCWriter { _ in }, context: context)
      Issue.record("a cursor ahead of the feed was accepted")
    } catch let error as MarketError {
      #expect(error.code == .failedPrecondition && error.detail.reason == .feedCursorAhead)
    }
    request.afterSequence = 0
    request.cooperativeId = Harness.cooperativeB
    do {
      try await harness.handler.watchFulfilments(
        request: request,
        response: RPCWriter { _ in },
        context: harness.context(Method.WatchFulfilments.self, .cooperative, Harness.cooperativeA)
      )
      Issue.record("a cooperative watched another's fulfilments")
    } catch let error as MarketError {
      #expect(error.code == .permissionDenied)
    }
  }
}
