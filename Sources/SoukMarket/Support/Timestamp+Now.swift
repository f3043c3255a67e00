import Foundation
package import SoukAPI

extension SoukCommonV1.Timestamp {
  /// The current time, to the microsecond (what the store keeps).
  package static func now() -> SoukCommonV1.Timestamp {
    Self(micros: Int64((Date().timeIntervalSince1970 * 1_000_000).rounded(.down)))
  }

  /// The instant `micros` microseconds after the epoch.
  package init(micros: Int64) {
    self.init()
    let (seconds, remainder) = micros.quotientAndRemainder(dividingBy: 1_000_000)
    if remainder < 0 {
      self.seconds = seconds - 1
      self.nanos = UInt32((remainder + 1_000_000) * 1000)
    } else {
      self.seconds = seconds
      self.nanos = UInt32(remainder * 1000)
    }
  }

  /// Microseconds since the epoch (nanoseconds below a microsecond dropped).
  package var micros: Int64 {
    self.seconds * 1_000_000 + Int64(self.nanos / 1000)
  }
}
