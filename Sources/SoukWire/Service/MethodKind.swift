/// Whether each side of a call sends one message or a stream of them.
public enum MethodKind: Hashable, Sendable {
  /// One request, one response.
  case unary
  /// One request, a stream of responses.
  case serverStreaming
  /// A stream of requests, one response.
  case clientStreaming
  /// A stream each way.
  case bidirectionalStreaming
}
