public import SoukWire

private typealias _SoukWireVersionCheck = WireRuntimeVersion1

extension SoukFixtureV1 {
  public struct Scalars: WireMessage {
    public static let fullName = "souk.fixture.v1.Scalars"

    public var b: Bool = false
    public var i32: Int32 = 0
    public var i64: Int64 = 0
    public var u32: UInt32 = 0
    public var u64: UInt64 = 0
    public var f: Float = 0
    public var d: Double = 0
    public var s: String = ""
    public var raw: [UInt8] = []
    public var e: SoukFixtureV1.Status = .unspecified
    public var ob: Bool? = nil
    public var oi32: Int32? = nil
    public var oi64: Int64? = nil
    public var ou32: UInt32? = nil
    public var ou64: UInt64? = nil
    public var of: Float? = nil
    public var od: Double? = nil
    public var os: String? = nil
    public var oraw: [UInt8]? = nil
    public var oe: SoukFixtureV1.Status? = nil
    public var rb: [Bool] = []
    public var ri32: [Int32] = []
    public var ri64: [Int64] = []
    public var ru32: [UInt32] = []
    public var ru64: [UInt64] = []
    public var rf: [Float] = []
    public var rd: [Double] = []
    public var rs: [String] = []
    public var rraw: [[UInt8]] = []
    public var re: [SoukFixtureV1.Status] = []
    public var byFlag: [Bool: String] = [:]
    public var byInt32: [Int32: String] = [:]
    public var byInt64: [Int64: String] = [:]
    public var byUInt64: [UInt64: String] = [:]
    public var unknownFields = UnknownFields()

    public init() {}

    public func encodedSize() -> Int {
      var size = 0
      if b { size += 1 + WireSize.bool(b) }
      if i32 != 0 { size += 1 + WireSize.int32(i32) }
      if i64 != 0 { size += 1 + WireSize.int64(i64) }
      if u32 != 0 { size += 1 + WireSize.uint32(u32) }
      if u64 != 0 { size += 1 + WireSize.uint64(u64) }
      if f.bitPattern != 0 { size += 1 + WireSize.float(f) }
      if d.bitPattern != 0 { size += 1 + WireSize.double(d) }
      if !s.isEmpty { size += 1 + WireSize.string(s) }
      if !raw.isEmpty { size += 1 + WireSize.bytes(raw) }
      if e != .unspecified { size += 1 + WireSize.enumValue(e) }
      if let ob { size += 1 + WireSize.bool(ob) }
      if let oi32 { size += 1 + WireSize.int32(oi32) }
      if let oi64 { size += 1 + WireSize.int64(oi64) }
      if let ou32 { size += 1 + WireSize.uint32(ou32) }
      if let ou64 { size += 1 + WireSize.uint64(ou64) }
      if let of { size += 2 + WireSize.float(of) }
      if let od { size += 2 + WireSize.double(od) }
      if let os { size += 2 + WireSize.string(os) }
      if let oraw { size += 2 + WireSize.bytes(oraw) }
      if let oe { size += 2 + WireSize.enumValue(oe) }
      if !rb.isEmpty { size += 2 + WireSize.packedBool(rb) }
      if !ri32.isEmpty { size += 2 + WireSize.packedInt32(ri32) }
      if !ri64.isEmpty { size += 2 + WireSize.packedInt64(ri64) }
      if !ru32.isEmpty { size += 2 + WireSize.packedUInt32(ru32) }
      if !ru64.isEmpty { size += 2 + WireSize.packedUInt64(ru64) }
      if !rf.isEmpty { size += 2 + WireSize.packedFloat(rf) }
      if !rd.isEmpty { size += 2 + WireSize.packedDouble(rd) }
      for element in rs { size += 2 + WireSize.string(element) }
      for element in rraw { size += 2 + WireSize.bytes(element) }
      if !re.isEmpty { size += 2 + WireSize.packedEnum(re) }
      for (key, value) in byFlag {
        let entry = 1 + WireSize.bool(key) + 1 + WireSize.string(value)
        size += 2 + WireSize.varint(UInt64(entry)) + entry
      }
      for (key, value) in byInt32 {
        let entry = 1 + WireSize.int32(key) + 1 + WireSize.string(value)
        size += 2 + WireSize.varint(UInt64(entry)) + entry
      }
      for (key, value) in byInt64 {
        let entry = 1 + WireSize.int64(key) + 1 + WireSize.string(value)
        size += 2 + WireSize.varint(UInt64(entry)) + entry
      }
      for (key, value) in byUInt64 {
        let entry = 1 + WireSize.uint64(key) + 1 + WireSize.string(value)
        size += 2 + WireSize.varint(UInt64(entry)) + entry
      }
      return size + unknownFields.byteCount
    }

