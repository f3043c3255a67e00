import SoukTestSupport
import SoukTools
import Testing

@Suite("CSV reader on random input")
struct CSVFuzzTests {
  @Test("random bytes never crash decoding, reading or checking, and every problem has a real line", arguments: 0..<4)
  func randomBytes(seed: UInt64) {
    var random = SplitMix64(seed: 0x50_0C + seed)
    // Bytes biased towards the characters CSV cares about, so quotes and separators meet often.
    let alphabet: [UInt8] = Array("\",;\r\n ".utf8) + [0xD8, 0xA7, 0xE1, 0xFF, 0xEF, 0xBB, 0xBF] + Array("sku1.".utf8)
    for _ in 0..<300 {
      let length = Int(random.next() % 400)
      let bytes = (0..<length).map { _ in
        random.next() % 3 == 0 ? UInt8(truncatingIfNeeded: random.next()) : alphabet[Int(random.next() % 18)]
      }
      let lineCount = bytes.filter { $0 == 0x0A || $0 == 0x0D }.count + 1
      for encoding in CSVEncoding.allCases {
        let text: String
        do {
          text = try encoding.decode(bytes)
        } catch {
          #expect((1...lineCount).contains(error.line))
          continue
        }
        let document = CSVReader().read(text)
        let sheet = ProductSheet(document)
        for problem in document.problems + sheet.problems {
          #expect((1...lineCount).contains(problem.line), "\(problem) in \(bytes)")
        }
        for record in document.records {
          #expect((1...lineCount).contains(record.line))
        }
      }
    }
  }
}
