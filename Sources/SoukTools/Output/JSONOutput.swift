/// Where a list goes as JSON: one value per line as it arrives (JSON Lines, for `jq -c` and streaming), or one
/// array (for tools that want a single document), written element by element so a long list is never held
/// whole.
public struct JSONOutput {
  /// The two JSON shapes of a list.
  public enum Style: Sendable, Hashable {
    /// One compact value per line.
    case lines
    /// One array, one element per line.
    case array
  }

  private let style: Style
  private let write: (String) -> Void
  private var count = 0

  /// Creates an output of `style` that hands its text to `write`.
  public init(style: Style, write: @escaping (String) -> Void) {
    self.style = style
    self.write = write
  }

  /// Writes one element.
  public mutating func append(_ value: JSONValue) {
    switch self.style {
    case .lines: self.write(value.serialized() + "\n")
    case .array: self.write((self.count == 0 ? "[\n" : ",\n") + value.serialized())
    }
    self.count += 1
  }

  /// Ends the list: closes the array (an empty list is `[]`); nothing for JSON Lines.
  public func finish() {
    guard self.style == .array else { return }
    self.write(self.count == 0 ? "[]\n" : "\n]\n")
  }
}
