import Foundation
import SoukAPI

/// Calendar days in Morocco's civil time (`Africa/Casablanca`), as order totals count them.
struct MoroccanCalendar: Sendable {
  private let calendar: Calendar

  /// The Gregorian calendar in `Africa/Casablanca` (UTC if the system has no time-zone data for it).
  init() {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Africa/Casablanca") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
    self.calendar = calendar
  }

  /// The start of `date` as a `Date`; records a violation for a missing or impossible date.
  func validate(_ date: SoukCommonV1.LocalDate?, field: String, validator: inout RequestValidator) -> Date? {
    guard let date else {
      validator.fail(field, "is required")
      return nil
    }
    var components = DateComponents()
    components.year = Int(date.year)
    components.month = Int(date.month)
    components.day = Int(date.day)
    guard (1...9999).contains(date.year), (1...12).contains(date.month), (1...31).contains(date.day),
      let start = self.calendar.date(from: components),
      self.calendar.component(.day, from: start) == Int(date.day)
    else {
      validator.fail(field, "must be a valid date (year 1 to 9999)")
      return nil
    }
    return start
  }

  /// Whole days from `start` to `end` (both day starts).
  func days(from start: Date, to end: Date) -> Int {
    self.calendar.dateComponents([.day], from: start, to: end).day ?? 0
  }

  /// The first microsecond of the day starting at `start`.
  func startMicros(of start: Date) -> Int64 {
    Self.micros(start)
  }

  /// The first microsecond after the day starting at `start`.
  func endMicros(of start: Date) -> Int64 {
    let next = self.calendar.date(byAdding: .day, value: 1, to: start) ?? start.addingTimeInterval(86_400)
    return Self.micros(self.calendar.startOfDay(for: next))
  }

  /// The local day of an instant given in microseconds since the epoch.
  func day(ofMicros micros: Int64) -> SoukCommonV1.LocalDate {
    let date = Date(timeIntervalSince1970: Double(micros.quotientAndRemainder(dividingBy: 1_000_000).quotient))
    let components = self.calendar.dateComponents([.year, .month, .day], from: date)
    var day = SoukCommonV1.LocalDate()
    day.year = UInt32(components.year ?? 1970)
    day.month = UInt32(components.month ?? 1)
    day.day = UInt32(components.day ?? 1)
    return day
  }

  private static func micros(_ date: Date) -> Int64 {
    Int64((date.timeIntervalSince1970 * 1_000_000).rounded(.down))
  }
}
