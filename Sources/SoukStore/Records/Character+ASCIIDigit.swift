extension Character {
  /// Whether the character is one of the ASCII digits 0 to 9.
  package var isASCIIDigit: Bool {
    isASCII && isWholeNumber
  }
}
