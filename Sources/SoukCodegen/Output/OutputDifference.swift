/// One way an output folder differs from what the generator produces.
public struct OutputDifference: Hashable, Sendable, CustomStringConvertible {
  /// How a file differs.
  public enum Kind: String, Hashable, Sendable {
    /// The file exists but its contents differ from the generated ones.
    case stale
    /// The generator produces the file but the folder does not have it.
    case missing
    /// The folder has a generated file (one starting with the generated header) that is no longer produced.
    case extra
  }

  /// How the file differs.
  public var kind: Kind
  /// The path relative to the output folder.
  public var path: String

  public init(_ kind: Kind, path: String) {
    self.kind = kind
    self.path = path
  }

  /// `stale: souk/catalog/v1/catalog.swift`.
  public var description: String { "\(kind.rawValue): \(path)" }
}
