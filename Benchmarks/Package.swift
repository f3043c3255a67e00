// swift-tools-version:6.1
// Benchmarks live in their own package so the main build does not pay for them.
import PackageDescription

let swiftSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "SoukBenchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "souk", path: ".."),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
    .package(url: "https://github.com/apple/swift-protobuf.git", exact: "1.39.0"),
    // The RPC baseline: grpc-swift 2 over HTTP/2 with NIOSSL's TLS, and the latency histogram.
    .package(url: "https://github.com/grpc/grpc-swift-2.git", exact: "2.4.3"),
    .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", exact: "2.9.2"),
    .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", exact: "0.2.0"),
  ],
  targets: [
    // TLS throughput and handshakes per second, next to OpenSSL's own tools.
    .executableTarget(
      name: "TLSBenchmark",
      dependencies: [
        .product(name: "SoukTLS", package: "souk"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOTLS", package: "swift-nio"),
      ],
      path: "TLSBenchmark",
      swiftSettings: swiftSettings
    ),
    // Generated once by protoc from WireBenchmark/Proto (see README.md); the baseline's messages.
    .target(
      name: "ProtobufMessages",
      dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")],
      path: "WireBenchmark/Sources/ProtobufMessages"
    ),
    // Encode/decode of the API's Product and Order against swift-protobuf, in one run.
    .executableTarget(
      name: "WireBenchmark",
      dependencies: [
        "ProtobufMessages",
        .product(name: "SoukAPI", package: "souk"),
        .product(name: "SoukWire", package: "souk"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      path: "WireBenchmark/Sources/WireBenchmark",
      swiftSettings: swiftSettings
    ),
    // The same RPC workloads as souk-bench over grpc-swift 2 (TLS on loopback), server in a child process.
    .executableTarget(
      name: "GRPCBench",
      dependencies: [
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
        .product(name: "Histogram", package: "hdrhistogram-swift"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ],
      path: "GRPCBench",
      swiftSettings: swiftSettings
    ),
  ]
)
