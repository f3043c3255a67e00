extension Duration {
  /// The duration in seconds, as a `Double`.
  var seconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) + Double(attoseconds) / 1e18
  }

  /// The duration in whole nanoseconds, for a histogram (negative durations count as zero).
  var nanoseconds: UInt64 {
    let (seconds, attoseconds) = components
    let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    return nanoseconds > 0 ? UInt64(nanoseconds) : 0
  }

  /// A number of seconds from the command line, to the millisecond.
  init(secondsValue: Double) {
    self = .milliseconds(Int64((secondsValue * 1000).rounded()))
  }
}
