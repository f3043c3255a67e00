package import NIOCore
package import SoukWire

extension ByteBuffer {
  /// Appends the client preface `SOUK/1\r\n`, which a client writes before its SETTINGS frame.
  package mutating func writePreface() {
    self.writeBytes(ClientPreface.bytes)
  }

  /// Appends `frame`: its 10-byte header and its payload (SPEC section 5.4).
  ///
  /// The caller keeps frames within the peer's `maxFrameBytes` (``writeMessageFrames(streamID:message:maxFrameBytes:)``
  /// splits messages) and its metadata within the peer's `maxMetadataBytes`
  /// (``MetadataBlock/encodedSize(of:)``).
  ///
  /// Traps on what a sender must never produce: a stream id with the high bit set, metadata that
  /// ``MetadataBlock/problem(with:)`` rejects, a method name longer than ``FrameDecoder/maxMethodBytes``, a
  /// WINDOW_UPDATE increment outside 1...2^31-1, a payload longer than 2^32-1 bytes, or a
  /// ``Frame/Payload/streamError(_:_:)``, which is no frame on the wire. A status code that does not fit in 32
  /// bits is sent as `unknown` (2).
  package mutating func writeFrame(_ frame: Frame) {
    precondition(frame.streamID <= FrameHeader.maxStreamID, "SoukRPC: stream id \(frame.streamID) is above 2^31-1")
    var flags: FrameFlags = []
    switch frame.payload {
    case .message(_, let more) where more: flags.insert(.more)
    case .ping(_, let ack) where ack: flags.insert(.ack)
    default: break
    }
    let headerIndex = self.writerIndex
    FrameHeader(length: 0, type: frame.type.rawValue, flags: flags, streamID: frame.streamID).write(to: &self)
    let payloadStart = self.writerIndex
    self.writePayload(of: frame)
    let length = self.writerIndex - payloadStart
    precondition(length <= Int(UInt32.max), "SoukRPC: a frame payload of \(length) bytes does not fit in 32 bits")
    self.setInteger(UInt32(length), at: headerIndex)
  }

  /// Appends `message` as one MESSAGE frame on `streamID`, encoding it straight into this buffer after the
  /// header (no intermediate copy); if its encoding is longer than `maxFrameBytes` (the peer's), as several
  /// frames of at most `maxFrameBytes` each, every one but the last flagged MORE.
  ///
  /// An empty message is one MESSAGE frame with an empty payload. Traps if `maxFrameBytes` is not positive or
  /// `streamID` is 0 or above 2^31-1.
  package mutating func writeMessageFrames(streamID: UInt32, message: some WireMessage, maxFrameBytes: Int) {
    precondition(maxFrameBytes > 0, "SoukRPC: maxFrameBytes must be positive")
    precondition(
      (1...FrameHeader.maxStreamID).contains(streamID),
      "SoukRPC: a MESSAGE frame needs a stream id in 1...2^31-1, not \(streamID)"
    )
    let firstHeaderIndex = self.writerIndex
    FrameHeader(length: 0, type: FrameType.message.rawValue, flags: [], streamID: streamID).write(to: &self)
    let payloadStart = self.writerIndex
    message.encode(into: &self)
    let size = self.writerIndex - payloadStart
    if size <= maxFrameBytes {
      self.setInteger(UInt32(size), at: firstHeaderIndex)
      return
    }
    // Split in place: make room for the extra headers at the end, move each part after the first forward by
    // the headers that precede it (last part first, so no part overwrites one not yet moved), then write the
    // headers into the gaps.
    let frameCount = (size + maxFrameBytes - 1) / maxFrameBytes
    self.writeRepeatingByte(0, count: (frameCount - 1) * FrameHeader.byteCount)
    let base = payloadStart - self.readerIndex
    self.withUnsafeMutableReadableBytes { bytes in
      guard let start = bytes.baseAddress else { return }
      for part in stride(from: frameCount - 1, through: 1, by: -1) {
        let source = base + part * maxFrameBytes
        let partBytes = min(maxFrameBytes, size - part * maxFrameBytes)
        (start + source + part * FrameHeader.byteCount).copyMemory(from: start + source, byteCount: partBytes)
      }
    }
    for part in 0..<frameCount {
      let partBytes = min(maxFrameBytes, size - part * maxFrameBytes)
      let header = FrameHeader(
        length: UInt32(partBytes),
        type: FrameType.message.rawValue,
        flags: part < frameCount - 1 ? .more : [],
        streamID: streamID
      )
      header.set(at: firstHeaderIndex + part * (FrameHeader.byteCount + maxFrameBytes), in: &self)
    }
  }

  /// Appends the payload of `frame` (SPEC section 5.5).
  private mutating func writePayload(of frame: Frame) {
    switch frame.payload {
    case .settings(let update):
      for (identifier, value) in update.values {
        self.writeInteger(identifier)
        self.writeInteger(value)
      }
    case .call(let call):
      precondition(
        call.method.utf8.count <= FrameDecoder.maxMethodBytes,
        "SoukRPC: method name of \(call.method.utf8.count) bytes exceeds \(FrameDecoder.maxMethodBytes)"
      )
      self.writeLengthPrefixedString(call.method)
      self.writeVarint(call.timeoutMicroseconds)
      MetadataBlock.write(call.metadata, to: &self)
    case .message(var bytes, _):
      self.writeBuffer(&bytes)
    case .halfClose:
      break
    case .status(let status):
      self.writeVarint(Self.wireCode(status.code))
      self.writeLengthPrefixedString(status.message)
      self.writeVarint(UInt64(status.details.count))
      self.writeBytes(status.details)
      MetadataBlock.write(status.metadata, to: &self)
    case .cancel(let code):
      self.writeVarint(Self.wireCode(code))
    case .windowUpdate(let increment):
      precondition((1...0x7FFF_FFFF).contains(increment), "SoukRPC: WINDOW_UPDATE increment \(increment)")
      self.writeInteger(increment)
    case .ping(let data, _):
      self.writeInteger(data)
    case .goAway(let goAway):
      precondition(goAway.lastStreamID <= FrameHeader.maxStreamID, "SoukRPC: GOAWAY last stream id above 2^31-1")
      self.writeInteger(goAway.lastStreamID)
      self.writeVarint(UInt64(goAway.code.rawValue))
      self.writeLengthPrefixedString(goAway.message)
    case .headers(let metadata):
      MetadataBlock.write(metadata, to: &self)
    case .streamError:
      preconditionFailure("SoukRPC: a stream error is reported by the decoder, it is not a frame to write")
    }
  }

  /// The number a status code is sent as: its own if it fits in 32 bits, else `unknown` (2).
  private static func wireCode(_ code: RPCError.Code) -> UInt64 {
    UInt64(UInt32(exactly: code.rawValue) ?? UInt32(RPCError.Code.unknown.rawValue))
  }

  /// Appends a "string": varint length, then the UTF-8 bytes.
  private mutating func writeLengthPrefixedString(_ text: String) {
    self.writeVarint(UInt64(text.utf8.count))
    self.writeString(text)
  }
}
