// swift-tools-version:6.1
// libFuzzer targets for Souk's decoders; see README.md. Kept out of the main package because it only builds
// with `-sanitize=fuzzer`.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which differs between clones and worktrees.
let soukPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent()
  .lastPathComponent.lowercased()

let swiftSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "souk-fuzz",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(path: ".."),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
  ],
  targets: [
    // The entry point both fuzz targets hand to libFuzzer's driver.
    .target(name: "FuzzerDriver", swiftSettings: swiftSettings),
    .executableTarget(
      name: "FuzzWireDecoding",
      dependencies: [
        "FuzzerDriver",
        .product(name: "SoukAPI", package: soukPackage),
        .product(name: "SoukWire", package: soukPackage),
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "FuzzFrameDecoder",
      dependencies: [
        "FuzzerDriver",
        .product(name: "SoukRPC", package: soukPackage),
        .product(name: "NIOCore", package: "swift-nio"),
      ],
      // The frame codec is `package` API of the Souk package: the target reaches it through `@testable import`,
      // which debug builds allow (release builds need `-Xswiftc -enable-testing`; see README.md).
      swiftSettings: swiftSettings
    ),
  ]
)