    public func encode(to writer: inout WireWriter) {
      if b {
        writer.writeTag(0x08)
        writer.writeBool(b)
      }
      if i32 != 0 {
        writer.writeTag(0x10)
        writer.writeInt32(i32)
      }
      if i64 != 0 {
        writer.writeTag(0x18)
        writer.writeInt64(i64)
      }
      if u32 != 0 {
        writer.writeTag(0x20)
        writer.writeUInt32(u32)
      }
      if u64 != 0 {
        writer.writeTag(0x28)
        writer.writeUInt64(u64)
      }
      if f.bitPattern != 0 {
        writer.writeTag(0x35)
        writer.writeFloat(f)
      }
      if d.bitPattern != 0 {
        writer.writeTag(0x39)
        writer.writeDouble(d)
      }
      if !s.isEmpty {
        writer.writeTag(0x42)
        writer.writeString(s)
      }
      if !raw.isEmpty {
        writer.writeTag(0x4A)
        writer.writeBytes(raw)
      }
      if e != .unspecified {
        writer.writeTag(0x50)
        writer.writeEnum(e)
      }
      if let ob {
        writer.writeTag(0x58)
        writer.writeBool(ob)
      }
      if let oi32 {
        writer.writeTag(0x60)
        writer.writeInt32(oi32)
      }
      if let oi64 {
        writer.writeTag(0x68)
        writer.writeInt64(oi64)
      }
      if let ou32 {
        writer.writeTag(0x70)
        writer.writeUInt32(ou32)
      }
      if let ou64 {
        writer.writeTag(0x78)
        writer.writeUInt64(ou64)
      }
      if let of {
        writer.writeTag(133)
        writer.writeFloat(of)
      }
      if let od {
        writer.writeTag(137)
        writer.writeDouble(od)
      }
      if let os {
        writer.writeTag(146)
        writer.writeString(os)
      }
      if let oraw {
        writer.writeTag(154)
        writer.writeBytes(oraw)
      }
      if let oe {
        writer.writeTag(160)
        writer.writeEnum(oe)
      }
      if !rb.isEmpty {
        writer.writeTag(170)
        writer.writePackedBool(rb)
      }
      if !ri32.isEmpty {
        writer.writeTag(178)
        writer.writePackedInt32(ri32)
      }
      if !ri64.isEmpty {
        writer.writeTag(186)
        writer.writePackedInt64(ri64)
      }
      if !ru32.isEmpty {
        writer.writeTag(194)
        writer.writePackedUInt32(ru32)
      }
      if !ru64.isEmpty {
        writer.writeTag(202)
        writer.writePackedUInt64(ru64)
      }
      if !rf.isEmpty {
        writer.writeTag(210)
        writer.writePackedFloat(rf)
      }
      if !rd.isEmpty {
        writer.writeTag(218)
        writer.writePackedDouble(rd)
      }
      for element in rs {
        writer.writeTag(226)
        writer.writeString(element)
      }
      for element in rraw {
        writer.writeTag(234)
        writer.writeBytes(element)
      }
      if !re.isEmpty {
        writer.writeTag(242)
        writer.writePackedEnum(re)
      }
      for (key, value) in byFlag.sortedByWireKey() {
        let entry = 1 + WireSize.bool(key) + 1 + WireSize.string(value)
        writer.writeTag(250)
        writer.writeVarint(UInt64(entry))
        writer.writeTag(0x08)
        writer.writeBool(key)
        writer.writeTag(0x12)
        writer.writeString(value)
      }
      for (key, value) in byInt32.sortedByWireKey() {
        let entry = 1 + WireSize.int32(key) + 1 + WireSize.string(value)
        writer.writeTag(258)
        writer.writeVarint(UInt64(entry))
        writer.writeTag(0x08)
        writer.writeInt32(key)
        writer.writeTag(0x12)
        writer.writeString(value)
      }
      for (key, value) in byInt64.sortedByWireKey() {
        let entry = 1 + WireSize.int64(key) + 1 + WireSize.string(value)
        writer.writeTag(266)
        writer.writeVarint(UInt64(entry))
        writer.writeTag(0x08)
        writer.writeInt64(key)
        writer.writeTag(0x12)
        writer.writeString(value)
      }
      for (key, value) in byUInt64.sortedByWireKey() {
        let entry = 1 + WireSize.uint64(key) + 1 + WireSize.string(value)
        writer.writeTag(274)
        writer.writeVarint(UInt64(entry))
        writer.writeTag(0x08)
        writer.writeUInt64(key)
        writer.writeTag(0x12)
        writer.writeString(value)
      }
      writer.writeUnknownFields(unknownFields)
    }

