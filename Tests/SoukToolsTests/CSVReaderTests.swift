import SoukTools
import Testing

@Suite("CSV reader")
struct CSVReaderTests {
  @Test("quoted fields keep separators, doubled quotes and line breaks; records start on their first line")
  func quoting() {
    let text = "a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n3,,\n"
    let document = CSVReader().read(text)
    #expect(document.problems.isEmpty)
    #expect(
      document.records == [
        CSVRecord(line: 1, fields: ["a", "b", "c"]),
        CSVRecord(line: 2, fields: ["1", "x, y", "say \"hi\""]),
        CSVRecord(line: 3, fields: ["2", "two\nlines", "z"]),
        CSVRecord(line: 5, fields: ["3", "", ""]),
      ])
  }

  @Test("CRLF, LF and lone CR all end records; CRLF inside quotes becomes LF")
  func lineEndings() {
    let document = CSVReader().read("a,b\r\n1,\"x\r\ny\"\r\n2,z\r3,w")
    #expect(document.records.map(\.line) == [1, 2, 4, 5])
    #expect(document.records[1].fields == ["1", "x\ny"])
    #expect(document.records[3].fields == ["3", "w"])
  }

  @Test("the separator is detected from the first line, ignoring quoted text")
  func separatorDetection() {
    #expect(CSVReader().read("sku;price\nA;45,50\n").separator == ";")
    #expect(CSVReader().read("sku,price\nA,\"45,50\"\n").separator == ",")
    #expect(CSVReader().read("\"a;b;c\",d,e\n").separator == ",")
    let given = CSVReader(separator: ";").read("a,b;c\n")
    #expect(given.records.first?.fields == ["a,b", "c"])
  }

  @Test("a leading BOM is not part of the first column's name")
  func byteOrderMark() {
    #expect(CSVReader().read("\u{FEFF}sku,price\n").records.first?.fields == ["sku", "price"])
  }

  @Test("text after a closing quote fails that record only, at its line")
  func textAfterQuote() {
    let document = CSVReader().read("a,b\n\"x\"y,1\n2,3\n")
    #expect(document.problems.map(\.line) == [2])
    #expect(document.records.map(\.line) == [1, 3])
  }

  @Test("an unterminated quote is reported at the line where its record starts, and ends the reading")
  func unterminatedQuote() {
    let document = CSVReader().read("a,b\n1,2\n3,\"never closed\n4,5\n")
    #expect(document.records.map(\.line) == [1, 2])
    #expect(document.problems.count == 1)
    #expect(document.problems.first?.line == 3)
    #expect(document.problems.first?.reason.hasSuffix("lines 3 to 4 could not be read") == true)
  }

  @Test("the writer's records read back to the same fields")
  func writerRoundTrip() {
    let rows = [["sku", "title"], ["A,1", "say \"hi\""], ["B", "two\nlines"], [" padded ", "زيت أركان"], ["", ""]]
    for separator: Unicode.Scalar in [",", ";"] {
      let writer = CSVWriter(separator: separator)
      let text = rows.map(writer.record).joined()
      let document = CSVReader().read(text)
      #expect(document.problems.isEmpty)
      #expect(document.records.map(\.fields) == rows)
    }
  }
}
