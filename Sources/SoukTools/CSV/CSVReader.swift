/// Reads CSV the way spreadsheet programs write it (RFC 4180 and its common variants).
///
/// - Fields are separated by `,` or `;` (French spreadsheets use `;` because `,` is their decimal mark); the
///   separator is detected from the first line unless one is given.
/// - A field may be quoted with `"`; inside quotes, separators and line breaks are data and `""` is one quote.
/// - Records end with CRLF, LF or a lone CR; a line break inside a quoted field is read as `\n`.
/// - A leading byte order mark (U+FEFF) is ignored.
///
/// Reading never throws: a record that cannot be read becomes a ``CSVProblem`` at the physical line where it
/// starts, and reading goes on with the next line. An unterminated quote ends the reading, since everything
/// after it is inside the quote.
public struct CSVReader: Sendable {
  /// The separator to split on, or nil to detect `,` or `;` from the first line.
  public var separator: Unicode.Scalar?

  /// Creates a reader; `separator` nil detects it.
  public init(separator: Unicode.Scalar? = nil) {
    self.separator = separator
  }

  /// Reads every record of `text`.
  public func read(_ text: String) -> CSVDocument {
    var scalars = Array(text.unicodeScalars)
    if scalars.first == "\u{FEFF}" {
      scalars.removeFirst()
    }
    let separator = self.separator ?? Self.detectSeparator(in: scalars)
    var parser = CSVParser(scalars: scalars, separator: separator)
    parser.run()
    return CSVDocument(separator: separator, records: parser.records, problems: parser.problems)
  }

  /// `;` when the first record has more semicolons than commas outside quotes, otherwise `,`.
  static func detectSeparator(in scalars: [Unicode.Scalar]) -> Unicode.Scalar {
    var commas = 0
    var semicolons = 0
    var quoted = false
    for scalar in scalars {
      switch scalar {
      case "\"": quoted.toggle()
      case "," where !quoted: commas += 1
      case ";" where !quoted: semicolons += 1
      case "\n", "\r":
        if !quoted { return semicolons > commas ? ";" : "," }
      default: break
      }
    }
    return semicolons > commas ? ";" : ","
  }
}

/// The state of one reading: a cursor over the text's scalars and the physical line it is on.
private struct CSVParser {
  let scalars: [Unicode.Scalar]
  let separator: Unicode.Scalar
  var index = 0
  var line = 1
  var records: [CSVRecord] = []
  var problems: [CSVProblem] = []

  init(scalars: [Unicode.Scalar], separator: Unicode.Scalar) {
    self.scalars = scalars
    self.separator = separator
  }

  mutating func run() {
    while self.index < self.scalars.count {
      let start = self.line
      switch self.readRecord() {
      case .record(let fields): self.records.append(CSVRecord(line: start, fields: fields))
      case .malformed(let reason): self.problems.append(CSVProblem(line: start, reason: reason))
      case .unterminated:
        let last = self.scalars.last == "\n" || self.scalars.last == "\r" ? self.line - 1 : self.line
        self.problems.append(
          CSVProblem(
            line: start,
            reason: "a quoted field starting on this line is never closed (a missing \"), so lines \(start) "
              + "to \(max(start, last)) could not be read"))
        return
      }
    }
  }

  private enum Outcome {
    case record([String])
    case malformed(String)
    case unterminated
  }

  private var current: Unicode.Scalar? {
    self.index < self.scalars.count ? self.scalars[self.index] : nil
  }

  /// Reads one record, from the cursor to just after its line break.
  private mutating func readRecord() -> Outcome {
    var fields: [String] = []
    while true {
      var field = String.UnicodeScalarView()
      if self.current == "\"" {
        self.index += 1
        guard self.readQuoted(into: &field) else { return .unterminated }
        if let next = self.current, next != self.separator, next != "\r", next != "\n" {
          self.skipRestOfLine()
          return .malformed(
            "text after the closing quote of field \(fields.count + 1) (a quote inside a quoted field is "
              + "written twice: \"\")")
        }
      } else {
        while let scalar = self.current, scalar != self.separator, scalar != "\r", scalar != "\n" {
          field.append(scalar)
          self.index += 1
        }
      }
      fields.append(String(field))
      if self.current == self.separator {
        self.index += 1
        continue
      }
      self.consumeLineBreak()
      return .record(fields)
    }
  }

  /// Reads a quoted field's content after its opening quote, through its closing quote; false at the end of
  /// the text without a closing quote.
  private mutating func readQuoted(into field: inout String.UnicodeScalarView) -> Bool {
    while let scalar = self.current {
      switch scalar {
      case "\"":
        self.index += 1
        guard self.current == "\"" else { return true }
        field.append("\"")
        self.index += 1
      case "\r", "\n":
        self.consumeLineBreak()
        field.append("\n")
      default:
        field.append(scalar)
        self.index += 1
      }
    }
    return false
  }

  /// Moves past a CRLF, LF or CR at the cursor, counting the line.
  private mutating func consumeLineBreak() {
    switch self.current {
    case "\r":
      self.index += 1
      if self.current == "\n" { self.index += 1 }
      self.line += 1
    case "\n":
      self.index += 1
      self.line += 1
    default:
      break
    }
  }

  private mutating func skipRestOfLine() {
    while let scalar = self.current, scalar != "\r", scalar != "\n" {
      self.index += 1
    }
    self.consumeLineBreak()
  }
}
