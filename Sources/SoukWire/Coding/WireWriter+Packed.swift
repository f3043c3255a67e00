extension WireWriter {
  /// Writes a packed repeated bool field's value: length prefix, then one 0/1 byte per element.
  ///
  /// Generated code skips empty arrays; this and the other packed writers still write a length of 0 if called.
  @inlinable
  public mutating func writePackedBool(_ values: [Bool]) {
    self.writeVarint(UInt64(values.count))
    self.checkCapacity(values.count)
    var offset = self.position
    for value in values {
      self.base.storeBytes(of: value ? 1 : 0, toByteOffset: offset, as: UInt8.self)
      offset &+= 1
    }
    self.position = offset
  }

  /// Writes a packed repeated int32 field's value: length prefix, then the zigzag varints.
  @inlinable
  public mutating func writePackedInt32(_ values: [Int32]) {
    self.writeVarint(UInt64(WireSize.packedPayload(int32: values)))
    for value in values { self.writeVarint(UInt64(ZigZag.encode32(value))) }
  }

  /// Writes a packed repeated int64 field's value: length prefix, then the zigzag varints.
  @inlinable
  public mutating func writePackedInt64(_ values: [Int64]) {
    self.writeVarint(UInt64(WireSize.packedPayload(int64: values)))
    for value in values { self.writeVarint(ZigZag.encode64(value)) }
  }

  /// Writes a packed repeated uint32 field's value: length prefix, then the varints.
  @inlinable
  public mutating func writePackedUInt32(_ values: [UInt32]) {
    self.writeVarint(UInt64(WireSize.packedPayload(uint32: values)))
    for value in values { self.writeVarint(UInt64(value)) }
  }

  /// Writes a packed repeated uint64 field's value: length prefix, then the varints.
  @inlinable
  public mutating func writePackedUInt64(_ values: [UInt64]) {
    self.writeVarint(UInt64(WireSize.packedPayload(uint64: values)))
    for value in values { self.writeVarint(value) }
  }

  /// Writes a packed repeated float field's value: length prefix, then 4 little-endian bytes per element.
  @inlinable
  public mutating func writePackedFloat(_ values: [Float]) {
    self.writeVarint(UInt64(values.count &* 4))
    #if _endian(little)
      values.withUnsafeBytes { self.writeRaw($0) }
    #else
      for value in values { self.writeFloat(value) }
    #endif
  }

  /// Writes a packed repeated double field's value: length prefix, then 8 little-endian bytes per element.
  @inlinable
  public mutating func writePackedDouble(_ values: [Double]) {
    self.writeVarint(UInt64(values.count &* 8))
    #if _endian(little)
      values.withUnsafeBytes { self.writeRaw($0) }
    #else
      for value in values { self.writeDouble(value) }
    #endif
  }

  /// Writes a packed repeated enum field's value: length prefix, then the varints of the numbers.
  @inlinable
  public mutating func writePackedEnum<E: WireEnum>(_ values: [E]) {
    self.writeVarint(UInt64(WireSize.packedPayload(enums: values)))
    for value in values { self.writeVarint(UInt64(UInt32(bitPattern: value.rawValue))) }
  }
}
