import SoukSchema

/// Whether each side of a method's call sends one message or a stream, named as `MethodKind`'s cases and
/// `RPCRouter`'s `register` labels are.
enum CallKind: String {
  case unary
  case serverStreaming
  case clientStreaming
  case bidirectionalStreaming

  init(of method: MethodDecl) {
    switch (method.clientStreaming, method.serverStreaming) {
    case (false, false): self = .unary
    case (false, true): self = .serverStreaming
    case (true, false): self = .clientStreaming
    case (true, true): self = .bidirectionalStreaming
    }
  }

  /// Whether the client sends a stream of requests.
  var streamsRequests: Bool { self == .clientStreaming || self == .bidirectionalStreaming }

  /// Whether the server sends a stream of responses.
  var streamsResponses: Bool { self == .serverStreaming || self == .bidirectionalStreaming }
}
