extension WireReader {
  /// Fails with ``WireDecodingError/Code/tooManyElements`` if a collection would hold more than the limit.
  @inlinable
  internal func checkElementCount(_ count: Int) throws(WireDecodingError) {
    guard count <= self.limits.maxCollectionElements else { throw self.tooManyElementsError() }
  }

  /// Reserves a little room in a still empty array of length-delimited elements, so the first few appends do
  /// not reallocate one by one. Every further record takes at least 2 bytes, so never more than the rest of
  /// the input can fill is reserved.
  @inlinable
  internal func reserveFirstElements<Element>(in values: inout [Element]) {
    if values.isEmpty {
      values.reserveCapacity(Swift.min(4, (self.end &- self.position) / 2 &+ 1))
    }
  }

  /// Reads one unpacked bool element and appends it.
  @inlinable
  public mutating func readBool(appendingTo values: inout [Bool]) throws(WireDecodingError) {
    try self.checkElementCount(values.count &+ 1)
    values.append(try self.readBool())
  }

  /// Reads one unpacked int32 element and appends it.
  @inlinable
  public mutating func readInt32(appendingTo values: inout [Int32]) throws(WireDecodingError) {
    try self.checkElementCount(values.count &+ 1)
    values.append(try self.readInt32())
  }

  /// Reads one unpacked int64 element and appends it.
  @inlinable
  public mutating func readInt64(appendingTo values: inout [Int64]) throws(WireDecodingError) {
    try self.checkElementCount(values.count &+ 1)
    values.append(try self.readInt64())
  }

  /// Reads one unpacked uint32 element and appends it.
  @inlinable
  public mutating func readUInt32(appendingTo values: inout [UInt32]) throws(WireDecodingError) {
    try self.checkElementCount(values.count &+ 1)
    values.append(try self.readUInt32())
  }

  /// Reads one unpacked uint64 element and appends it.
  @inlinable
  public mutating func readUInt64(appendingTo values: inout [UInt64]) throws(WireDecodingError) {
    try self.checkElementCount(values.count &+ 1)
    values.append(try self.readUInt64())
  }

  /// Reads one unpacked float element and appends it.
  @inlinable
  public mutating func readFloat(appendingTo values: inout [Float]) throws(WireDecodingError) {
    try self.checkElementCount(values.count &+ 1)
    values.append(try self.readFloat())
  }

  /// Reads one unpacked double element and appends it.
  @inlinable
  public mutating func readDouble(appendingTo values: inout [Double]) throws(WireDecodingError) {
    try self.checkElementCount(values.count &+ 1)
    values.append(try self.readDouble())
  }

  /// Reads one string element of a repeated string field and appends it.
  @inlinable
  public mutating func readString(appendingTo values: inout [String]) throws(WireDecodingError) {
    try self.checkElementCount(values.count &+ 1)
    self.reserveFirstElements(in: &values)
    values.append(try self.readString())
  }

  /// Reads one bytes element of a repeated bytes field and appends it.
  @inlinable
  public mutating func readBytes(appendingTo values: inout [[UInt8]]) throws(WireDecodingError) {
    try self.checkElementCount(values.count &+ 1)
    self.reserveFirstElements(in: &values)
    values.append(try self.readBytes())
  }

  /// Reads one unpacked enum element and appends it.
  @inlinable
  public mutating func readEnum<E: WireEnum>(
    appendingTo values: inout [E]
  ) throws(WireDecodingError) {
    try self.checkElementCount(values.count &+ 1)
    values.append(try self.readEnum())
  }
}
