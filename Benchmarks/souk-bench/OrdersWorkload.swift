import Foundation
import Histogram
import SoukAPI
import SoukAPIServices
import SoukClient

/// The callers of `souk-bench orders`: each places one-line orders, one at a time, over a ``SoukClient`` shared
/// with other callers, until the measured window ends; orders sent inside the window are counted.
enum OrdersWorkload {
  /// How many callers, over how many connections, for how long.
  struct Settings: Sendable {
    /// Callers placing orders at once, over all connections and instances.
    var callers: Int
    /// `SoukClient` connections the callers share, spread over the instances in turn.
    var connections: Int
    /// Run before the window, not counted.
    var warmUp: Duration
    /// The measured window's length.
    var duration: Duration
  }

  /// CPU time over the window: of the instances, of this process and of the whole machine.
  private struct CPUUsage: Sendable {
    var souk: Duration
    var client: Duration
    var machineBusy: Double
  }

  /// Opens the connections (connection `i` to instance `i % instances.count`, caller `j` on connection
  /// `j % connections`), makes one call on each so that TLS is done before the clock starts, then runs the callers
  /// through the warm-up and the window.
  static func run(
    _ settings: Settings,
    market: OrdersMarket,
    instances: [SoukServeProcess],
    configuration: OrdersConfiguration
  ) async throws -> OrdersMeasurement {
    let clients = try (0..<settings.connections).map { index in
      let instance = instances[index % instances.count]
      return try SoukClient(
        address: instance.address,
        key: market.partnerKey,
        trust: .certificateAuthority(path: instance.caPath)
      )
    }
    defer {
      for client in clients { client.close() }
    }
    for client in clients {
      var request = SoukCatalogV1.GetProductRequest()
      request.lookup = .productId(market.productIDs[0])
      _ = try await client.catalog.getProduct(request)
    }

    let window = MeasurementWindow(warmUp: settings.warmUp, duration: settings.duration)
    async let usage = cpuUsage(over: window, instances: instances)
    let sample = await withTaskGroup(of: OrdersSample.self) { callers in
      for index in 0..<settings.callers {
        let client = clients[index % clients.count]
        callers.addTask { await placeOrders(client, market: market, window: window) }
      }
      return await callers.reduce(into: OrdersSample()) { $0.add($1) }
    }
    let cpu = try await usage
    return OrdersMeasurement(
      configuration: configuration,
      sample: sample,
      seconds: window.seconds,
      soukCPU: cpu.souk,
      clientCPU: cpu.client,
      machineBusy: cpu.machineBusy,
      unitsSold: try await market.unitsSold(through: clients[clients.count - 1])
    )
  }

  /// One caller: an order at a time, each for one unit of a random product, until the window ends. A failed call
  /// is counted and the caller goes on.
  private static func placeOrders(
    _ client: SoukClient,
    market: OrdersMarket,
    window: MeasurementWindow
  ) async -> OrdersSample {
    var sample = OrdersSample()
    while true {
      let productID = market.productIDs[Int.random(in: 0..<market.productIDs.count)]
      let request = market.orderRequest(productID: productID)
      let sent = ContinuousClock.now
      guard sent < window.end else { break }
      do {
        let order = try await client.orders.placeOrder(request)
        let answered = ContinuousClock.now
        guard order.lines.count == 1, order.lines[0].productId == productID, order.lines[0].quantity == 1 else {
          sample.failures += 1
          sample.firstFailure = sample.firstFailure ?? "order \(order.id) does not hold the one line asked for"
          continue
        }
        sample.placed += 1
        if window.contains(sent) {
          sample.latency.record((answered - sent).nanoseconds)
          sample.counted += 1
        }
      } catch {
        sample.failures += 1
        sample.firstFailure = sample.firstFailure ?? String(describing: SoukError(error) ?? error)
      }
    }
    return sample
  }

  /// Reads the CPU counters at the window's start and end: waits until the end.
  private static func cpuUsage(over window: MeasurementWindow, instances: [SoukServeProcess]) async throws
    -> CPUUsage
  {
    let client = getpid()
    try await Task.sleep(until: window.start, clock: .continuous)
    let soukBefore = try instances.map { try $0.cpuTime() }
    let clientBefore = try ProcessStatus.cpuTime(of: client)
    let machineBefore = try MachineCPU.read()
    try await Task.sleep(until: window.end, clock: .continuous)
    let soukAfter = try instances.map { try $0.cpuTime() }
    let clientAfter = try ProcessStatus.cpuTime(of: client)
    let machineAfter = try MachineCPU.read()
    return CPUUsage(
      souk: zip(soukAfter, soukBefore).reduce(.zero) { $0 + ($1.0 - $1.1) },
      client: clientAfter - clientBefore,
      machineBusy: machineAfter.busyFraction(since: machineBefore)
    )
  }
}
