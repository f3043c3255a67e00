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
    .library(name: "SoukAPIServices", targets: ["SoukAPIServices"]),
    .library(name: "SoukTLS", targets: ["SoukTLS"]),
    .library(name: "SoukRPC", targets: ["SoukRPC"]),
    .library(name: "SoukStore", targets: ["SoukStore"]),
    .library(name: "SoukStoreSQLite", targets: ["SoukStoreSQLite"]),
    .library(name: "SoukStorePostgres", targets: ["SoukStorePostgres"]),
    .library(name: "SoukMarket", targets: ["SoukMarket"]),
    .library(name: "SoukServer", targets: ["SoukServer"]),
    .library(name: "SoukClient", targets: ["SoukClient"]),
    .executable(name: "souk", targets: ["souk"]),
    .executable(name: "souk-gen", targets: ["souk-gen"]),
    .executable(name: "souk-example", targets: ["souk-example"]),
    .executable(name: "souk-admin", targets: ["souk-admin"]),
    .executable(name: "souk-coop", targets: ["souk-coop"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
    .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
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
    // Generated from Protocol/ by souk-gen; never edited by hand. The messages and enums, on SoukWire alone.
    .target(name: "SoukAPI", dependencies: ["SoukWire"], swiftSettings: swiftSettings),
    // Generated from Protocol/ by souk-gen; never edited by hand. Per service its method descriptors, server protocol
    // and typed client, over SoukRPC.
    .target(name: "SoukAPIServices", dependencies: ["SoukAPI", "SoukRPC"], swiftSettings: swiftSettings),
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
    // Frames, connections and calls over TLS: the transport, independent of any business.
    .target(
      name: "SoukRPC",
      dependencies: [
        "SoukWire",
        "SoukTLS",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOTLS", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
        // RPCServer is a lifecycle Service, so a ServiceGroup drains it on SIGTERM.
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      swiftSettings: swiftSettings
    ),
    // The store contract behind which the marketplace keeps its data: `MarketStore`, the write context, store
    // errors, and the statements and row rules every SQL store shares. No database driver.
    .target(
      name: "SoukStore",
      dependencies: ["SoukAPI", "SoukWire"],
      swiftSettings: swiftSettings
    ),
    // The embedded store: SQLite through GRDB (WAL, durable commits, migrations), for one machine.
    .target(
      name: "SoukStoreSQLite",
      dependencies: ["SoukStore", "SoukAPI", "SoukWire", .product(name: "GRDB", package: "GRDB.swift")],
      swiftSettings: swiftSettings
    ),
    // The shared store on PostgreSQL (postgres-nio) for several `souk serve` instances.
    .target(
      name: "SoukStorePostgres",
      dependencies: [
        "SoukStore", "SoukAPI", "SoukWire",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings
    ),
    // The marketplace: catalog, orders, accounts and keys, authorization; implements the generated services.
    .target(
      name: "SoukMarket",
      dependencies: [
        "SoukAPI", "SoukAPIServices",
        "SoukRPC",
        "SoukStore",
        "SoukTLS",
        "SoukWire",
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings
    ),
    // Composition: configuration, data folder, development certificate, lifecycle, logging and metrics.
    .target(
      name: "SoukServer",
      dependencies: [
        "SoukMarket",
        "SoukRPC",
        "SoukStore",
        "SoukStoreSQLite",
        // `souk serve --database postgres://…`: several instances over one PostgreSQL.
        "SoukStorePostgres",
        "SoukTLS",
        "SoukAPI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
      ],
      swiftSettings: swiftSettings
    ),
    // The library partners and the tools use: connection, key, retries with idempotency keys, resumable feeds.
    .target(
      name: "SoukClient",
      dependencies: ["SoukAPI", "SoukAPIServices", "SoukRPC", "SoukTLS", "SoukWire"],
      swiftSettings: swiftSettings
    ),
    // What souk-admin and souk-coop share: connection options, explained errors, tables, money, CSV.
    .target(
      name: "SoukTools",
      dependencies: [
        // SoukMarket for the marketplace's own rules (Morocco's calendar, money), never its services.
        "SoukAPI", "SoukClient", "SoukMarket", "SoukRPC", "SoukTLS", "SoukWire",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      exclude: ["Products/PRODUCT-SHEET.md"],
      swiftSettings: swiftSettings
    ),
    // `souk serve`: a thin main over SoukServer.
    .executableTarget(
      name: "souk",
      dependencies: ["SoukServer", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      swiftSettings: swiftSettings
    ),
    // `souk-admin`: the operator's tool over the admin service.
    .executableTarget(
      name: "souk-admin",
      dependencies: [
        "SoukTools", "SoukClient", "SoukAPI", "SoukAPIServices", "SoukMarket", "SoukWire",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings
    ),
    // `souk-coop`: a cooperative keeps its listings, stock and fulfilments current, mostly from a spreadsheet.
    .executableTarget(
      name: "souk-coop",
      dependencies: [
        "SoukTools", "SoukClient", "SoukAPI", "SoukAPIServices", "SoukMarket", "SoukRPC", "SoukWire",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
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
    // A partner e-shop in a hundred lines, on SoukClient alone: mirrors the catalog and places an order.
    .executableTarget(
      name: "souk-example",
      dependencies: ["SoukClient", "SoukAPI", "SoukAPIServices"],
      path: "Tools/souk-example",
      swiftSettings: swiftSettings
    ),
    // Helpers several test targets share (timeouts, hex, a seeded generator, temporary folders, the SPEC's
    // examples, saved fuzzer inputs); test-only, not a product.
    .target(name: "SoukTestSupport", path: "Tests/SoukTestSupport", swiftSettings: swiftSettings),
    // A fresh database per test on the PostgreSQL server of SOUK_TEST_POSTGRES_URL; test-only, not a product.
    .target(
      name: "SoukStorePostgresTestSupport",
      dependencies: [
        "SoukStorePostgres",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
      ],
      path: "Tests/SoukStorePostgresTestSupport",
      swiftSettings: swiftSettings
    ),
    // A real Souk server for tests that drive one: in this process (with accounts, products and orders made
    // through the services) or as the `souk` executable, and the repository's tools run as child processes;
    // test-only, not a product.
    .target(
      name: "SoukServerTestSupport",
      dependencies: [
        "SoukServer", "SoukAPI", "SoukAPIServices", "SoukMarket", "SoukRPC", "SoukTLS", "SoukTestSupport",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
      ],
      path: "Tests/SoukServerTestSupport",
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "SoukSchemaTests",
      dependencies: ["SoukSchema", "SoukTestSupport"],
      swiftSettings: swiftSettings
    ),
    // Generated by souk-gen from Tests/SoukGeneratedFixtures/Schema (every schema construct); test-only.
    .target(
      name: "SoukGeneratedFixtures",
      dependencies: ["SoukWire", "SoukRPC"],
      path: "Tests/SoukGeneratedFixtures",
      exclude: ["Schema"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "SoukCodegenTests",
      dependencies: ["SoukCodegen", "SoukSchema", "SoukGeneratedFixtures", "SoukWire", "SoukRPC"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "SoukWireTests",
      dependencies: ["SoukWire", "SoukTestSupport", .product(name: "NIOCore", package: "swift-nio")],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "SoukTLSTests",
      dependencies: [
        "SoukTLS",
        "SoukTestSupport",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOEmbedded", package: "swift-nio"),
        .product(name: "NIOTLS", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings
    ),
    // Generated by souk-gen from Tests/SoukInteropService/Schema: the gRPC interop service, adapted; test-only.
    .target(
      name: "SoukInteropService",
      dependencies: ["SoukWire", "SoukRPC"],
      path: "Tests/SoukInteropService",
      exclude: ["Schema"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "SoukRPCTests",
      dependencies: [
        "SoukRPC",
        "SoukInteropService",
        "SoukWire",
        "SoukTLS",
        "SoukTestSupport",
        // The API's messages fill the SPEC's frame examples.
        "SoukAPI",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOEmbedded", package: "swift-nio"),
        .product(name: "NIOTestUtils", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "MetricsTestKit", package: "swift-metrics"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      swiftSettings: swiftSettings
    ),
    // The store conformance suites: every `MarketStore` passes the first unchanged, every store several instances
    // share (PostgreSQL) the second.
    .target(
      name: "SoukStoreConformance",
      dependencies: ["SoukStore", "SoukAPI", "SoukTestSupport"],
      path: "Tests/SoukStoreConformance",
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "SoukStoreSQLiteTests",
      dependencies: [
        "SoukStore", "SoukStoreSQLite", "SoukStoreConformance", "SoukAPI", "SoukTestSupport",
        // The SQLite-specific tests read the connection's pragmas.
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      swiftSettings: swiftSettings
    ),
    // The PostgreSQL store: the conformance suite and what only a shared database shows (instances, migrations,
    // notifications); needs the test server of SOUK_TEST_POSTGRES_URL.
    .testTarget(
      name: "SoukStorePostgresTests",
      dependencies: [
        "SoukStorePostgres", "SoukStorePostgresTestSupport", "SoukStore", "SoukStoreConformance", "SoukAPI",
        "SoukTestSupport",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "SoukMarketTests",
      dependencies: [
        "SoukMarket", "SoukStore", "SoukStoreSQLite", "SoukAPI", "SoukAPIServices", "SoukRPC", "SoukTLS", "SoukWire",
        "SoukTestSupport",
      ],
      swiftSettings: swiftSettings
    ),
    // The real server on loopback with real TLS: roles, concurrency, durability across SIGKILL, and two `souk serve`
    // instances sharing one PostgreSQL.
    .testTarget(
      name: "SoukIntegrationTests",
      dependencies: [
        "SoukServer", "SoukMarket", "SoukStore", "SoukAPI", "SoukAPIServices", "SoukRPC", "SoukTLS", "SoukWire",
        "SoukTestSupport", "SoukServerTestSupport", "SoukStorePostgres", "SoukStorePostgresTestSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings
    ),
    // SoukClient and RPCClient's retries against real servers over TLS: retries, feeds across restarts, errors.
    .testTarget(
      name: "SoukClientTests",
      dependencies: [
        "SoukClient", "SoukServer", "SoukMarket", "SoukRPC", "SoukAPI", "SoukAPIServices", "SoukTLS", "SoukWire",
        "SoukTestSupport", "SoukServerTestSupport",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "SoukAPITests",
      dependencies: ["SoukAPI", "SoukWire", "SoukSchema", "SoukTestSupport"],
      swiftSettings: swiftSettings
    ),
    // souk-coop and souk-admin: CSV and product rows, output helpers, and both tools run as real subprocesses
    // against a real server.
    .testTarget(
      name: "SoukToolsTests",
      dependencies: [
        "SoukTools", "SoukClient", "SoukMarket", "SoukServer", "SoukAPI", "SoukAPIServices", "SoukRPC", "SoukTLS",
        "SoukWire", "SoukTestSupport", "SoukServerTestSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        // The in-process test server's log level.
        .product(name: "Logging", package: "swift-log"),
      ],
      exclude: ["Fixtures"],
      swiftSettings: swiftSettings
    ),
  ]
)
