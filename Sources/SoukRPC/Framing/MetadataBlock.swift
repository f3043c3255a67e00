internal import NIOCore
internal import SoukWire

/// The metadata block of CALL, HEADERS and STATUS frames (SPEC section 5.9): varint count, then per entry a
/// string key and a bytes value. The one place where metadata keys and values are checked, for the encoder and
/// the decoder alike.
package enum MetadataBlock {
  /// The longest key, in bytes.
  package static let maxKeyBytes = 255

  /// The suffix of keys whose values are bytes rather than UTF-8 text.
  package static let binarySuffix = "-bin"

  /// Whether `key` is 1 to 255 bytes of lowercase ASCII letters, digits, `-`, `_` and `.`.
  package static func isValidKey(_ key: some Collection<UInt8>) -> Bool {
    guard (1...Self.maxKeyBytes).contains(key.count) else { return false }
    return key.allSatisfy { byte in
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
      case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."): true
      default: false
      }
    }
  }

  /// Whether values of `key` are bytes (the key ends in `-bin`) rather than UTF-8 text.
  package static func isBinaryKey(_ key: some Collection<UInt8>) -> Bool {
    key.count >= 4 && key.suffix(4).elementsEqual(Self.binarySuffix.utf8)
  }

  /// Why `metadata` cannot be sent, or nil if it can: an invalid key, a binary value under a text key, or a
  /// text value under a `-bin` key.
  ///
  /// Senders call it before building a frame (the encoder traps on metadata it would reject).
  package static func problem(with metadata: Metadata) -> String? {
    for entry in metadata.entries {
      if let problem = Self.problem(with: entry) { return problem }
    }
    return nil
  }

  /// Why one entry cannot be sent, or nil if it can.
  package static func problem(with entry: Metadata.Entry) -> String? {
    let key = entry.key.utf8
    guard Self.isValidKey(key) else {
      return "metadata key \"\(entry.key)\" is not 1 to 255 bytes of a-z 0-9 - _ ."
    }
    switch entry.value {
    case .string where Self.isBinaryKey(key):
      return "metadata key \"\(entry.key)\" ends in -bin but has a text value"
    case .binary where !Self.isBinaryKey(key):
      return "metadata key \"\(entry.key)\" has a binary value but does not end in -bin"
    case .string, .binary:
      return nil
    }
  }

  /// The entries of `metadata` that can be sent, and why each other one cannot.
  package static func sendable(_ metadata: Metadata) -> (metadata: Metadata, problems: [String]) {
    var kept = Metadata()
    var problems: [String] = []
    for entry in metadata.entries {
      if let problem = Self.problem(with: entry) {
        problems.append(problem)
      } else {
        kept.append(entry)
      }
    }
    return (kept, problems)
  }

  /// The encoded size of `metadata`'s block, to compare with the peer's `maxMetadataBytes` before sending.
  package static func encodedSize(of metadata: Metadata) -> Int {
    var size = WireSize.varint(UInt64(metadata.count))
    for entry in metadata.entries {
      let keyBytes = entry.key.utf8.count
      let valueBytes: Int
      switch entry.value {
      case .string(let text): valueBytes = text.utf8.count
      case .binary(let bytes): valueBytes = bytes.count
      }
      size += WireSize.varint(UInt64(keyBytes)) + keyBytes + WireSize.varint(UInt64(valueBytes)) + valueBytes
    }
    return size
  }

  /// Appends `metadata`'s block to `buffer`.
  ///
  /// Traps if ``problem(with:)`` finds a problem: senders check metadata before they build frames.
  static func write(_ metadata: Metadata, to buffer: inout ByteBuffer) {
    if let problem = Self.problem(with: metadata) {
      preconditionFailure("SoukRPC: \(problem)")
    }
    buffer.writeVarint(UInt64(metadata.count))
    for entry in metadata.entries {
      buffer.writeVarint(UInt64(entry.key.utf8.count))
      buffer.writeString(entry.key)
      switch entry.value {
      case .string(let text):
        buffer.writeVarint(UInt64(text.utf8.count))
        buffer.writeString(text)
      case .binary(let bytes):
        buffer.writeVarint(UInt64(bytes.count))
        buffer.writeBytes(bytes)
      }
    }
  }

  /// Reads a block that fills the rest of the payload; the caller has checked its size against the limit.
  ///
  /// - Throws: a ``GoAwayCode/protocolError`` for a malformed block: truncated, a count larger than the bytes can
  ///   hold, an invalid key, a text value that is not UTF-8, or bytes after the last entry.
  static func read(from reader: inout FramePayloadReader) throws(FrameDecodingError) -> Metadata {
    let count = try reader.readVarint("metadata count")
    // Each entry takes at least 3 bytes (key length, a 1-byte key, value length): a count that the remaining
    // bytes cannot hold is refused before anything is allocated for it.
    guard count <= UInt64(reader.remaining / 3) else {
      throw reader.error("metadata count \(count) exceeds what \(reader.remaining) bytes can hold")
    }
    var metadata = Metadata()
    for _ in 0..<count {
      let key = try reader.readLengthPrefixed("metadata key")
      let keyBytes = key.readableBytesView
      guard Self.isValidKey(keyBytes) else {
        let shown = String(decoding: keyBytes.prefix(64), as: UTF8.self)
        throw reader.error("metadata key \"\(shown)\" is not 1 to 255 bytes of a-z 0-9 - _ .")
      }
      let keyText = String(decoding: keyBytes, as: UTF8.self)
      if Self.isBinaryKey(keyBytes) {
        metadata.append(Metadata.Entry(key: keyText, value: .binary(try reader.readBytes("metadata value"))))
      } else {
        let value = try reader.readString("value of metadata key \"\(keyText)\"")
        metadata.append(Metadata.Entry(key: keyText, value: .string(value)))
      }
    }
    try reader.expectEnd(after: "metadata block")
    return metadata
  }
}
