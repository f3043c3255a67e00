/// A whole checked schema: every file under one root, with every type reference resolved.
public struct Schema: Hashable, Sendable {
  /// The files sorted by path.
  public var files: [SchemaFile]

  public init(files: [SchemaFile]) {
    self.files = files.sorted { $0.path < $1.path }
  }
}
