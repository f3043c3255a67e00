public import SoukWire

private typealias _SoukWireVersionCheck = WireRuntimeVersion1

extension SoukFixtureV1 {
  /// A product a cooperative sells.
  public struct Product: WireMessage {
    public static let fullName = "souk.fixture.v1.Product"

    /// The product's id.
    public var id: String = ""
    public var stock: Int64 = 0
    public var note: String? = nil
    public var tags: [String] = []
    public var ratings: [Int32] = []
    public var price: SoukFixtureV1.Money? = nil
    public var counts: [String: Int64] = [:]
    public var status: SoukFixtureV1.Status = .unspecified
    public var photos: [SoukFixtureV1.Product.Photo] = []
    public var prices: [UInt32: SoukFixtureV1.Money] = [:]
    public var source: Source? = nil
    public var unknownFields = UnknownFields()

    public enum Source: Hashable, Sendable {
      case url(String)
      case data([UInt8])
    }

    public init() {}

    public func encodedSize() -> Int {
      var size = 0
      if !id.isEmpty { size += 1 + WireSize.string(id) }
      if stock != 0 { size += 1 + WireSize.int64(stock) }
      if let note { size += 1 + WireSize.string(note) }
      for element in tags { size += 1 + WireSize.string(element) }
      if !ratings.isEmpty { size += 1 + WireSize.packedInt32(ratings) }
      if let price { size += 1 + WireSize.message(price) }
      for (key, value) in counts {
        let entry = 1 + WireSize.string(key) + 1 + WireSize.int64(value)
        size += 1 + WireSize.varint(UInt64(entry)) + entry
      }
      if status != .unspecified { size += 1 + WireSize.enumValue(status) }
      for element in photos { size += 1 + WireSize.message(element) }
      for (key, value) in prices {
        let entry = 1 + WireSize.uint32(key) + 1 + WireSize.message(value)
        size += 1 + WireSize.varint(UInt64(entry)) + entry
      }
      switch source {
      case .url(let value)?: size += 1 + WireSize.string(value)
      case .data(let value)?: size += 2 + WireSize.bytes(value)
      case nil: break
      }
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
      if let note {
        writer.writeTag(0x1A)
        writer.writeString(note)
      }
      for element in tags {
        writer.writeTag(0x22)
        writer.writeString(element)
      }
      if !ratings.isEmpty {
        writer.writeTag(0x2A)
        writer.writePackedInt32(ratings)
      }
      if let price {
        writer.writeTag(0x32)
        writer.writeMessage(price)
      }
      for (key, value) in counts.sortedByWireKey() {
        let entry = 1 + WireSize.string(key) + 1 + WireSize.int64(value)
        writer.writeTag(0x3A)
        writer.writeVarint(UInt64(entry))
        writer.writeTag(0x0A)
        writer.writeString(key)
        writer.writeTag(0x10)
        writer.writeInt64(value)
      }
      if status != .unspecified {
        writer.writeTag(0x40)
        writer.writeEnum(status)
      }
      for element in photos {
        writer.writeTag(0x4A)
        writer.writeMessage(element)
      }
      for (key, value) in prices.sortedByWireKey() {
        let entry = 1 + WireSize.uint32(key) + 1 + WireSize.message(value)
        writer.writeTag(0x52)
        writer.writeVarint(UInt64(entry))
        writer.writeTag(0x08)
        writer.writeUInt32(key)
        writer.writeTag(0x12)
        writer.writeMessage(value)
      }
      switch source {
      case .url(let value)?:
        writer.writeTag(0x5A)
        writer.writeString(value)
      case .data(let value)?:
        writer.writeTag(130)
        writer.writeBytes(value)
      case nil: break
      }
      writer.writeUnknownFields(unknownFields)
    }

    public mutating func decode(from reader: inout WireReader) throws(WireDecodingError) {
      while let tag = try reader.nextTag() {
        switch tag {
        case 0x0A: id = try reader.readString()
        case 0x10: stock = try reader.readInt64()
        case 0x1A: note = try reader.readString()
        case 0x22: try reader.readString(appendingTo: &tags)
        case 0x2A: try reader.readPackedInt32(appendingTo: &ratings)
        case 0x28: try reader.readInt32(appendingTo: &ratings)
        case 0x32: try reader.readMessage(into: &price)
        case 0x3A:
          var key = ""
          var value: Int64 = 0
          try reader.readMapEntry(currentCount: counts.count) { (entry: inout WireReader) throws(WireDecodingError) in
            while let tag = try entry.nextTag() {
              switch tag {
              case 0x0A: key = try entry.readString()
              case 0x10: value = try entry.readInt64()
              default: try entry.skipField(tag: tag)
              }
            }
          }
          counts[key] = value
        case 0x40: status = try reader.readEnum()
        case 0x4A: try reader.readMessage(appendingTo: &photos)
        case 0x52:
          var key: UInt32 = 0
          var value: SoukFixtureV1.Money? = nil
          try reader.readMapEntry(currentCount: prices.count) { (entry: inout WireReader) throws(WireDecodingError) in
            while let tag = try entry.nextTag() {
              switch tag {
              case 0x08: key = try entry.readUInt32()
              case 0x12: try entry.readMessage(into: &value)
              default: try entry.skipField(tag: tag)
              }
            }
          }
          prices[key] = value ?? SoukFixtureV1.Money()
        case 0x5A: source = .url(try reader.readString())
        case 130: source = .data(try reader.readBytes())
        default: try reader.readUnknownField(tag: tag, into: &unknownFields)
        }
      }
    }
  }
}
