import Foundation
import Histogram

/// The output: a Markdown table, one row per workload, printed as soon as each workload is done (the same table
/// as GRPCBench's).
enum Report {
  /// The table's header and alignment lines.
  static let header = [
    "| workload | in-flight | conns | rate | p50 µs | p99 µs | p999 µs | server CPU µs/op |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ]

  /// One workload's row.
  static func row(_ measurement: Measurement) -> String {
    let workload = measurement.workload
    let latency = measurement.latency
    let cells = [
      workload.kind.rawValue,
      String(workload.inFlight),
      workload.kind == .connect ? "new" : String(workload.connections),
      "\(grouped(measurement.rate)) \(workload.rateUnit)",
      microseconds(latency.valueAtPercentile(50)),
      microseconds(latency.valueAtPercentile(99)),
      microseconds(latency.valueAtPercentile(99.9)),
      String(format: "%.1f", measurement.serverCPUMicrosecondsPerOperation),
    ]
    return "| " + cells.joined(separator: " | ") + " |"
  }

  /// Prints a line at once (stdout is block-buffered when redirected).
  static func print(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
  }

  /// Writes a line to standard error.
  static func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  /// Nanoseconds as microseconds: one decimal below 100 µs, whole (grouped) above.
  private static func microseconds(_ nanoseconds: UInt64) -> String {
    let value = Double(nanoseconds) / 1000
    return value < 100 ? String(format: "%.1f", value) : grouped(value)
  }

  /// A whole number with thousands separators: 123,456.
  static func grouped(_ value: Double) -> String {
    let digits = String(Int(value.rounded()))
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return result
  }
}
