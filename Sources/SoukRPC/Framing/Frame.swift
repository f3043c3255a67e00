package import NIOCore

/// One decoded frame: the stream it belongs to (0 for the connection) and its payload.
package struct Frame: Sendable, Hashable {
  /// The stream the frame belongs to; 0 for SETTINGS, PING and GOAWAY.
  package var streamID: UInt32
  /// The frame's type-specific content.
  package var payload: Payload

  package init(streamID: UInt32, payload: Payload) {
    self.streamID = streamID
    self.payload = payload
  }

  /// The content of each frame type.
  package enum Payload: Sendable, Hashable {
    case settings(ConnectionSettings.Update)
    case call(CallHeader)
    /// Bytes of one message; `more` means the message continues in the next MESSAGE frame.
    case message(ByteBuffer, more: Bool)
    case halfClose
    case status(StatusTrailer)
    case cancel(RPCError.Code)
    case windowUpdate(increment: UInt32)
    case ping(data: UInt64, ack: Bool)
    case goAway(GoAway)
    case headers(Metadata)
    /// Not a frame on the wire: the decoder's report that a well-formed frame of the given type broke a
    /// stream-level limit (its metadata block is larger than the receiver's `maxMetadataBytes`). The stream ends
    /// with the error (a server answers a CALL with STATUS `resourceExhausted`; a client fails the call) and the
    /// connection stays open. The encoder never writes it.
    case streamError(FrameType, RPCError)
  }

  /// The type byte this frame is written with.
  package var type: FrameType {
    switch self.payload {
    case .settings: .settings
    case .call: .call
    case .message: .message
    case .halfClose: .halfClose
    case .status: .status
    case .cancel: .cancel
    case .windowUpdate: .windowUpdate
    case .ping: .ping
    case .goAway: .goAway
    case .headers: .headers
    case .streamError(let type, _): type
    }
  }
}

/// The payload of a CALL frame.
package struct CallHeader: Sendable, Hashable {
  /// `package.Service/Method`, e.g. `souk.catalog.v1.CatalogService/GetProduct`.
  package var method: String
  /// Microseconds the caller allows for the call, counted from when the frame is received; 0 for no deadline.
  package var timeoutMicroseconds: UInt64
  /// Request metadata.
  package var metadata: Metadata

  package init(method: String, timeoutMicroseconds: UInt64, metadata: Metadata) {
    self.method = method
    self.timeoutMicroseconds = timeoutMicroseconds
    self.metadata = metadata
  }
}

/// The payload of a STATUS frame: how a call ended.
package struct StatusTrailer: Sendable, Hashable {
  /// The status code; `ok` for success.
  package var code: RPCError.Code
  /// A human-readable message; empty for `ok`.
  package var message: String
  /// Encoded details; empty for none.
  package var details: [UInt8]
  /// Trailing metadata.
  package var metadata: Metadata

  package init(code: RPCError.Code, message: String, details: [UInt8], metadata: Metadata) {
    self.code = code
    self.message = message
    self.details = details
    self.metadata = metadata
  }

  /// The trailer of a successful call.
  package static func ok(metadata: Metadata = Metadata()) -> StatusTrailer {
    StatusTrailer(code: .ok, message: "", details: [], metadata: metadata)
  }

  /// The trailer that carries `error`.
  package init(_ error: RPCError) {
    self.init(code: error.code, message: error.message, details: error.details, metadata: error.metadata)
  }

  /// The error this trailer reports, or nil for `ok`.
  package var error: RPCError? {
    guard self.code != .ok else { return nil }
    return RPCError(code: self.code, message: self.message, metadata: self.metadata, details: self.details)
  }
}

/// The payload of a GOAWAY frame.
package struct GoAway: Sendable, Hashable {
  /// The highest stream id the sender has processed or will process.
  package var lastStreamID: UInt32
  /// Why the connection is going away.
  package var code: GoAwayCode
  /// A human-readable reason, for logs.
  package var message: String

  package init(lastStreamID: UInt32, code: GoAwayCode, message: String) {
    self.lastStreamID = lastStreamID
    self.code = code
    self.message = message
  }
}

/// Why a connection is closing, as a GOAWAY frame says (SPEC part 2, "Connection errors").
package struct GoAwayCode: Hashable, Sendable, CustomStringConvertible {
  package let rawValue: UInt32

  package init(rawValue: UInt32) {
    self.rawValue = rawValue
  }

  /// A graceful close: shutdown or idleness.
  package static let noError = GoAwayCode(rawValue: 0)
  /// The peer broke the protocol (bad preface, unknown frame type, reused stream id, frame on a wrong stream).
  package static let protocolError = GoAwayCode(rawValue: 1)
  /// A frame was longer than the receiver's `maxFrameBytes`.
  package static let frameTooLarge = GoAwayCode(rawValue: 2)
  /// The peer sent more than the stream's flow-control window allowed.
  package static let flowControlError = GoAwayCode(rawValue: 3)
  /// The sender failed internally.
  package static let internalError = GoAwayCode(rawValue: 4)
  /// The peer generated too much work (e.g. a ping flood).
  package static let enhanceYourCalm = GoAwayCode(rawValue: 5)

  package var description: String {
    switch self.rawValue {
    case 0: "noError"
    case 1: "protocolError"
    case 2: "frameTooLarge"
    case 3: "flowControlError"
    case 4: "internalError"
    case 5: "enhanceYourCalm"
    default: "goAway(\(self.rawValue))"
    }
  }
}
