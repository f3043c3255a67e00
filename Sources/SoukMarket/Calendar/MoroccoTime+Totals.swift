import Foundation
import SoukAPI

extension MoroccoTime {
  /// The start of `date` in Morocco; records a violation for a missing or impossible date.
  static func validate(_ date: SoukCommonV1.LocalDate?, field: String, validator: inout RequestValidator) -> Date? {
    guard let date else {
      validator.fail(field, "is required")
      return nil
    }
    guard (1...9999).contains(date.year), (1...12).contains(date.month), (1...31).contains(date.day),
      let start = self.startOfDay(date),
      self.calendar.component(.day, from: start) == Int(date.day)
    else {
      validator.fail(field, "must be a valid date (year 1 to 9999)")
      return nil
    }
    return start
  }

  /// Whole days from `start` to `end` (both day starts).
  static func days(from start: Date, to end: Date) -> Int {
    self.calendar.dateComponents([.day], from: start, to: end).day ?? 0
  }

  /// The first microsecond of the day starting at `start`.
  static func startMicros(of start: Date) -> Int64 {
    self.micros(start)
  }

  /// The first microsecond after the day starting at `start`.
  static func endMicros(of start: Date) -> Int64 {
    let calendar = self.calendar
    let next = calendar.date(byAdding: .day, value: 1, to: start) ?? start.addingTimeInterval(86_400)
    return self.micros(calendar.startOfDay(for: next))
  }

  /// The day in Morocco of an instant given in microseconds since the epoch.
  static func day(ofMicros micros: Int64) -> SoukCommonV1.LocalDate {
    var timestamp = SoukCommonV1.Timestamp()
    timestamp.seconds = micros.quotientAndRemainder(dividingBy: 1_000_000).quotient
    return self.day(of: timestamp)
  }

  private static func micros(_ date: Date) -> Int64 {
    Int64((date.timeIntervalSince1970 * 1_000_000).rounded(.down))
  }
}
