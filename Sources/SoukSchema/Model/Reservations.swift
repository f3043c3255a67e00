/// Numbers and names a message or enum has retired and must never reuse.
public struct Reservations: Hashable, Sendable {
  /// Closed ranges of numbers (`reserved 4, 9 to 11;` gives `4...4` and `9...11`).
  public var numbers: [ClosedRange<Int>]
  public var names: [String]

  public init(numbers: [ClosedRange<Int>] = [], names: [String] = []) {
    self.numbers = numbers
    self.names = names
  }

  public func contains(number: Int) -> Bool { numbers.contains { $0.contains(number) } }
}
