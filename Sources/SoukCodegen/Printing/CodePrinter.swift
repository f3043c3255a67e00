/// Builds Swift source text line by line, handling indentation (two spaces) and blank lines between members.
///
/// Generators call ``blankLine()`` between members without tracking context: the printer writes at most one
/// blank line in a row, none right after a line that opens a block, and none right before a closing brace.
struct CodePrinter {
  /// The text printed so far.
  private(set) var contents = ""
  private var depth = 0
  private var blankLinePending = false
  private var lastLineOpenedBlock = true

  private static let indentUnit = "  "

  init() {}

  /// Prints one line at the current indentation.
  mutating func line(_ text: String) {
    if blankLinePending && !lastLineOpenedBlock && !text.hasPrefix("}") {
      contents += "\n"
    }
    blankLinePending = false
    contents += String(repeating: Self.indentUnit, count: depth) + text + "\n"
    lastLineOpenedBlock = text.hasSuffix("{") || (text.hasSuffix(":") && !text.hasPrefix("//"))
  }

  /// Asks for a blank line before the next printed line, where one is tidy.
  mutating func blankLine() {
    blankLinePending = true
  }

  /// Prints `opener`, the body one level deeper, and `closer`.
  mutating func block(_ opener: String, closer: String = "}", _ body: (inout CodePrinter) -> Void) {
    line(opener)
    indented(body)
    line(closer)
  }

  /// Prints the body one level deeper.
  mutating func indented(_ body: (inout CodePrinter) -> Void) {
    depth += 1
    body(&self)
    depth -= 1
  }

  /// Prints `switch <subject> {`, the body (its `case` clauses) at the same depth, as Swift style has it, and `}`.
  mutating func switchBlock(_ subject: String, _ body: (inout CodePrinter) -> Void) {
    line("switch \(subject) {")
    body(&self)
    line("}")
  }

  /// Prints `case <pattern>:` and the body one level deeper.
  mutating func caseClause(_ pattern: String, _ body: (inout CodePrinter) -> Void) {
    line("case \(pattern):")
    indented(body)
  }

  /// Prints one item per line, each but the last followed by a comma: parameters or arguments of a call.
  mutating func commaSeparatedLines(_ items: [String]) {
    for (index, item) in items.enumerated() {
      line(index < items.count - 1 ? item + "," : item)
    }
  }

  /// Prints a schema declaration's `///` comment, plus a note when the declaration is deprecated.
  mutating func documentation(_ lines: [String], deprecated: Bool = false) {
    var lines = lines
    if deprecated {
      if !lines.isEmpty { lines.append("") }
      lines.append("- Warning: Deprecated in the schema; avoid it in new code.")
    }
    for text in lines {
      let trimmed = String(text.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
      line(trimmed.isEmpty ? "///" : "/// " + trimmed)
    }
  }
}
