/// One record of a CSV file: its fields, and the physical line where it starts (1-based).
///
/// A record can span several physical lines when a quoted field contains line breaks; `line` is the first.
public struct CSVRecord: Sendable, Hashable {
  /// The physical line (1-based) where the record starts.
  public var line: Int
  /// The fields, unquoted, in order.
  public var fields: [String]

  /// Creates a record.
  public init(line: Int, fields: [String]) {
    self.line = line
    self.fields = fields
  }

  /// True when every field is empty (a blank line, or a row of separators a spreadsheet left behind).
  public var isBlank: Bool { self.fields.allSatisfy(\.isEmpty) }
}
