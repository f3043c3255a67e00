/// A file-system failure while reading or writing generated files.
public struct GeneratedOutputError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file or folder concerned.
  public var path: String
  /// What went wrong, from the operating system.
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { "\(path): \(message)" }
}
