/// A plain text table with aligned columns for terminal output; right-aligned columns for numbers.
///
/// Widths count characters (grapheme clusters), which keeps Arabic and accented Latin text aligned in
/// terminals that shape Arabic; each cell is isolated (U+2068…U+2069) so right-to-left text does not reorder
/// its neighbours.
struct TextTable {
  /// The headings.
  let headings: [String]
  /// Which columns are right-aligned.
  let rightAligned: Set<Int>
  /// The rows of cells.
  private(set) var rows: [[String]] = []

  /// Creates an empty table.
  init(_ headings: [String], rightAligned: Set<Int> = []) {
    self.headings = headings
    self.rightAligned = rightAligned
  }

  /// Appends a row.
  mutating func append(_ row: [String]) {
    self.rows.append(row)
  }

  /// The table as lines of text.
  func render() -> String {
    let all = [self.headings] + self.rows
    var widths = [Int](repeating: 0, count: self.headings.count)
    for row in all {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.count)
      }
    }
    var lines: [String] = []
    for row in all {
      var line = row.enumerated().map { index, cell in
        let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
        let isolated = cell.unicodeScalars.contains(where: Self.isArabic) ? "\u{2068}\(cell)\u{2069}" : cell
        return self.rightAligned.contains(index) ? padding + isolated : isolated + padding
      }.joined(separator: "  ")
      while line.last == " " { line.removeLast() }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  /// Whether `scalar` is in one of the Arabic blocks.
  private static func isArabic(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: true
    default: false
    }
  }
}
