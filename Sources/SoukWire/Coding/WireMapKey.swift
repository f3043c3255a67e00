/// A type that can be a map key, with the order in which canonical encoding writes map entries.
///
/// Strings order by their UTF-8 bytes, integers numerically, and `false` before `true`.
public protocol WireMapKey: Hashable, Sendable {
  /// Whether `a` is written before `b`.
  static func wireOrder(_ a: Self, _ b: Self) -> Bool
}

extension String: WireMapKey {
  /// Orders strings by their UTF-8 bytes, as an implementation in any language can reproduce.
  @inlinable
  public static func wireOrder(_ a: String, _ b: String) -> Bool {
    let ordered = a.utf8.withContiguousStorageIfAvailable { first in
      b.utf8.withContiguousStorageIfAvailable { second in
        String.utf8Precedes(first, second)
      }
    }
    // Native strings always have contiguous UTF-8; the fallback only guards against that changing.
    return (ordered ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
  }

  /// Whether `first` orders before `second`, comparing unsigned bytes, a prefix before the longer sequence.
  @inlinable
  internal static func utf8Precedes(
    _ first: UnsafeBufferPointer<UInt8>,
    _ second: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    let common = Swift.min(first.count, second.count)
    var index = 0
    while index < common {
      let left = first[index]
      let right = second[index]
      if left != right { return left < right }
      index &+= 1
    }
    return first.count < second.count
  }
}

extension Bool: WireMapKey {
  /// Orders `false` before `true`.
  @inlinable
  public static func wireOrder(_ a: Bool, _ b: Bool) -> Bool { !a && b }
}

extension Int32: WireMapKey {
  /// Orders numerically.
  @inlinable
  public static func wireOrder(_ a: Int32, _ b: Int32) -> Bool { a < b }
}

extension Int64: WireMapKey {
  /// Orders numerically.
  @inlinable
  public static func wireOrder(_ a: Int64, _ b: Int64) -> Bool { a < b }
}

extension UInt32: WireMapKey {
  /// Orders numerically.
  @inlinable
  public static func wireOrder(_ a: UInt32, _ b: UInt32) -> Bool { a < b }
}

extension UInt64: WireMapKey {
  /// Orders numerically.
  @inlinable
  public static func wireOrder(_ a: UInt64, _ b: UInt64) -> Bool { a < b }
}

extension Dictionary where Key: WireMapKey {
  /// The entries in the order canonical encoding writes them: ascending by ``WireMapKey/wireOrder(_:_:)``.
  @inlinable
  public func sortedByWireKey() -> [(key: Key, value: Value)] {
    if self.isEmpty { return [] }
    return self.sorted { Key.wireOrder($0.key, $1.key) }
  }
}
