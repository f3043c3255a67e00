public import SoukWire

private typealias _SoukWireVersionCheck = WireRuntimeVersion1

extension SoukFixtureV1.Product {
  public struct Photo: WireMessage {
    public static let fullName = "souk.fixture.v1.Product.Photo"

    public var url: String = ""
    public var width: UInt32 = 0
    public var unknownFields = UnknownFields()

    public init() {}

    public func encodedSize() -> Int {
      var size = 0
      if !url.isEmpty { size += 1 + WireSize.string(url) }
      if width != 0 { size += 1 + WireSize.uint32(width) }
      return size + unknownFields.byteCount
    }

    public func encode(to writer: inout WireWriter) {
      if !url.isEmpty {
        writer.writeTag(0x0A)
        writer.writeString(url)
      }
      if width != 0 {
        writer.writeTag(0x10)
        writer.writeUInt32(width)
      }
      writer.writeUnknownFields(unknownFields)
    }

    public mutating func decode(from reader: inout WireReader) throws(WireDecodingError) {
      while let tag = try reader.nextTag() {
        switch tag {
        case 0x0A: url = try reader.readString()
        case 0x10: width = try reader.readUInt32()
        default: try reader.readUnknownField(tag: tag, into: &unknownFields)
        }
      }
    }
  }
}
