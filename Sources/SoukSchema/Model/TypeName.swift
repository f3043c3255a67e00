/// The resolved, fully qualified name of a message or enum: its package plus the path of
/// nested declarations, e.g. package `souk.catalog.v1`, path `["Product", "Photo"]`.
public struct TypeName: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The dotted package, e.g. `souk.catalog.v1`.
  public var package: String
  /// The declaration names from the outermost to the type itself; never empty.
  public var path: [String]

  public init(package: String, path: [String]) {
    precondition(!path.isEmpty, "a type name has at least one component")
    self.package = package
    self.path = path
  }

  /// The name as written in schemas and on the wire's error messages: `souk.catalog.v1.Product.Photo`.
  public var fullName: String {
    let nested = path.joined(separator: ".")
    return package.isEmpty ? nested : "\(package).\(nested)"
  }

  /// The last component: the declaration's own name.
  public var simpleName: String { path[path.count - 1] }

  public var description: String { fullName }

  public static func < (lhs: TypeName, rhs: TypeName) -> Bool { lhs.fullName < rhs.fullName }
}