    public mutating func decode(from reader: inout WireReader) throws(WireDecodingError) {
      while let tag = try reader.nextTag() {
        switch tag {
        case 0x08: b = try reader.readBool()
        case 0x10: i32 = try reader.readInt32()
        case 0x18: i64 = try reader.readInt64()
        case 0x20: u32 = try reader.readUInt32()
        case 0x28: u64 = try reader.readUInt64()
        case 0x35: f = try reader.readFloat()
        case 0x39: d = try reader.readDouble()
        case 0x42: s = try reader.readString()
        case 0x4A: raw = try reader.readBytes()
        case 0x50: e = try reader.readEnum()
        case 0x58: ob = try reader.readBool()
        case 0x60: oi32 = try reader.readInt32()
        case 0x68: oi64 = try reader.readInt64()
        case 0x70: ou32 = try reader.readUInt32()
        case 0x78: ou64 = try reader.readUInt64()
        case 133: of = try reader.readFloat()
        case 137: od = try reader.readDouble()
        case 146: os = try reader.readString()
        case 154: oraw = try reader.readBytes()
        case 160: oe = try reader.readEnum()
        case 170: try reader.readPackedBool(appendingTo: &rb)
        case 168: try reader.readBool(appendingTo: &rb)
        case 178: try reader.readPackedInt32(appendingTo: &ri32)
        case 176: try reader.readInt32(appendingTo: &ri32)
        case 186: try reader.readPackedInt64(appendingTo: &ri64)
        case 184: try reader.readInt64(appendingTo: &ri64)
        case 194: try reader.readPackedUInt32(appendingTo: &ru32)
        case 192: try reader.readUInt32(appendingTo: &ru32)
        case 202: try reader.readPackedUInt64(appendingTo: &ru64)
        case 200: try reader.readUInt64(appendingTo: &ru64)
        case 210: try reader.readPackedFloat(appendingTo: &rf)
        case 213: try reader.readFloat(appendingTo: &rf)
        case 218: try reader.readPackedDouble(appendingTo: &rd)
        case 217: try reader.readDouble(appendingTo: &rd)
        case 226: try reader.readString(appendingTo: &rs)
        case 234: try reader.readBytes(appendingTo: &rraw)
        case 242: try reader.readPackedEnum(appendingTo: &re)
        case 240: try reader.readEnum(appendingTo: &re)
        case 250:
          var key = false
          var value = ""
          try reader.readMapEntry(currentCount: byFlag.count) { (entry: inout WireReader) throws(WireDecodingError) in
            while let tag = try entry.nextTag() {
              switch tag {
              case 0x08: key = try entry.readBool()
              case 0x12: value = try entry.readString()
              default: try entry.skipField(tag: tag)
              }
            }
          }
          byFlag[key] = value
        case 258:
          var key: Int32 = 0
          var value = ""
          try reader.readMapEntry(currentCount: byInt32.count) { (entry: inout WireReader) throws(WireDecodingError) in
            while let tag = try entry.nextTag() {
              switch tag {
              case 0x08: key = try entry.readInt32()
              case 0x12: value = try entry.readString()
              default: try entry.skipField(tag: tag)
              }
            }
          }
          byInt32[key] = value
        case 266:
          var key: Int64 = 0
          var value = ""
          try reader.readMapEntry(currentCount: byInt64.count) { (entry: inout WireReader) throws(WireDecodingError) in
            while let tag = try entry.nextTag() {
              switch tag {
              case 0x08: key = try entry.readInt64()
              case 0x12: value = try entry.readString()
              default: try entry.skipField(tag: tag)
              }
            }
          }
          byInt64[key] = value
        case 274:
          var key: UInt64 = 0
          var value = ""
          try reader.readMapEntry(currentCount: byUInt64.count) { (entry: inout WireReader) throws(WireDecodingError) in
            while let tag = try entry.nextTag() {
              switch tag {
              case 0x08: key = try entry.readUInt64()
              case 0x12: value = try entry.readString()
              default: try entry.skipField(tag: tag)
              }
            }
          }
          byUInt64[key] = value
        default: try reader.readUnknownField(tag: tag, into: &unknownFields)
        }
      }
    }
  }
}
