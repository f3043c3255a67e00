import SoukTools
import Testing

/// The terminal table: widths in columns (Arabic marks count 0), alignment, and isolates around Arabic cells.
@Suite("Text tables")
struct TableTests {
  @Test(
    "display width counts letters, not marks or isolates",
    arguments: [
      ("abc", 3),
      ("عسل", 3),
      // "عَسَلٌ": three letters, each with a vowel mark (fatha, fatha, dammatan).
      ("\u{0639}\u{064E}\u{0633}\u{064E}\u{0644}\u{064C}", 3),
      // shadda + fatha on one letter: still one column.
      ("\u{0645}\u{0651}\u{064E}", 1),
      // "été" written with combining acutes.
      ("e\u{0301}te\u{0301}", 3),
      ("\u{2068}عسل\u{2069}", 3),
      ("日本", 4),
      ("", 0),
    ])
  func width(text: String, columns: Int) {
    #expect(TerminalText.width(text) == columns)
  }

  @Test("only text with right-to-left letters is wrapped in isolates")
  func isolation() {
    #expect(TerminalText.isolated("Miel de thym") == "Miel de thym")
    #expect(TerminalText.isolated("عسل الزعتر") == "\u{2068}عسل الزعتر\u{2069}")
    #expect(TerminalText.isolated("Miel / عسل 250") == "\u{2068}Miel / عسل 250\u{2069}")
    // Arabic-Indic digits alone are not strong right-to-left letters.
    #expect(TerminalText.isolated("٢٥٠") == "٢٥٠")
  }

  @Test("columns line up by display width, amounts align right, trailing spaces are trimmed")
  func alignment() {
    var table = TextTable(columns: [.init("NAME"), .init("TOTAL", alignment: .right), .init("NOTE")])
    table.append(["عَسَلٌ", "45.00 MAD", ""])
    table.append(["Amlou", "1 234.50 MAD", "x"])
    let lines = table.lines()
    #expect(
      lines == [
        "NAME          TOTAL  NOTE",
        "\u{2068}عَسَلٌ\u{2069}       45.00 MAD",
        "Amlou  1 234.50 MAD  x",
      ])
    // Every line is as wide on screen as the header up to its last cell.
    #expect(TerminalText.width(lines[1]) == TerminalText.width("NAME          TOTAL"))
  }

  @Test("long cells are cut to the column's maximum width with an ellipsis, keeping marks with their letter")
  func truncation() {
    #expect(TerminalText.truncated("Coopérative Tighanimine", toWidth: 10) == "Coopérati…")
    #expect(
      TerminalText.truncated("\u{0639}\u{064E}\u{0633}\u{064E}\u{0644}\u{064C}", toWidth: 2) == "\u{0639}\u{064E}…")
    #expect(TerminalText.truncated("short", toWidth: 10) == "short")
  }

  @Test("rows with missing cells are padded and extra cells dropped")
  func rowShape() {
    var table = TextTable(columns: [.init("A"), .init("B")])
    table.append(["1"])
    table.append(["2", "3", "4"])
    #expect(table.rows == [["1", ""], ["2", "3"]])
  }
}
