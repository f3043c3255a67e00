extension String {
  /// Whether the text is an identifier of the schema language: an ASCII letter or `_`, then ASCII letters,
  /// digits or `_`.
  var isValidIdentifier: Bool {
    guard let first = unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
      return false
    }
    return unicodeScalars.allSatisfy {
      $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
    }
  }
}
