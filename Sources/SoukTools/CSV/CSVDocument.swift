/// What `CSVReader` read from a text: the records it could read, and a problem for each record it could not.
public struct CSVDocument: Sendable, Hashable {
  /// The separator the records were split on (given, or detected from the first line).
  public var separator: Unicode.Scalar
  /// The records in file order, the header included.
  public var records: [CSVRecord]
  /// The records that could not be read (text after a closing quote, an unterminated quote), in file order.
  public var problems: [CSVProblem]

  /// Creates a document.
  public init(separator: Unicode.Scalar, records: [CSVRecord], problems: [CSVProblem]) {
    self.separator = separator
    self.records = records
    self.problems = problems
  }
}
