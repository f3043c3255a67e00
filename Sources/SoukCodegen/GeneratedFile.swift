/// One generated Swift source file.
public struct GeneratedFile: Hashable, Sendable {
  /// The path relative to the output folder, with `/` separators: `souk/catalog/v1/catalog.swift`.
  public var path: String
  /// The complete text of the file.
  public var contents: String

  public init(path: String, contents: String) {
    self.path = path
    self.contents = contents
  }
}
