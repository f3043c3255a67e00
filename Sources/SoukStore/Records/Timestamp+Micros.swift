package import SoukAPI

extension SoukCommonV1.Timestamp {
  /// The instant `micros` microseconds after the epoch.
  package init(storeMicros micros: Int64) {
    self.init()
    let (seconds, remainder) = micros.quotientAndRemainder(dividingBy: 1_000_000)
    if remainder < 0 {
      self.seconds = seconds - 1
      self.nanos = UInt32((remainder + 1_000_000) * 1_000)
    } else {
      self.seconds = seconds
      self.nanos = UInt32(remainder * 1_000)
    }
  }

  /// Microseconds since the epoch, as the store's time columns keep them (nanoseconds below a microsecond
  /// dropped).
  package var storeMicros: Int64 {
    seconds * 1_000_000 + Int64(nanos / 1_000)
  }
}

extension Optional where Wrapped == SoukCommonV1.Timestamp {
  /// The time in microseconds, 0 when unset.
  package var storeMicros: Int64 { self?.storeMicros ?? 0 }
}
