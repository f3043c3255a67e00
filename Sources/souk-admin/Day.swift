import ArgumentParser
import SoukAPI
import SoukMarket
import SoukTools

/// A calendar day given on the command line as `2025-03-14`, in Morocco's time.
struct Day: ExpressibleByArgument, Sendable {
  /// The day.
  var date: SoukCommonV1.LocalDate

  init?(argument: String) {
    guard let date = MoroccoTime.day(parsing: argument) else { return nil }
    self.date = date
  }

  init(_ date: SoukCommonV1.LocalDate) {
    self.date = date
  }

  var defaultValueDescription: String {
    MoroccoTime.format(self.date)
  }

  /// Whether this day comes after `other`.
  func isAfter(_ other: Day) -> Bool {
    (self.date.year, self.date.month, self.date.day) > (other.date.year, other.date.month, other.date.day)
  }
}
