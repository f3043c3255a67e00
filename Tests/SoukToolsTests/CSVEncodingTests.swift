import SoukTools
import Testing

@Suite("CSV encodings")
struct CSVEncodingTests {
  @Test("Windows-1256 bytes of Arabic text decode to the same Arabic text")
  func windows1256() throws {
    // "عسل" in Windows-1256: ع 0xDA, س 0xD3, ل 0xE1.
    #expect(try CSVEncoding.windows1256.decode([0xDA, 0xD3, 0xE1]) == "عسل")
    let text = try CSVEncoding.windows1256.decode(try CSVFixtures.bytes("windows-1256.csv"))
    #expect(text.contains("تمر المجهول"))
    #expect(text.contains("زيت الزيتون"))
  }

  @Test("Latin-1 bytes decode to accented French")
  func latin1() throws {
    #expect(try CSVEncoding.latin1.decode([0x62, 0x65, 0x72, 0x62, 0xE8, 0x72, 0x65]) == "berbère")
    let text = try CSVEncoding.latin1.decode(try CSVFixtures.bytes("latin1.csv"))
    #expect(text.contains("Poterie émaillée de Safi"))
  }

  @Test("UTF-8 with and without BOM; a bad byte is reported at its line with a hint")
  func utf8() throws {
    #expect(try CSVEncoding.utf8.decode([0xEF, 0xBB, 0xBF] + Array("sku".utf8)) == "sku")
    #expect(try CSVEncoding.utf8.decode(Array("زيت".utf8)) == "زيت")
    let windowsBytes = try CSVFixtures.bytes("windows-1256.csv")
    #expect(throws: CSVProblem.self) { try CSVEncoding.utf8.decode(windowsBytes) }
    do {
      _ = try CSVEncoding.utf8.decode(Array("a,b\nc,d\n".utf8) + [0xE1, 0x2C])
      Issue.record("invalid UTF-8 was accepted")
    } catch {
      #expect(error.line == 3)
      #expect(error.reason.contains("--encoding windows-1256"))
    }
  }
}
