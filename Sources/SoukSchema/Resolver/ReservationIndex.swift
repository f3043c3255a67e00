/// The checked `reserved` statements of one message or enum, answering "is this number or name reserved?"
/// in logarithmic time.
struct ReservationIndex {
  /// One reserved range with its spelling, for diagnostics.
  struct Entry {
    var range: ClosedRange<Int>
    var spelling: String
    var location: SourceLocation
  }

  /// Non-overlapping ranges sorted by lower bound.
  private let lookup: [Entry]
  /// Each reserved name and where it was reserved.
  let names: [String: SourceLocation]
  /// The reservations as declared, for the model.
  let model: Reservations

  init(lookup: [Entry], names: [String: SourceLocation], model: Reservations) {
    self.lookup = lookup.sorted { $0.range.lowerBound < $1.range.lowerBound }
    self.names = names
    self.model = model
  }

  /// The reserved range holding `number`, if any.
  private func entry(containing number: Int) -> Entry? {
    var low = 0
    var high = lookup.count
    while low < high {
      let middle = (low + high) / 2
      if lookup[middle].range.lowerBound <= number { low = middle + 1 } else { high = middle }
    }
    guard low > 0, lookup[low - 1].range.contains(number) else { return nil }
    return lookup[low - 1]
  }

  /// Why `number` cannot be used: `is reserved by 'reserved 9 to 11' at line 3`, or `nil` when it can.
  func reason(forNumber number: Int, at location: SourceLocation) -> String? {
    guard let entry = entry(containing: number) else { return nil }
    return "is reserved by 'reserved \(entry.spelling)' at \(NameScope.describe(entry.location, from: location))"
  }

  /// Why `name` cannot be used: `is reserved at line 4`, or `nil` when it can.
  func reason(forName name: String, at location: SourceLocation) -> String? {
    guard let reserved = names[name] else { return nil }
    return "is reserved at \(NameScope.describe(reserved, from: location))"
  }
}
