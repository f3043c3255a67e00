public import SoukWire

// TODO: remove once souk-gen declares the conformance itself (the generator change making every generated
// `Method.X` enum conform to `RPCMethod` is in progress); until then the benchmark declares it here.
extension SoukBenchV1.BenchService.Method.Unary: RPCMethod {}
extension SoukBenchV1.BenchService.Method.Stream: RPCMethod {}
