import ArgumentParser

/// One workload of the RPC benchmark: what is measured, how many operations are outstanding at once and over how
/// many connections. GRPCBench (Benchmarks/GRPCBench, the grpc-swift 2 baseline) defines the same list, so a row
/// of one tool has its twin in the other.
struct Workload: Sendable, Equatable, CustomStringConvertible {
  /// What one operation is.
  enum Kind: String, Sendable, CaseIterable, ExpressibleByArgument {
    /// A unary call: a ``Payload/requestSize``-byte request, a ``Payload/replySize``-byte reply.
    case unary
    /// A server-streaming call of ``Payload/streamMessages`` messages of ``Payload/streamMessageSize`` bytes;
    /// one operation is one message received.
    case stream
    /// A new TLS connection (full handshake, no resumption) carrying one unary call, then closed.
    case connect
  }

  /// What one operation is.
  var kind: Kind
  /// Operations outstanding at once, over all connections (for `connect`, connections being set up at once).
  var inFlight: Int
  /// Connections the in-flight operations are spread over evenly (`connect` opens a new one per operation).
  var connections: Int

  /// Every workload of `souk-bench all`, in the order they run.
  static let all: [Workload] = [
    Workload(kind: .unary, inFlight: 1, connections: 1),
    Workload(kind: .unary, inFlight: 16, connections: 1),
    Workload(kind: .unary, inFlight: 64, connections: 1),
    Workload(kind: .unary, inFlight: 64, connections: 4),
    Workload(kind: .stream, inFlight: 1, connections: 1),
    Workload(kind: .connect, inFlight: 1, connections: 1),
    Workload(kind: .connect, inFlight: 4, connections: 1),
  ]

  /// The unit of the rate column.
  var rateUnit: String {
    switch kind {
    case .unary: "calls/s"
    case .stream: "msgs/s"
    case .connect: "conns/s"
    }
  }

  /// What the latency columns measure.
  var latencyMeaning: String {
    switch kind {
    case .unary: "call sent -> reply received"
    case .stream: "gap between consecutive messages of a stream"
    case .connect: "connect -> TLS and souk/1 settings exchanged -> first reply received"
    }
  }

  var description: String {
    kind == .connect
      ? "\(kind.rawValue), \(inFlight) at once"
      : "\(kind.rawValue), \(inFlight) in flight over \(connections) connection(s)"
  }
}
