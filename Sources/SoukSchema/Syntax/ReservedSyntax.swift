/// One `reserved` statement: either number ranges or names.
struct ReservedSyntax: Hashable, Sendable {
  /// `a`, `a to b` or `a to max`.
  struct Range: Hashable, Sendable {
    /// The upper end of a range as written.
    enum End: Hashable, Sendable {
      /// A single number: `reserved 7;`.
      case same
      case number(Located<Int?>)
      /// `to max`: the highest number the declaration allows.
      case max(SourceLocation)
    }

    var start: Located<Int?>
    var end: End
  }

  var ranges: [Range] = []
  var names: [Located<String>] = []
  var location: SourceLocation
}
