/// Hex text <-> bytes, for writing expected encodings readably.
package enum Hex {
  /// Parses hex digits, ignoring whitespace and `#` comments to the end of a line; `nil` if malformed.
  package static func bytes(_ text: String) -> [UInt8]? {
    var digits: [UInt8] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let code =
        line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      for character in code where !character.isWhitespace {
        guard let value = character.hexDigitValue else { return nil }
        digits.append(UInt8(value))
      }
    }
    guard digits.count.isMultiple(of: 2) else { return nil }
    return stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
  }

  /// Lowercase hex with a space between bytes, e.g. `0a 02 70 31`.
  package static func string(_ bytes: [UInt8]) -> String {
    bytes.map { byte in
      let text = String(byte, radix: 16)
      return byte < 0x10 ? "0" + text : text
    }.joined(separator: " ")
  }
}
