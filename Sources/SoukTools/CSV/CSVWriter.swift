/// Writes CSV records that ``CSVReader`` (and spreadsheet programs) read back to the same fields.
///
/// A field is quoted when it contains the separator, a quote, a line break, or starts or ends with a space;
/// quotes inside are doubled. Records end with CRLF, as RFC 4180 asks; line breaks inside fields are written
/// as LF, the way spreadsheets write them inside cells.
public struct CSVWriter: Sendable {
  /// The field separator.
  public var separator: Unicode.Scalar

  /// Creates a writer; `,` by default.
  public init(separator: Unicode.Scalar = ",") {
    self.separator = separator
  }

  /// One record, with its CRLF.
  public func record(_ fields: [String]) -> String {
    fields.map(self.field).joined(separator: String(Character(self.separator))) + "\r\n"
  }

  /// One field, quoted if it must be.
  public func field(_ value: String) -> String {
    let needsQuotes = value.unicodeScalars.contains { scalar in
      scalar == self.separator || scalar == "\"" || scalar == "\n" || scalar == "\r"
    }
    let padded = value.unicodeScalars.first == " " || value.unicodeScalars.last == " "
    guard needsQuotes || padded else { return value }
    var quoted = String.UnicodeScalarView()
    quoted.append("\"")
    for scalar in value.unicodeScalars {
      quoted.append(scalar)
      if scalar == "\"" { quoted.append("\"") }
    }
    quoted.append("\"")
    return String(quoted)
  }
}
