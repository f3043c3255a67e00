extension Character {
  /// Whether the character is one of the ASCII digits 0 to 9.
  var isASCIIDigit: Bool {
    isASCII && isWholeNumber
  }
}
