import SoukRPC
import Testing

/// Applying a peer's SETTINGS: ranges, unknown identifiers, repeated identifiers, all or nothing.
@Suite("Connection settings")
struct ConnectionSettingsTests {
  @Test("known values replace the current ones, unknown identifiers are ignored, the last of a repeat wins")
  func apply() throws {
    var settings = ConnectionSettings.defaults
    try settings.apply(
      ConnectionSettings.Update([(1, 16_384), (2, 0), (3, 1), (4, 10), (5, 0), (0x7777, 123), (1, 16_777_215)])
    )
    #expect(
      settings
        == ConnectionSettings(
          maxFrameBytes: 16_777_215,
          maxConcurrentStreams: 0,
          initialWindowBytes: 1,
          maxMessageBytes: 10,
          maxMetadataBytes: 0
        )
    )
  }

  @Test("the defaults' own update applies to the defaults")
  func defaultsRoundTrip() throws {
    var settings = ConnectionSettings(maxFrameBytes: 20_000)
    try settings.apply(ConnectionSettings.defaults.update)
    #expect(settings == .defaults)
  }

  @Test(
    "an out-of-range value is a protocol error and changes nothing",
    arguments: [
      (UInt16(1), UInt32(16_383), "SETTINGS maxFrameBytes (1) = 16383 is outside 16384...16777215"),
      (1, 16_777_216, "SETTINGS maxFrameBytes (1) = 16777216 is outside 16384...16777215"),
      (3, 0, "SETTINGS initialWindowBytes (3) = 0 is outside 1...2147483647"),
      (3, 0x8000_0000, "SETTINGS initialWindowBytes (3) = 2147483648 is outside 1...2147483647"),
    ] as [(UInt16, UInt32, String)]
  )
  func outOfRange(identifier: UInt16, value: UInt32, message: String) {
    var settings = ConnectionSettings.defaults
    #expect(throws: FrameDecodingError(goAwayCode: .protocolError, message: message)) {
      try settings.apply(ConnectionSettings.Update([(2, 7), (identifier, value)]))
    }
    #expect(settings == .defaults)
  }

  @Test("every identifier's range matches SPEC 5.3", arguments: ConnectionSettings.Identifier.allCases)
  func ranges(identifier: ConnectionSettings.Identifier) {
    switch identifier {
    case .maxFrameBytes: #expect(identifier.validRange == 16_384...16_777_215)
    case .initialWindowBytes: #expect(identifier.validRange == 1...2_147_483_647)
    case .maxConcurrentStreams, .maxMessageBytes, .maxMetadataBytes:
      #expect(identifier.validRange == 0...UInt32.max)
    }
  }
}
