import Foundation
import SoukAPI

/// Dates in Morocco's civil time, as order totals count days: worked out here, apart from the server's
/// `MoroccoTime`, so that a test compares the server's days with an independent answer.
enum MoroccanDay {
  /// The day of `timestamp` in `Africa/Casablanca`.
  static func of(_ timestamp: SoukCommonV1.Timestamp?) -> SoukCommonV1.LocalDate {
    var calendar = Calendar(identifier: .gregorian)
    // Without time-zone data there is no independent answer: the test must fail rather than guess.
    calendar.timeZone = TimeZone(identifier: "Africa/Casablanca")!
    let components = calendar.dateComponents(
      [.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(timestamp?.seconds ?? 0)))
    var date = SoukCommonV1.LocalDate()
    date.year = UInt32(components.year ?? 1970)
    date.month = UInt32(components.month ?? 1)
    date.day = UInt32(components.day ?? 1)
    return date
  }
}
