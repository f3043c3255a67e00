import Foundation
import Histogram

/// The table of `souk-bench orders`: one row per configuration, printed as soon as it is measured.
enum OrdersReport {
  /// The table's header and alignment lines.
  static let header = [
    "| store | instances | callers / conns | orders/s | p50 ms | p99 ms | failures | vs SQLite | souk CPU µs/order "
      + "| client CPU µs/order | machine CPU busy |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ]

  /// One configuration's row; `baseline` is the SQLite row's rate (nil when this is that row).
  static func row(_ measurement: OrdersMeasurement, settings: OrdersWorkload.Settings, baseline: Double?) -> String {
    let latency = measurement.sample.latency
    let ratio = baseline.map { $0 > 0 ? measurement.rate / $0 : 0 } ?? 1
    let cells = [
      measurement.configuration.name,
      String(measurement.configuration.instances),
      "\(settings.callers) / \(settings.connections)",
      Report.grouped(measurement.rate),
      milliseconds(latency.valueAtPercentile(50)),
      milliseconds(latency.valueAtPercentile(99)),
      String(measurement.sample.failures),
      String(format: "%.2fx", ratio),
      Report.grouped(measurement.microsecondsPerOrder(measurement.soukCPU)),
      Report.grouped(measurement.microsecondsPerOrder(measurement.clientCPU)),
      String(format: "%.0f %%", measurement.machineBusy * 100),
    ]
    return "| " + cells.joined(separator: " | ") + " |"
  }

  /// The row that stands for the PostgreSQL configurations when no server was given.
  static let postgresSkipped =
    "| PostgreSQL | 1 and 2 | skipped: no --postgres URL (or SOUK_BENCH_POSTGRES_URL) | | | | | | | | |"

  /// Nanoseconds as milliseconds: two decimals below 10 ms, one below 100 ms, whole (grouped) above.
  private static func milliseconds(_ nanoseconds: UInt64) -> String {
    let value = Double(nanoseconds) / 1_000_000
    switch value {
    case ..<10: return String(format: "%.2f", value)
    case ..<100: return String(format: "%.1f", value)
    default: return Report.grouped(value)
    }
  }
}
