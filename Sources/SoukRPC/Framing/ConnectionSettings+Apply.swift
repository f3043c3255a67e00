extension ConnectionSettings.Identifier: CustomStringConvertible {
  /// The values a SETTINGS frame may carry for this setting (SPEC section 5.3); others are a protocol error.
  package var validRange: ClosedRange<UInt32> {
    switch self {
    case .maxFrameBytes: 16_384...16_777_215
    case .initialWindowBytes: 1...0x7FFF_FFFF
    case .maxConcurrentStreams, .maxMessageBytes, .maxMetadataBytes: 0...UInt32.max
    }
  }

  /// The setting's name, e.g. `maxFrameBytes`.
  package var description: String {
    switch self {
    case .maxFrameBytes: "maxFrameBytes"
    case .maxConcurrentStreams: "maxConcurrentStreams"
    case .initialWindowBytes: "initialWindowBytes"
    case .maxMessageBytes: "maxMessageBytes"
    case .maxMetadataBytes: "maxMetadataBytes"
    }
  }
}

extension ConnectionSettings {
  /// Checks every known value of `update` against its range; unknown identifiers are ignored.
  ///
  /// - Throws: a ``GoAwayCode/protocolError`` naming the first value out of range, e.g.
  ///   `SETTINGS maxFrameBytes (1) = 1000 is outside 16384...16777215`.
  package static func validate(_ update: Update) throws(FrameDecodingError) {
    for (identifier, value) in update.values {
      guard let known = Identifier(rawValue: identifier) else { continue }
      guard known.validRange.contains(value) else {
        let range = known.validRange
        throw .protocolError(
          "SETTINGS \(known) (\(identifier)) = \(value) is outside \(range.lowerBound)...\(range.upperBound)"
        )
      }
    }
  }

  /// Applies a peer's SETTINGS: each known value replaces the current one (the last wins if an identifier
  /// repeats); unknown identifiers are ignored.
  ///
  /// Nothing changes if any value is out of range.
  ///
  /// - Throws: a ``GoAwayCode/protocolError`` for a value out of its range (see ``validate(_:)``).
  package mutating func apply(_ update: Update) throws(FrameDecodingError) {
    try Self.validate(update)
    for (identifier, value) in update.values {
      guard let known = Identifier(rawValue: identifier) else { continue }
      let value = Int(value)
      switch known {
      case .maxFrameBytes: self.maxFrameBytes = value
      case .maxConcurrentStreams: self.maxConcurrentStreams = value
      case .initialWindowBytes: self.initialWindowBytes = value
      case .maxMessageBytes: self.maxMessageBytes = value
      case .maxMetadataBytes: self.maxMetadataBytes = value
      }
    }
  }
}
