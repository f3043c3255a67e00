extension Resolver {
  /// Checks `reserved` statements (numbers in `validNumbers`, ranges not empty or overlapping, names not
  /// repeated) and indexes them. `numberKind` is "field" or "enum value".
  mutating func checkReservations(
    _ statements: [ReservedSyntax], validNumbers: ClosedRange<Int>, numberKind: String
  ) -> ReservationIndex {
    var entries: [ReservationIndex.Entry] = []
    var names: [String: SourceLocation] = [:]
    var orderedNames: [String] = []
    for statement in statements {
      for range in statement.ranges {
        guard let lower = range.start.value else { continue }
        var upper = lower
        var upperLocation = range.start.location
        var spelling = "\(lower)"
        switch range.end {
        case .same:
          break
        case .number(let end):
          guard let value = end.value else { continue }
          upper = value
          upperLocation = end.location
          spelling += " to \(value)"
        case .max:
          upper = validNumbers.upperBound
          spelling += " to max"
        }
        var isValid = true
        for (value, location) in [(lower, range.start.location), (upper, upperLocation)]
        where isValid && !validNumbers.contains(value) {
          error(
            "reserved number \(value) is out of range; \(numberKind) numbers go from \(validNumbers.lowerBound) "
              + "to \(validNumbers.upperBound)",
            at: location)
          isValid = false
        }
        if isValid && upper < lower {
          error("reserved range '\(spelling)' is empty; write the smaller number first", at: range.start.location)
          isValid = false
        }
        if isValid {
          entries.append(
            ReservationIndex.Entry(range: lower...upper, spelling: spelling, location: range.start.location))
        }
      }
      for name in statement.names {
        if let earlier = names[name.value] {
          error(
            "reserved name \"\(name.value)\" is already reserved at \(NameScope.describe(earlier, from: name.location))",
            at: name.location)
        } else {
          names[name.value] = name.location
          orderedNames.append(name.value)
        }
      }
    }
    // Report overlapping ranges and merge them, so lookups run over sorted, disjoint ranges.
    var kept: [ReservationIndex.Entry] = []
    for entry in entries.sorted(by: { ($0.range.lowerBound, $0.location) < ($1.range.lowerBound, $1.location) }) {
      if let last = kept.last, last.range.overlaps(entry.range) {
        let (earlier, later) = last.location < entry.location ? (last, entry) : (entry, last)
        error(
          "'reserved \(later.spelling)' overlaps 'reserved \(earlier.spelling)' at "
            + NameScope.describe(earlier.location, from: later.location),
          at: later.location)
        if entry.range.upperBound > last.range.upperBound {
          kept[kept.count - 1] = ReservationIndex.Entry(
            range: last.range.lowerBound...entry.range.upperBound, spelling: last.spelling, location: last.location)
        }
        continue
      }
      kept.append(entry)
    }
    return ReservationIndex(
      lookup: kept, names: names, model: Reservations(numbers: entries.map(\.range), names: orderedNames))
  }
}
