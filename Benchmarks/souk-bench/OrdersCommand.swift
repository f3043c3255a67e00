import ArgumentParser
import Foundation
import SoukAPIServices
import SoukStorePostgres

/// `souk-bench orders`: orders placed end to end (client, TLS, souk/1, OrderService.PlaceOrder, the store's
/// durable commit) against real `souk serve` processes: on the embedded SQLite store (the baseline), on a
/// PostgreSQL database, and as two instances sharing one PostgreSQL database.
struct OrdersCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "orders",
    abstract: "Measures placing orders through souk serve on SQLite, and on PostgreSQL with one and two instances.",
    discussion: """
      Runs the souk executable of --souk (the main package's build) as child processes on 127.0.0.1, each \
      configuration on a fresh data folder and, for PostgreSQL, a fresh database on the --postgres server \
      (dropped afterwards). Without --postgres (or SOUK_BENCH_POSTGRES_URL) only the SQLite row runs.
      """
  )

  @Option(
    help: ArgumentHelp(
      "A PostgreSQL server whose role may create databases, postgres://USER:PASSWORD@HOST:PORT/DATABASE (env "
        + "SOUK_BENCH_POSTGRES_URL).",
      valueName: "url"
    )
  )
  var postgres: String?

  @Option(
    help: ArgumentHelp("The souk executable, built by the main package (.build/release/souk).", valueName: "path"))
  var souk: String

  @Option(help: ArgumentHelp("Measured seconds per configuration.", valueName: "S"))
  var duration: Double = 10

  @Option(name: .customLong("warmup"), help: ArgumentHelp("Seconds run before measuring, not counted.", valueName: "S"))
  var warmUpSeconds: Double = 3

  @Option(help: ArgumentHelp("Callers placing orders at once, over all instances.", valueName: "N"))
  var callers = 32

  @Option(
    help: ArgumentHelp("Client connections the callers share, spread over the instances in turn.", valueName: "N")
  )
  var connections = 8

  @Option(help: ArgumentHelp("Products the orders pick from at random.", valueName: "N"))
  var products = 20

  @Option(help: ArgumentHelp("Each product's stock at the start (a run must not sell out).", valueName: "N"))
  var stock: Int64 = 10_000_000

  func validate() throws {
    guard duration > 0 else { throw ValidationError("--duration \(duration): not > 0") }
    guard warmUpSeconds >= 0 else { throw ValidationError("--warmup \(warmUpSeconds): negative") }
    guard connections >= 2 else { throw ValidationError("--connections \(connections): at least 2, one per instance") }
    guard callers >= connections else { throw ValidationError("--callers must be at least --connections") }
    guard (1...500).contains(products) else { throw ValidationError("--products \(products): 1 to 500") }
    guard stock > 0, stock <= 1_000_000_000 else { throw ValidationError("--stock \(stock): 1 to 1,000,000,000") }
  }

  func run() async throws {
    let executable = try soukExecutable()
    let postgresURL = postgres ?? ProcessInfo.processInfo.environment["SOUK_BENCH_POSTGRES_URL"]
    let server = try postgresURL.flatMap { $0.isEmpty ? nil : try BenchPostgres($0) }
    let settings = OrdersWorkload.Settings(
      callers: callers,
      connections: connections,
      warmUp: Duration(secondsValue: warmUpSeconds),
      duration: Duration(secondsValue: duration)
    )

    Report.print(
      "souk-bench orders: \(executable.path) serve on 127.0.0.1 (TLS, souk/1, development certificate), "
        + "\(ProcessInfo.processInfo.activeProcessorCount) cores; \(callers) callers over \(connections) "
        + "SoukClient connections (spread over the instances), one-line orders of 1 unit of one of \(products) "
        + "products (stock \(stock) each), a fresh idempotency key and reference each; warm-up \(settings.warmUp), "
        + "measured \(settings.duration) per configuration"
    )
    Report.print("SQLite: WAL, synchronous = FULL (a commit is flushed to disk before the reply)")
    if let server {
      let commit = try await server.commitSettings()
      Report.print("\(commit) (server \(server.server))")
      if !commit.isDurable {
        Report.printError(
          "souk-bench: warning: PostgreSQL does not flush commits (fsync or synchronous_commit off): its rows do "
            + "not compare with SQLite's durable commits"
        )
      }
    }
    Report.print("")
    for line in OrdersReport.header { Report.print(line) }

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("souk-bench-orders-\(getpid())").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var baseline: Double?
    var failed = false
    for configuration in OrdersConfiguration.all(withPostgres: server != nil) {
      let measurement: OrdersMeasurement
      do {
        measurement = try await measure(
          configuration,
          settings: settings,
          executable: executable,
          folder: folder + "/" + configuration.label,
          postgres: server
        )
      } catch {
        Report.printError("souk-bench: \(configuration.name), \(configuration.instances) instance(s): \(error)")
        throw ExitCode.failure
      }
      Report.print(OrdersReport.row(measurement, settings: settings, baseline: baseline))
      baseline = baseline ?? measurement.rate
      if let failure = measurement.sample.firstFailure {
        Report.printError("souk-bench: \(measurement.sample.failures) order(s) failed; the first: \(failure)")
        failed = true
      }
      if measurement.unitsSold != Int64(measurement.sample.placed) {
        Report.printError(
          "souk-bench: \(measurement.sample.placed) orders acknowledged but the store sold "
            + "\(measurement.unitsSold) units"
        )
        failed = true
      }
    }
    if server == nil { Report.print(OrdersReport.postgresSkipped) }
    Report.print("")
    Report.print(
      "latency: order sent -> order received (the store's commit done); rate: orders sent inside the window per "
        + "second; vs SQLite: rate over the SQLite row's; machine CPU busy: all cores, every process (PostgreSQL "
        + "included)"
    )
    if failed { throw ExitCode.failure }
  }

  /// Runs one configuration on fresh instances and a fresh store, then stops the instances and drops the
  /// database.
  private func measure(
    _ configuration: OrdersConfiguration,
    settings: OrdersWorkload.Settings,
    executable: URL,
    folder: String,
    postgres: BenchPostgres?
  ) async throws -> OrdersMeasurement {
    var database: PostgresStoreURL?
    if configuration.store == .postgres, let postgres {
      database = try await postgres.makeDatabase(label: configuration.label)
    }
    var instances: [SoukServeProcess] = []
    let result: Result<OrdersMeasurement, any Error>
    do {
      // One after another: the first makes the store's admin key and shows it.
      for index in 0..<configuration.instances {
        let dataFolder = folder + "/instance-\(index + 1)"
        try FileManager.default.createDirectory(atPath: dataFolder, withIntermediateDirectories: true)
        instances.append(
          try await SoukServeProcess.start(
            executable: executable,
            dataFolder: dataFolder,
            databaseURL: database.map(BenchPostgres.urlText)
          )
        )
      }
      guard let first = instances.first, let adminKey = first.adminKey else {
        throw ValidationError("the first souk serve showed no admin key: its store was not new")
      }
      let market = try await OrdersMarket.make(
        address: first.address,
        caPath: first.caPath,
        adminKey: adminKey,
        productCount: products,
        stock: stock
      )
      result = .success(
        try await OrdersWorkload.run(settings, market: market, instances: instances, configuration: configuration)
      )
    } catch {
      result = .failure(error)
    }
    for (index, instance) in instances.enumerated() {
      let status = await instance.stop()
      if status != 0 {
        Report.printError("souk-bench: souk serve instance \(index + 1) exited with status \(status) on SIGTERM")
      }
    }
    if let database, let postgres {
      do {
        try await postgres.dropDatabase(database)
      } catch {
        Report.printError("souk-bench: could not drop the database \(database.database): \(error)")
      }
    }
    return try result.get()
  }

  /// The executable of `--souk`.
  private func soukExecutable() throws -> URL {
    guard FileManager.default.isExecutableFile(atPath: self.souk) else {
      throw ValidationError(
        "no souk executable at \(self.souk): build it in the main package (swift build -c release --product souk)")
    }
    return URL(fileURLWithPath: self.souk)
  }
}
