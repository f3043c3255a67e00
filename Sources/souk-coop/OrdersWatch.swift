import ArgumentParser
import SoukAPI
import SoukAPIServices
import SoukClient
import SoukRPC
import SoukTools
import SoukWire

/// `souk-coop orders watch`: new orders and every change to the cooperative's fulfilments, live.
struct OrdersWatch: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watch",
    abstract: "Print your fulfilments' events as they happen, one line each (Ctrl-C to stop).",
    discussion: """
      Replays the events after --after (0: all retained events), then waits for new ones. Each line starts with
      the event's sequence number: pass the last one you handled as --after to resume. If the connection
      drops, the watch resumes after the last event it printed.
      """
  )

  @Option(help: "Start after this sequence number (0: from the oldest retained event).")
  var after: UInt64 = 0

  @OptionGroup var connection: ConnectionOptions

  /// How long to wait before resuming after the connection dropped.
  static let reconnectDelay = Duration.seconds(2)

  func run() async throws {
    try await ToolSession.run(self.connection) { client in
      var last = self.after
      while true {
        let end = try await self.watch(client, after: last)
        last = end.last
        guard end.started, let error = end.error as? RPCError,
          error.code == .unavailable || error.code == .resourceExhausted
        else {
          if let error = end.error { throw error }
          return
        }
        Console.error("-- connection lost (\(error.message)); resuming after \(last) --")
        try await Task.sleep(for: Self.reconnectDelay)
      }
    }
  }

  /// How one stream ended: the last sequence printed, whether any event arrived, and the error that broke it.
  private struct StreamEnd: Sendable {
    var last: UInt64
    var started = false
    var error: (any Error)?
  }

  /// Streams from `after` and prints each event; the error that ends the stream is returned with the
  /// last event printed, so the caller can resume after it.
  private func watch(_ client: SoukClient, after: UInt64) async throws -> StreamEnd {
    var request = SoukOrdersV1.WatchFulfilmentsRequest()
    request.afterSequence = after
    return try await client.stream(SoukOrdersV1.OrderService.Method.WatchFulfilments.self, request) { events in
      var end = StreamEnd(last: after)
      do {
        for try await event in events {
          end.started = true
          if event.kind == .caughtUp {
            Console.error("-- caught up at \(event.sequence); waiting for new events (Ctrl-C to stop) --")
            continue
          }
          Console.out(Self.line(for: event))
          end.last = event.sequence
        }
      } catch {
        end.error = error
      }
      return end
    }
  }

  /// `12  2025-06-01 15:03  accepted  fulfilment F  order O  2× ARG-250  45.50 MAD`.
  static func line(for event: SoukOrdersV1.FulfilmentFeedEvent) -> String {
    let order = event.order ?? SoukOrdersV1.Order()
    var fulfilmentID: String?
    var what: String
    switch event.event?.change {
    case .fulfilmentStatusChanged(let change)?:
      fulfilmentID = change.fulfilmentId
      what = change.fromStatus == .unspecified ? "new" : FulfilmentStatusName.name(of: change.toStatus)
    case .paymentRecorded(let payment)?:
      fulfilmentID = payment.fulfilmentId.isEmpty ? nil : payment.fulfilmentId
      what = "paid \(OrderText.money(payment.amount)) MAD"
    case .orderStatusChanged(let change)?:
      what = "order \(change.toStatus)"
    case nil:
      what = event.kind == .created ? "new" : "changed"
    }
    let fulfilment = OrderText.fulfilment(of: order, id: fulfilmentID) ?? OrderText.fulfilment(of: order)
    var parts = [
      String(event.sequence), OrderText.time(event.event?.occurredAt), what,
      "fulfilment \(fulfilment?.id ?? "-")", "order \(order.id)",
      OrderText.items(of: order, fulfilment: fulfilment),
      "\(OrderText.money(fulfilment?.goodsTotal)) MAD",
    ]
    if let reason = event.event?.reason, !reason.isEmpty { parts.append("reason: \(reason)") }
    if let tracking = fulfilment?.trackingReference, !tracking.isEmpty, what == "shipped" {
      parts.append("\(fulfilment?.carrier ?? "") \(tracking)")
    }
    return parts.joined(separator: "  ")
  }
}
