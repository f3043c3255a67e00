public import SoukAPI

/// A product sheet read and checked: the rows ready to upload, each with its line, and every problem found.
///
/// Every row is checked, so one reading reports all the bad rows at once. A row with a problem is left out of
/// `rows`; problems with the header (an unknown column, no `sku` column) make the whole sheet unusable.
public struct ProductSheet: Sendable {
  /// A row ready to upload and the physical line where it starts in the file.
  public struct Row: Sendable {
    /// The physical line (1-based) where the row starts.
    public var line: Int
    /// The row as BulkUpsertProducts takes it.
    public var row: SoukCatalogV1.ProductRow
  }

  /// The columns of the header, in file order (nil for a column that was not understood).
  public var columns: [ProductColumn?]
  /// The good rows, in file order.
  public var rows: [Row]
  /// Problems with the header row; when there are any, nothing should be imported.
  public var headerProblems: [CSVProblem]
  /// Problems with data rows (and records the CSV reader could not read), in line order.
  public var rowProblems: [CSVProblem]

  /// The number of data rows the file has, good and bad.
  public var rowCount: Int

  /// Every problem, header first, then by line.
  public var problems: [CSVProblem] { self.headerProblems + self.rowProblems }

  /// Checks every record of `document`: the first is the header, blank records are skipped.
  public init(_ document: CSVDocument) {
    var records = document.records[...]
    self.rows = []
    self.rowProblems = document.problems
    self.headerProblems = []
    self.rowCount = document.problems.count
    guard let header = records.popFirst() else {
      self.columns = []
      if document.problems.isEmpty {
        self.headerProblems.append(
          CSVProblem(line: 1, reason: "the file is empty; its first line must name the columns (sku, title_fr, …)"))
      }
      return
    }
    self.columns = header.fields.map(ProductColumn.init(header:))
    self.checkHeader(header)
    let parser = ProductRowParser(columns: self.columns)
    var firstLineOfSKU: [String: Int] = [:]
    for record in records where !record.isBlank {
      self.rowCount += 1
      switch parser.parse(record.fields) {
      case .success(let row):
        let key = row.sku.lowercased()
        if let earlier = firstLineOfSKU[key] {
          self.rowProblems.append(
            CSVProblem(line: record.line, reason: "sku: '\(row.sku)' is already on line \(earlier)"))
        } else {
          firstLineOfSKU[key] = record.line
          self.rows.append(Row(line: record.line, row: row))
        }
      case .failure(let reasons):
        self.rowProblems += reasons.map { CSVProblem(line: record.line, reason: $0) }
      }
    }
    self.rowProblems.sort { $0.line < $1.line }
  }

  private mutating func checkHeader(_ header: CSVRecord) {
    var seen: Set<ProductColumn> = []
    for (field, column) in zip(header.fields, self.columns) {
      guard let column else {
        self.headerProblems.append(
          CSVProblem(
            line: header.line,
            reason: "unknown column '\(field)'; the columns are "
              + ProductColumn.allCases.map(\.rawValue).joined(separator: ", ")))
        continue
      }
      if !seen.insert(column).inserted {
        self.headerProblems.append(CSVProblem(line: header.line, reason: "column '\(field)' appears twice"))
      }
    }
    if !seen.contains(.sku) {
      self.headerProblems.append(
        CSVProblem(line: header.line, reason: "no 'sku' column; the first line must name the columns"))
    }
  }
}
