public import SoukWire

private typealias _SoukWireVersionCheck = WireRuntimeVersion1

extension SoukFixtureV1 {
  public struct Node: WireMessage {
    public static let fullName = "souk.fixture.v1.Node"

    public var name: String = ""
    public var children: [SoukFixtureV1.Node] = []
    public var unknownFields = UnknownFields()

    public init() {}

    public func encodedSize() -> Int {
      var size = 0
      if !name.isEmpty { size += 1 + WireSize.string(name) }
      for element in children { size += 1 + WireSize.message(element) }
      return size + unknownFields.byteCount
    }

    public func encode(to writer: inout WireWriter) {
      if !name.isEmpty {
        writer.writeTag(0x0A)
        writer.writeString(name)
      }
      for element in children {
        writer.writeTag(0x12)
        writer.writeMessage(element)
      }
      writer.writeUnknownFields(unknownFields)
    }

    public mutating func decode(from reader: inout WireReader) throws(WireDecodingError) {
      while let tag = try reader.nextTag() {
        switch tag {
        case 0x0A: name = try reader.readString()
        case 0x12: try reader.readMessage(appendingTo: &children)
        default: try reader.readUnknownField(tag: tag, into: &unknownFields)
        }
      }
    }
  }
}
