// swift-tools-version:6.1
// libFuzzer targets for Souk's decoders; see README.md. Kept out of the main package because it only builds
// with `-sanitize=fuzzer`.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which differs between clones and worktrees.
let soukPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent()
  .lastPathComponent.lowercased()

let package = Package(
  name: "souk-fuzz",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(path: "..")
  ],
  targets: [
    .executableTarget(
      name: "FuzzWireDecoding",
      dependencies: [
        .product(name: "SoukAPI", package: soukPackage),
        .product(name: "SoukWire", package: soukPackage),
      ],
      swiftSettings: [
        .swiftLanguageMode(.v6),
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("InternalImportsByDefault"),
        .enableUpcomingFeature("MemberImportVisibility"),
      ]
    )
  ]
)
