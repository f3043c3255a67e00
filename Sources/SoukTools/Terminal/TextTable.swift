/// A table for a terminal: a header row, then rows, each column padded to its widest cell and aligned left or
/// right (amounts and counts right, so that their digits line up).
///
/// Widths are counted in terminal columns (see ``TerminalText/width(_:)``), so Arabic cells with tashkeel line
/// up; a cell with right-to-left letters is wrapped in Unicode isolates so that it does not reorder the row.
///
/// ```swift
/// var table = TextTable(columns: [.init("ORDER"), .init("TOTAL", alignment: .right)])
/// table.append(["o_1", "1 234.50 MAD"])
/// print(table.render())
/// ```
public struct TextTable: Sendable {
  /// One column: its header and how its cells are aligned.
  public struct Column: Sendable, Hashable {
    /// The header, shown as given.
    public var header: String
    /// Where the cells sit in the column.
    public var alignment: Alignment
    /// The widest a cell may be, in terminal columns; longer cells are cut with `…`. `nil` for no limit.
    public var maximumWidth: Int?

    /// Creates a column.
    public init(_ header: String, alignment: Alignment = .left, maximumWidth: Int? = nil) {
      self.header = header
      self.alignment = alignment
      self.maximumWidth = maximumWidth
    }
  }

  /// Where a cell sits in its column.
  public enum Alignment: Sendable, Hashable {
    /// Text starts at the column's left edge.
    case left
    /// Text ends at the column's right edge (numbers, amounts).
    case right
  }

  /// The columns, left to right.
  public var columns: [Column]
  /// The rows appended so far, each with one cell per column.
  public private(set) var rows: [[String]] = []
  /// The text between two columns.
  public var separator = "  "

  /// Creates an empty table with `columns`.
  public init(columns: [Column]) {
    self.columns = columns
  }

  /// Appends a row; missing cells are empty and extra cells are dropped.
  public mutating func append(_ cells: [String]) {
    var row = Array(cells.prefix(self.columns.count))
    row += Array(repeating: "", count: self.columns.count - row.count)
    self.rows.append(row)
  }

  /// The table as lines of text (header first), without trailing spaces.
  public func lines() -> [String] {
    let cells = ([self.columns.map(\.header)] + self.rows).map { row in
      zip(row, self.columns).map { cell, column in
        column.maximumWidth.map { TerminalText.truncated(cell, toWidth: $0) } ?? cell
      }
    }
    var widths = Array(repeating: 0, count: self.columns.count)
    for row in cells {
      for (index, cell) in row.enumerated() {
        widths[index] = max(widths[index], TerminalText.width(cell))
      }
    }
    return cells.map { row in
      var line = ""
      for (index, cell) in row.enumerated() {
        let padding = String(repeating: " ", count: widths[index] - TerminalText.width(cell))
        let shown = TerminalText.isolated(cell)
        if index > 0 { line += self.separator }
        switch self.columns[index].alignment {
        case .left: line += shown + padding
        case .right: line += padding + shown
        }
      }
      return String(line.reversed().drop(while: { $0 == " " }).reversed())
    }
  }

  /// The table as one string, lines separated by new lines, ending with a new line.
  public func render() -> String {
    self.lines().map { $0 + "\n" }.joined()
  }
}
