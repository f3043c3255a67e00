// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "souk",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "SoukWire", targets: ["SoukWire"]),
    .library(name: "SoukAPI", targets: ["SoukAPI"]),
    .library(name: "SoukTLS", targets: ["SoukTLS"]),
    .executable(name: "souk-gen", targets: ["souk-gen"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
  ],
  targets: [
    // Schema text -> checked model, with compiler-style diagnostics.
    .target(name: "SoukSchema", swiftSettings: swiftSettings),
    // Checked model -> Swift source.
    .target(name: "SoukCodegen", dependencies: ["SoukSchema"], swiftSettings: swiftSettings),
    // The encoding runtime the generated code calls.
    .target(
      name: "SoukWire",
      dependencies: [.product(name: "NIOCore", package: "swift-nio")],
      swiftSettings: swiftSettings
    ),
    // Generated from Protocol/ by souk-gen; never edited by hand.
    .target(name: "SoukAPI", dependencies: ["SoukWire"], swiftSettings: swiftSettings),
    // The system OpenSSL 3 (Debian: libssl-dev), never a bundled copy.
    .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
    // C wrappers for the OpenSSL macros, variadic functions and callbacks Swift cannot import.
    .target(name: "CSoukOpenSSLShims", dependencies: ["COpenSSL"]),
    // TLS as a NIO channel handler over the system OpenSSL.
    .target(
      name: "SoukTLS",
      dependencies: [
        "COpenSSL",
        "CSoukOpenSSLShims",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOTLS", package: "swift-nio"),
      ],
      exclude: ["README.md"],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "souk-gen",
      dependencies: [
        "SoukSchema",
        "SoukCodegen",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Tools/souk-gen",
      swiftSettings: swiftSettings
    ),
    .testTarget(name: "SoukSchemaTests", dependencies: ["SoukSchema"], swiftSettings: swiftSettings),
    .testTarget(
      name: "SoukCodegenTests",
      dependencies: ["SoukCodegen", "SoukSchema"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "SoukWireTests",
      dependencies: ["SoukWire", .product(name: "NIOCore", package: "swift-nio")],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "SoukTLSTests",
      dependencies: [
        "SoukTLS",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOEmbedded", package: "swift-nio"),
        .product(name: "NIOTLS", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "SoukAPITests",
      dependencies: ["SoukAPI", "SoukWire", .product(name: "NIOCore", package: "swift-nio")],
      swiftSettings: swiftSettings
    ),
  ]
)
