/// Keys and values sent with a call: request metadata from the client, initial and trailing metadata from the
/// server.
///
/// Keys are lowercase ASCII (`a`-`z`, `0`-`9`, `-`, `_`, `.`); a key may repeat, and order is kept. Keys ending in
/// `-bin` carry arbitrary bytes, every other key carries UTF-8 text. The `authorization` key carries a caller's
/// credentials (`Bearer <key>`).
public struct Metadata: Sendable, Hashable {
  /// One metadata value: text for ordinary keys, bytes for keys ending in `-bin`.
  public enum Value: Sendable, Hashable {
    /// A UTF-8 text value.
    case string(String)
    /// A binary value; only for keys ending in `-bin`.
    case binary([UInt8])
  }

  /// One key and its value.
  public struct Entry: Sendable, Hashable {
    /// The lowercase key.
    public var key: String
    /// The value.
    public var value: Value
  }

  /// The entries, in the order they were added.
  public private(set) var entries: [Entry]

  /// Creates empty metadata.
  public init() {
    self.entries = []
  }

  /// The number of entries.
  public var count: Int { self.entries.count }

  /// Whether there are no entries.
  public var isEmpty: Bool { self.entries.isEmpty }

  /// Appends a text value; the key is lowercased.
  public mutating func addString(_ value: String, forKey key: String) {
    self.entries.append(Entry(key: key.lowercased(), value: .string(value)))
  }

  /// Appends a binary value; the key is lowercased and should end in `-bin`.
  public mutating func addBinary(_ value: [UInt8], forKey key: String) {
    self.entries.append(Entry(key: key.lowercased(), value: .binary(value)))
  }

  /// Appends an entry as it is; used by the frame decoder, which has already checked the key.
  package mutating func append(_ entry: Entry) {
    self.entries.append(entry)
  }

  /// Removes every value for `key`.
  public mutating func removeAll(forKey key: String) {
    let key = key.lowercased()
    self.entries.removeAll { $0.key == key }
  }

  /// The first text value for `key`, if any.
  public func firstString(forKey key: String) -> String? {
    let key = key.lowercased()
    for entry in self.entries where entry.key == key {
      if case .string(let value) = entry.value { return value }
    }
    return nil
  }

  /// The first binary value for `key`, if any.
  public func firstBinary(forKey key: String) -> [UInt8]? {
    let key = key.lowercased()
    for entry in self.entries where entry.key == key {
      if case .binary(let value) = entry.value { return value }
    }
    return nil
  }

  /// Every value for `key`, in order.
  public func values(forKey key: String) -> [Value] {
    let key = key.lowercased()
    return self.entries.lazy.filter { $0.key == key }.map(\.value)
  }
}

extension Metadata: Sequence {
  /// Iterates the entries in order.
  public func makeIterator() -> IndexingIterator<[Entry]> {
    self.entries.makeIterator()
  }
}

extension Metadata: ExpressibleByDictionaryLiteral {
  /// Creates metadata from a literal, e.g. `["authorization": "Bearer souk_partner_..."]`; keys are lowercased.
  public init(dictionaryLiteral elements: (String, Value)...) {
    self.init()
    for (key, value) in elements {
      self.entries.append(Entry(key: key.lowercased(), value: value))
    }
  }
}

extension Metadata.Value: ExpressibleByStringLiteral {
  /// A text value from a literal.
  public init(stringLiteral value: String) {
    self = .string(value)
  }
}

extension Metadata {
  /// The bearer token of the `authorization` entry (`Bearer <token>`), if there is one.
  public var bearerToken: String? {
    guard let value = self.firstString(forKey: "authorization") else { return nil }
    let prefix = "Bearer "
    guard value.count > prefix.count, value.prefix(prefix.count).lowercased() == prefix.lowercased() else {
      return nil
    }
    return String(value.dropFirst(prefix.count))
  }
}
