/// A dotted type name as written: `Money`, `Product.Photo`, `.souk.common.v1.Money`.
struct TypeReference: Hashable, Sendable {
  var components: [String]
  /// Written with a leading `.`: looked up from the root only.
  var isFullyQualified: Bool
  var location: SourceLocation
  /// Whether a component was malformed (already reported), so it is not reported again as unknown.
  var isMalformed: Bool

  var spelling: String { (isFullyQualified ? "." : "") + components.joined(separator: ".") }
}
