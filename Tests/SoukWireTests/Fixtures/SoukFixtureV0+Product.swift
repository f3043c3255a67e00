public import SoukWire

private typealias _SoukWireVersionCheck = WireRuntimeVersion1

extension SoukFixtureV0 {
  /// The product as an older peer's schema knows it: fields 1, 2, 4, 6 and 8 only.
  public struct Product: WireMessage {
    public static let fullName = "souk.fixture.v1.Product"

    public var id: String = ""
    public var stock: Int64 = 0
    public var tags: [String] = []
    public var price: SoukFixtureV1.Money? = nil
    public var status: SoukFixtureV0.Status = .unspecified
    public var unknownFields = UnknownFields()

    public init() {}

    public func encodedSize() -> Int {
      var size = 0
      if !id.isEmpty { size += 1 + WireSize.string(id) }
      if stock != 0 { size += 1 + WireSize.int64(stock) }
      for element in tags { size += 1 + WireSize.string(element) }
      if let price { size += 1 + WireSize.message(price) }
      if status != .unspecified { size += 1 + WireSize.enumValue(status) }
      return size + unknownFields.byteCount
    }

    public func encode(to writer: inout WireWriter) {
      if !id.isEmpty {
        writer.writeTag(0x0A)
        writer.writeString(id)
      }
      if stock != 0 {
        writer.writeTag(0x10)
        writer.writeInt64(stock)
      }
      for element in tags {
        writer.writeTag(0x22)
        writer.writeString(element)
      }
      if let price {
        writer.writeTag(0x32)
        writer.writeMessage(price)
      }
      if status != .unspecified {
        writer.writeTag(0x40)
        writer.writeEnum(status)
      }
      writer.writeUnknownFields(unknownFields)
    }

    public mutating func decode(from reader: inout WireReader) throws(WireDecodingError) {
      while let tag = try reader.nextTag() {
        switch tag {
        case 0x0A: id = try reader.readString()
        case 0x10: stock = try reader.readInt64()
        case 0x22: try reader.readString(appendingTo: &tags)
        case 0x32: try reader.readMessage(into: &price)
        case 0x40: status = try reader.readEnum()
        default: try reader.readUnknownField(tag: tag, into: &unknownFields)
        }
      }
    }
  }
}
