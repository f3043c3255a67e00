import SoukWire

/// The limits one side of a connection announces in its SETTINGS frame; the peer must respect them.
package struct ConnectionSettings: Sendable, Hashable {
  /// The largest frame payload the sender accepts (16,384 ... 16,777,215; default 65,536).
  package var maxFrameBytes: Int
  /// The most calls the sender accepts open at once on this connection (default 100).
  package var maxConcurrentStreams: Int
  /// The flow-control window of every new stream, in message bytes the peer may send before credit
  /// (default 262,144).
  package var initialWindowBytes: Int
  /// The largest message the sender accepts (default 4 MiB).
  package var maxMessageBytes: Int
  /// The largest encoded metadata block the sender accepts in a CALL, HEADERS or STATUS frame (default 16,384).
  package var maxMetadataBytes: Int

  package init(
    maxFrameBytes: Int = 65_536,
    maxConcurrentStreams: Int = 100,
    initialWindowBytes: Int = 262_144,
    maxMessageBytes: Int = DecodingLimits.default.maxMessageBytes,
    maxMetadataBytes: Int = 16_384
  ) {
    self.maxFrameBytes = maxFrameBytes
    self.maxConcurrentStreams = maxConcurrentStreams
    self.initialWindowBytes = initialWindowBytes
    self.maxMessageBytes = maxMessageBytes
    self.maxMetadataBytes = maxMetadataBytes
  }

  /// The values a peer assumes until the other side's SETTINGS frame arrives.
  package static let defaults = ConnectionSettings()

  /// The identifiers of the settings on the wire.
  package enum Identifier: UInt16, Sendable, CaseIterable {
    case maxFrameBytes = 0x1
    case maxConcurrentStreams = 0x2
    case initialWindowBytes = 0x3
    case maxMessageBytes = 0x4
    case maxMetadataBytes = 0x5
  }

  /// The settings as a SETTINGS frame carries them: identifier and value pairs; unknown identifiers are
  /// ignored by the receiver.
  package struct Update: Sendable, Hashable {
    package var values: [(identifier: UInt16, value: UInt32)]

    package init(_ values: [(identifier: UInt16, value: UInt32)]) {
      self.values = values
    }

    package static func == (lhs: Update, rhs: Update) -> Bool {
      lhs.values.elementsEqual(rhs.values) { $0.identifier == $1.identifier && $0.value == $1.value }
    }

    package func hash(into hasher: inout Hasher) {
      for (identifier, value) in self.values {
        hasher.combine(identifier)
        hasher.combine(value)
      }
    }
  }

  /// Every setting, to send in a SETTINGS frame.
  package var update: Update {
    Update([
      (Identifier.maxFrameBytes.rawValue, UInt32(self.maxFrameBytes)),
      (Identifier.maxConcurrentStreams.rawValue, UInt32(self.maxConcurrentStreams)),
      (Identifier.initialWindowBytes.rawValue, UInt32(self.initialWindowBytes)),
      (Identifier.maxMessageBytes.rawValue, UInt32(self.maxMessageBytes)),
      (Identifier.maxMetadataBytes.rawValue, UInt32(self.maxMetadataBytes)),
    ])
  }
}
