/// The names declared in one scope (a message, an enum, a service, a package), detecting exact duplicates and
/// names the Swift generator would turn into the same identifier.
///
/// Swift-name collisions are found with a simple normalisation (lowercase, underscores removed) applied
/// separately to names that become Swift values (fields, one-of properties, enum cases, methods) and names
/// that become Swift types (messages, enums, one-of enums, services).
struct NameScope {
  /// Which Swift namespace a declaration's generated name lives in.
  enum SwiftSpace: Hashable {
    case value
    case type
  }

  private struct Entry {
    var name: String
    var kind: String
    var location: SourceLocation
  }

  private var exact: [String: Entry] = [:]
  private var normalized: [SwiftSpace: [String: Entry]] = [:]
  /// A prefix removed from normalised value names before comparing them (an enum's name for its values).
  private let strippedPrefix: String?

  init(strippingPrefix prefix: String? = nil) {
    self.strippedPrefix = prefix.map(Self.normalize)
  }

  /// The key two names share when they produce the same Swift identifier.
  static func normalize(_ name: String) -> String { name.lowercased().replacing("_", with: "") }

  /// The normalised value name, with the scope's prefix removed when something remains after it.
  func swiftKey(for name: String) -> String {
    let key = Self.normalize(name)
    if let strippedPrefix, key.hasPrefix(strippedPrefix), key.count > strippedPrefix.count {
      return String(key.dropFirst(strippedPrefix.count))
    }
    return key
  }

  /// Declares `name` (a `kind` such as "field") in the given Swift spaces and returns the problem, if any.
  mutating func declare(
    _ name: String, kind: String, at location: SourceLocation, in spaces: [SwiftSpace]
  ) -> Diagnostic? {
    let entry = Entry(name: name, kind: kind, location: location)
    if let existing = exact[name] {
      return Diagnostic(
        .error,
        "duplicate name '\(name)': already declared as \(article(existing.kind)) \(existing.kind) at "
          + Self.describe(existing.location, from: location),
        at: location)
    }
    exact[name] = entry
    for space in spaces {
      let key = space == .value ? swiftKey(for: name) : Self.normalize(name)
      if let existing = normalized[space]?[key] {
        return Diagnostic(
          .error,
          "\(kind) '\(name)' would get the same Swift name as \(existing.kind) '\(existing.name)' ("
            + Self.describe(existing.location, from: location) + "); rename one of them",
          at: location)
      }
      normalized[space, default: [:]][key] = entry
    }
    return nil
  }

  /// `line 4` in the same file, `path:line:column` in another one.
  static func describe(_ location: SourceLocation, from other: SourceLocation) -> String {
    location.file == other.file ? "line \(location.line)" : location.description
  }

  private func article(_ kind: String) -> String {
    kind.first.map { "aeiou".contains($0) } == true ? "an" : "a"
  }
}
