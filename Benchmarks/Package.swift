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
  ]
)
