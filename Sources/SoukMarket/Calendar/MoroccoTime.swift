public import Foundation
public import SoukAPI

/// Times and days as Souk's people live them: in Morocco's civil time, the IANA zone `Africa/Casablanca` (UTC+1,
/// UTC+0 during Ramadan). The one owner of that rule: the server cuts days for totals with it, and the tools show
/// and read times with it.
public enum MoroccoTime {
  /// The zone `Africa/Casablanca`, or UTC+1 should the system lack time-zone data.
  public static let zone: TimeZone = TimeZone(identifier: "Africa/Casablanca") ?? TimeZone(secondsFromGMT: 3600) ?? .gmt

  /// A Gregorian calendar in ``zone``.
  public static let calendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = Self.zone
    return calendar
  }()

  /// `timestamp` as `2025-03-14 10:22` in Morocco's time, or the empty string when it is not set.
  public static func format(_ timestamp: SoukCommonV1.Timestamp?, seconds: Bool = false) -> String {
    guard let timestamp else { return "" }
    let parts = self.calendar.dateComponents(
      [.year, .month, .day, .hour, .minute, .second], from: self.date(timestamp))
    let day = self.format(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0)
    let time = "\(self.twoDigits(parts.hour ?? 0)):\(self.twoDigits(parts.minute ?? 0))"
    return "\(day) \(time)" + (seconds ? ":\(self.twoDigits(parts.second ?? 0))" : "")
  }

  /// `timestamp` in RFC 3339 form in UTC with microseconds, `2025-03-14T09:22:05.123456Z`, for machines.
  public static func rfc3339(_ timestamp: SoukCommonV1.Timestamp) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .gmt
    let parts = calendar.dateComponents(
      [.year, .month, .day, .hour, .minute, .second],
      from: Date(timeIntervalSince1970: TimeInterval(timestamp.seconds)))
    let micros = String(timestamp.nanos / 1000)
    let fraction = String(repeating: "0", count: max(0, 6 - micros.count)) + micros
    let day = self.format(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0)
    let hour = self.twoDigits(parts.hour ?? 0)
    return "\(day)T\(hour):\(self.twoDigits(parts.minute ?? 0)):\(self.twoDigits(parts.second ?? 0)).\(fraction)Z"
  }

  /// `date` as `2025-03-14`.
  public static func format(_ date: SoukCommonV1.LocalDate?) -> String {
    guard let date else { return "" }
    return self.format(year: Int(date.year), month: Int(date.month), day: Int(date.day))
  }

  /// Parses `2025-03-14` into a day, or `nil` when it is not a valid day of the Gregorian calendar.
  public static func day(parsing text: String) -> SoukCommonV1.LocalDate? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = UInt32(parts[0]), let month = UInt32(parts[1]), let day = UInt32(parts[2]), year >= 1
    else { return nil }
    var date = SoukCommonV1.LocalDate()
    date.year = year
    date.month = month
    date.day = day
    // A day that exists comes back unchanged from the calendar (February 30 does not).
    guard let start = self.startOfDay(date), self.localDate(of: start) == date else { return nil }
    return date
  }

  /// Today in Morocco.
  public static func today(now: Date = Date()) -> SoukCommonV1.LocalDate {
    self.localDate(of: now)
  }

  /// The day in Morocco that `timestamp` falls on.
  public static func day(of timestamp: SoukCommonV1.Timestamp) -> SoukCommonV1.LocalDate {
    self.localDate(of: self.date(timestamp))
  }

  /// The day `count` days after `date` (before it, when negative).
  public static func adding(days count: Int, to date: SoukCommonV1.LocalDate) -> SoukCommonV1.LocalDate? {
    guard let start = self.startOfDay(date),
      let moved = self.calendar.date(byAdding: .day, value: count, to: start)
    else { return nil }
    return self.localDate(of: moved)
  }

  /// The instant `date` starts in Morocco, as a timestamp.
  public static func startTimestamp(of date: SoukCommonV1.LocalDate) -> SoukCommonV1.Timestamp? {
    guard let start = self.startOfDay(date) else { return nil }
    var timestamp = SoukCommonV1.Timestamp()
    timestamp.seconds = Int64(start.timeIntervalSince1970.rounded(.down))
    return timestamp
  }

  /// The `Date` of a timestamp.
  public static func date(_ timestamp: SoukCommonV1.Timestamp) -> Date {
    Date(timeIntervalSince1970: TimeInterval(timestamp.seconds) + TimeInterval(timestamp.nanos) / 1e9)
  }

  static func startOfDay(_ date: SoukCommonV1.LocalDate) -> Date? {
    self.calendar.date(from: DateComponents(year: Int(date.year), month: Int(date.month), day: Int(date.day)))
  }

  private static func localDate(of instant: Date) -> SoukCommonV1.LocalDate {
    let parts = self.calendar.dateComponents([.year, .month, .day], from: instant)
    var date = SoukCommonV1.LocalDate()
    date.year = UInt32(parts.year ?? 1)
    date.month = UInt32(parts.month ?? 1)
    date.day = UInt32(parts.day ?? 1)
    return date
  }

  private static func format(year: Int, month: Int, day: Int) -> String {
    let yearText = String(year)
    return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + "-" + self.twoDigits(month) + "-"
      + self.twoDigits(day)
  }

  private static func twoDigits(_ value: Int) -> String {
    value < 10 ? "0\(value)" : String(value)
  }
}
