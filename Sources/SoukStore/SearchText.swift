import Foundation

/// The normalisation text search uses, the same for what is indexed and what is asked: lower case, Latin
/// accents removed (`épicé` → `epice`), Arabic diacritics (tashkeel) and tatweel removed, the alef forms
/// (أ إ آ ٱ) read as ا; split into words at anything that is not a letter or a digit.
public enum SearchText {
  /// The normalised words of `text`, in order.
  public static func words(of text: String) -> [String] {
    var words: [String] = []
    var current = String.UnicodeScalarView()
    for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
      if let folded = Self.fold(scalar) {
        if let folded { current.append(folded) }
      } else if !current.isEmpty {
        words.append(String(current))
        current.removeAll(keepingCapacity: true)
      }
    }
    if !current.isEmpty { words.append(String(current)) }
    return words
  }

  /// The indexed form of several texts: their words joined by spaces, with a leading space, so that a word
  /// prefix `w` matches exactly where the index contains ` w`.
  public static func index(_ texts: [String]) -> String {
    let words = texts.flatMap { Self.words(of: $0) }
    return words.isEmpty ? "" : " " + words.joined(separator: " ")
  }

  /// nil for a separator; `.some(nil)` for a mark to drop; otherwise the scalar to keep.
  private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar?? {
    switch scalar.value {
    case 0x0300...0x036F: return .some(nil)  // combining Latin accents, after decomposition
    case 0x064B...0x065F, 0x0670, 0x0640: return .some(nil)  // tashkeel, superscript alef, tatweel
    case 0x0622, 0x0623, 0x0625, 0x0671: return Unicode.Scalar(0x0627)  // alef forms -> bare alef
    default: break
    }
    guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { return nil }
    let lowered = String(scalar).lowercased().unicodeScalars
    return lowered.count == 1 ? lowered.first : scalar
  }
}
