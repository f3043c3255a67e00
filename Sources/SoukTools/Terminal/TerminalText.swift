/// How text occupies a terminal: its width in columns and its writing direction.
///
/// Terminals draw one column per letter, none for combining marks (Arabic tashkeel such as fatha U+064E or
/// shadda U+0651, the accents of decomposed Latin letters) and format characters (the isolates, joiners), and
/// two for East Asian wide letters. Counting `Character`s or bytes instead misaligns every column after an
/// Arabic cell with vowel marks.
public enum TerminalText {
  /// The first strong isolate, U+2068 FIRST STRONG ISOLATE: opens a run whose direction comes from its own text.
  public static let firstStrongIsolate: Character = "\u{2068}"
  /// U+2069 POP DIRECTIONAL ISOLATE: closes the run ``firstStrongIsolate`` opened.
  public static let popDirectionalIsolate: Character = "\u{2069}"

  /// The number of terminal columns `text` occupies.
  public static func width(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + self.width(of: $1) }
  }

  /// The columns one scalar occupies: 0 for marks, format and control characters, 2 for wide ones, else 1.
  public static func width(of scalar: Unicode.Scalar) -> Int {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control:
      return 0
    default:
      break
    }
    if scalar.value == 0x200B { return 0 }  // ZERO WIDTH SPACE is a separator (Cf on some versions, Zs on none).
    return self.isWide(scalar) ? 2 : 1
  }

  /// Whether `text` holds a right-to-left letter (Arabic, Hebrew, Syriac, Thaana, N'Ko and their presentation
  /// forms).
  public static func containsRightToLeft(_ text: String) -> Bool {
    text.unicodeScalars.contains(where: self.isRightToLeft)
  }

  /// `text` wrapped in U+2068 … U+2069 when it holds right-to-left letters, so that a terminal lays it out on its
  /// own and it does not reorder the cells around it; `text` unchanged otherwise.
  public static func isolated(_ text: String) -> String {
    guard self.containsRightToLeft(text) else { return text }
    return "\(self.firstStrongIsolate)\(text)\(self.popDirectionalIsolate)"
  }

  /// `text` cut to at most `maximum` columns, ending with `…` when something was cut. Marks stay with their
  /// letter because whole `Character`s are kept or dropped.
  public static func truncated(_ text: String, toWidth maximum: Int) -> String {
    guard self.width(text) > maximum else { return text }
    guard maximum > 1 else { return String(repeating: "…", count: max(maximum, 0)) }
    var result = ""
    var used = 0
    for character in text {
      let columns = self.width(String(character))
      if used + columns > maximum - 1 { break }
      result.append(character)
      used += columns
    }
    return result + "…"
  }

  private static func isRightToLeft(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF:
      // Only letters are strong; Arabic-Indic digits and marks inside these blocks are weak or neutral.
      return scalar.properties.generalCategory == .otherLetter
        || scalar.properties.generalCategory == .modifierLetter
    default:
      return false
    }
  }

  private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
      0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}
