public import SoukWire

private typealias _SoukWireVersionCheck = WireRuntimeVersion1

extension SoukFixtureV1 {
  public struct Money: WireMessage {
    public static let fullName = "souk.fixture.v1.Money"

    public var units: Int64 = 0
    public var currency: String = ""
    public var unknownFields = UnknownFields()

    public init() {}

    public func encodedSize() -> Int {
      var size = 0
      if units != 0 { size += 1 + WireSize.int64(units) }
      if !currency.isEmpty { size += 1 + WireSize.string(currency) }
      return size + unknownFields.byteCount
    }

    public func encode(to writer: inout WireWriter) {
      if units != 0 {
        writer.writeTag(0x08)
        writer.writeInt64(units)
      }
      if !currency.isEmpty {
        writer.writeTag(0x12)
        writer.writeString(currency)
      }
      writer.writeUnknownFields(unknownFields)
    }

    public mutating func decode(from reader: inout WireReader) throws(WireDecodingError) {
      while let tag = try reader.nextTag() {
        switch tag {
        case 0x08: units = try reader.readInt64()
        case 0x12: currency = try reader.readString()
        default: try reader.readUnknownField(tag: tag, into: &unknownFields)
        }
      }
    }
  }
}
