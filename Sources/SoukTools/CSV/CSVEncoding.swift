import Glibc

/// The character encodings a CSV file may be written in.
///
/// Spreadsheets save UTF-8 today; older Windows programs save Arabic text as Windows-1256 and French text as
/// Latin-1 (ISO 8859-1), and nothing in the file says which, so the user names it.
public enum CSVEncoding: String, Sendable, CaseIterable {
  /// UTF-8, with or without a byte order mark.
  case utf8 = "utf8"
  /// Windows-1256, the Windows code page for Arabic.
  case windows1256 = "windows-1256"
  /// ISO 8859-1: Western European text from older programs.
  case latin1 = "latin1"

  /// Decodes a file's bytes to text.
  ///
  /// - Throws: ``CSVProblem`` at the line of the first byte that is not valid in this encoding.
  public func decode(_ bytes: [UInt8]) throws(CSVProblem) -> String {
    switch self {
    case .utf8: return try Self.decodeUTF8(bytes)
    case .latin1: return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    case .windows1256: return try Self.convert(bytes, from: "WINDOWS-1256", name: "Windows-1256")
    }
  }

  private static func decodeUTF8(_ bytes: [UInt8]) throws(CSVProblem) -> String {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) {
      body = body.dropFirst(3)
    }
    if let text = String(validating: body, as: UTF8.self) {
      return text
    }
    let offset = Self.firstInvalidUTF8(in: body) ?? body.startIndex
    throw CSVProblem(
      line: Self.line(of: offset, in: bytes),
      reason: "the file is not UTF-8 (invalid byte 0x\(String(bytes[offset], radix: 16, uppercase: true))); "
        + "if an older spreadsheet program saved it, try --encoding windows-1256 (Arabic) or --encoding latin1")
  }

  /// The index of the first byte that does not begin a well-formed UTF-8 sequence (RFC 3629), if any.
  static func firstInvalidUTF8(in bytes: ArraySlice<UInt8>) -> Int? {
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let lead = bytes[index]
      let length: Int
      var second: ClosedRange<UInt8> = 0x80...0xBF
      switch lead {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0: (length, second) = (3, 0xA0...0xBF)
      case 0xED: (length, second) = (3, 0x80...0x9F)
      case 0xE1...0xEF: length = 3
      case 0xF0: (length, second) = (4, 0x90...0xBF)
      case 0xF4: (length, second) = (4, 0x80...0x8F)
      case 0xF1...0xF3: length = 4
      default: return index
      }
      guard index + length <= bytes.endIndex else { return index }
      for position in 1..<length {
        let range: ClosedRange<UInt8> = position == 1 ? second : 0x80...0xBF
        guard range.contains(bytes[index + position]) else { return index }
      }
      index += length
    }
    return nil
  }

  /// Converts `bytes` from `encoding` to UTF-8 with the C library's iconv.
  private static func convert(_ bytes: [UInt8], from encoding: String, name: String) throws(CSVProblem) -> String {
    let descriptor = iconv_open("UTF-8", encoding)
    guard Int(bitPattern: descriptor) != -1 else {
      throw CSVProblem(line: 1, reason: "this system cannot convert from \(name)")
    }
    defer { iconv_close(descriptor) }
    var input = bytes.map { CChar(bitPattern: $0) }
    var output = [UInt8](repeating: 0, count: bytes.count * 4 + 4)
    let result = input.withUnsafeMutableBufferPointer { inputBuffer in
      output.withUnsafeMutableBufferPointer { outputBuffer in
        outputBuffer.baseAddress.map { base in
          base.withMemoryRebound(to: CChar.self, capacity: outputBuffer.count) { outputBase in
            var inPointer = inputBuffer.baseAddress
            var inLeft = inputBuffer.count
            var outPointer: UnsafeMutablePointer<CChar>? = outputBase
            var outLeft = outputBuffer.count
            let status = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
            return (status, inputBuffer.count - inLeft, outputBuffer.count - outLeft)
          }
        }
      }
    }
    guard let (status, consumed, produced) = result else { return "" }
    guard status != -1 else {
      let offset = min(consumed, max(bytes.count - 1, 0))
      throw CSVProblem(
        line: Self.line(of: offset, in: bytes),
        reason: "byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) is not a \(name) character")
    }
    return String(decoding: output[..<produced], as: UTF8.self)
  }

  /// The physical line (1-based) of the byte at `offset`: one more than the line breaks before it.
  static func line(of offset: Int, in bytes: [UInt8]) -> Int {
    var line = 1
    var index = 0
    while index < offset && index < bytes.count {
      if bytes[index] == 0x0A {
        line += 1
      } else if bytes[index] == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A) {
        line += 1
      }
      index += 1
    }
    return line
  }
}
