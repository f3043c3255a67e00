import GRPCCore

/// The benchmark service's methods, named as a generated `souk.bench.Bench` service would name them.
enum BenchMethods {
  /// `Unary`: a request in, a ``Payload/reply`` out.
  static let unary = MethodDescriptor(fullyQualifiedService: "souk.bench.Bench", method: "Unary")
  /// `Stream`: a request naming a count in, that many ``Payload/streamMessage``s out.
  static let stream = MethodDescriptor(fullyQualifiedService: "souk.bench.Bench", method: "Stream")
}
