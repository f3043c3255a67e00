import NIOCore
import SoukRPC

/// Frames of every type and flag, with awkward values (empty and non-ASCII text, binary metadata, largest
/// numbers), shared by the round-trip, decoder and fuzz tests.
enum SampleFrames {
  static var metadata: Metadata {
    var metadata = Metadata()
    metadata.addString("Bearer souk_partner_k3y", forKey: "authorization")
    metadata.addString("زيت أركان — huile d'argan", forKey: "x-title")
    metadata.addString("", forKey: "empty")
    metadata.addBinary([0, 0xFF, 0x80], forKey: "trace-bin")
    metadata.addString("second", forKey: "x-title")
    return metadata
  }

  /// One frame of each type, several for types with flags or optional parts.
  static var all: [Frame] {
    [
      Frame(streamID: 0, payload: .settings(ConnectionSettings.defaults.update)),
      Frame(streamID: 0, payload: .settings(ConnectionSettings.Update([]))),
      Frame(streamID: 0, payload: .settings(ConnectionSettings.Update([(0x99, 7), (1, 16_777_215)]))),
      Frame(
        streamID: 1,
        payload: .call(
          CallHeader(
            method: "souk.catalog.v1.CatalogService/GetProduct", timeoutMicroseconds: 1_500_000, metadata: metadata)
        )
      ),
      Frame(
        streamID: 0x7FFF_FFFF,
        payload: .call(CallHeader(method: "a.B/C", timeoutMicroseconds: .max, metadata: Metadata()))
      ),
      Frame(streamID: 3, payload: .message(ByteBuffer(bytes: [0x0A, 0x03, 0x70, 0x5F, 0x31]), more: false)),
      Frame(streamID: 3, payload: .message(ByteBuffer(), more: false)),
      Frame(streamID: 3, payload: .message(ByteBuffer(repeating: 0xAB, count: 300), more: true)),
      Frame(streamID: 5, payload: .halfClose),
      Frame(streamID: 5, payload: .status(.ok())),
      Frame(
        streamID: 7,
        payload: .status(
          StatusTrailer(
            code: .resourceExhausted, message: "trop lent — réessayez", details: [8, 7], metadata: metadata)
        )
      ),
      Frame(
        streamID: 7,
        payload: .status(
          StatusTrailer(code: RPCError.Code(rawValue: 99), message: "", details: [], metadata: Metadata()))
      ),
      Frame(streamID: 9, payload: .cancel(.cancelled)),
      Frame(streamID: 9, payload: .cancel(.deadlineExceeded)),
      Frame(streamID: 2, payload: .windowUpdate(increment: 1)),
      Frame(streamID: 2, payload: .windowUpdate(increment: 0x7FFF_FFFF)),
      Frame(streamID: 0, payload: .ping(data: 0x0102_0304_0506_0708, ack: false)),
      Frame(streamID: 0, payload: .ping(data: .max, ack: true)),
      Frame(streamID: 0, payload: .goAway(GoAway(lastStreamID: 0, code: .noError, message: ""))),
      Frame(
        streamID: 0,
        payload: .goAway(GoAway(lastStreamID: 0x7FFF_FFFF, code: .enhanceYourCalm, message: "trop de PING — calme"))
      ),
      Frame(streamID: 11, payload: .headers(Metadata())),
      Frame(streamID: 11, payload: .headers(metadata)),
    ]
  }
}
