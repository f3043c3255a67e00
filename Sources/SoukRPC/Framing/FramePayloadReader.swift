internal import NIOCore

/// Reads the fields of one frame's payload; every problem becomes a ``GoAwayCode/protocolError`` whose message
/// names the frame, e.g. `CALL frame on stream 1: method length 10 exceeds the 3 bytes left`.
struct FramePayloadReader {
  /// The bytes of the payload not read yet.
  var buffer: ByteBuffer
  /// The frame's type, for messages.
  let type: FrameType
  /// The frame's stream, for messages.
  let streamID: UInt32

  /// The number of payload bytes not read yet.
  var remaining: Int { self.buffer.readableBytes }

  /// A protocol error about this frame.
  func error(_ problem: String) -> FrameDecodingError {
    .protocolError("\(self.type) frame on stream \(self.streamID): \(problem)")
  }

  /// Reads a varint; `field` names it in errors.
  mutating func readVarint(_ field: String) throws(FrameDecodingError) -> UInt64 {
    do {
      return try self.buffer.readVarint()
    } catch {
      switch error {
      case .truncated: throw self.error("truncated varint (\(field))")
      case .malformed: throw self.error("malformed varint (\(field)): more than 10 bytes or above 2^64-1")
      }
    }
  }

  /// Reads a varint that must fit in 32 bits (a status or GOAWAY code).
  mutating func readCode(_ field: String) throws(FrameDecodingError) -> UInt32 {
    let value = try self.readVarint(field)
    guard let code = UInt32(exactly: value) else {
      throw self.error("\(field) \(value) does not fit in 32 bits")
    }
    return code
  }

  /// Reads a big-endian u32; the caller has checked the payload's size.
  mutating func readUInt32(_ field: String) throws(FrameDecodingError) -> UInt32 {
    guard let value = self.buffer.readInteger(as: UInt32.self) else {
      throw self.error("truncated \(field)")
    }
    return value
  }

  /// Reads a varint length and that many bytes, as a slice of the payload.
  mutating func readLengthPrefixed(_ field: String) throws(FrameDecodingError) -> ByteBuffer {
    let length = try self.readVarint("\(field) length")
    guard length <= UInt64(self.remaining), let slice = self.buffer.readSlice(length: Int(length)) else {
      throw self.error("\(field) length \(length) exceeds the \(self.remaining) bytes left")
    }
    return slice
  }

  /// Reads a "string": varint length and UTF-8 bytes, at most `maxBytes` of them.
  mutating func readString(_ field: String, maxBytes: Int = .max) throws(FrameDecodingError) -> String {
    let bytes = try self.readLengthPrefixed(field)
    guard bytes.readableBytes <= maxBytes else {
      throw self.error("\(field) of \(bytes.readableBytes) bytes exceeds \(maxBytes)")
    }
    guard let text = String(validating: bytes.readableBytesView, as: UTF8.self) else {
      throw self.error("\(field) is not valid UTF-8")
    }
    return text
  }

  /// Reads "bytes": varint length and the bytes.
  mutating func readBytes(_ field: String) throws(FrameDecodingError) -> [UInt8] {
    let bytes = try self.readLengthPrefixed(field)
    return Array(bytes.readableBytesView)
  }

  /// Throws unless every byte of the payload has been read.
  func expectEnd(after field: String) throws(FrameDecodingError) {
    guard self.remaining == 0 else {
      throw self.error("\(self.remaining) unexpected bytes after the \(field)")
    }
  }
}
