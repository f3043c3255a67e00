/// The text of the `///` comments written just before a declaration, one entry per line,
/// with the `///` and one following space removed.
public struct Documentation: Hashable, Sendable {
  public var lines: [String]

  public init(lines: [String]) { self.lines = lines }

  public var isEmpty: Bool { lines.isEmpty }
}
