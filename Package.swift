// swift-tools-version: 6.1
import PackageDescription

/// Settings every MedCred target shares (STYLE.md §2).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "MedCred",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "medcred", targets: ["medcred"]),
        .library(name: "MedCredCore", targets: ["MedCredCore"]),
        .library(name: "MedCredCrypto", targets: ["MedCredCrypto"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"]), .brew(["libsodium"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]
        ),
        // P-256 (ES256) verification comes from swift-crypto: libsodium has no NIST curves, and SD-JWT and
        // VC-JOSE credentials from other implementations are commonly ES256.
        .target(
            name: "MedCredCrypto",
            dependencies: ["CSodium", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(name: "MedCredCore", dependencies: ["MedCredCrypto"], swiftSettings: strictSettings),
        .target(
            name: "MedCredLedger", dependencies: ["MedCredCore", "MedCredCrypto"], swiftSettings: strictSettings),
        .target(
            name: "MedCredStore",
            dependencies: ["MedCredLedger", "MedCredCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "MedCredService",
            dependencies: [
                "MedCredStore", "MedCredLedger", "MedCredCore", "MedCredCrypto",
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "MedCredClient", dependencies: ["CCurl", "MedCredCore"], swiftSettings: strictSettings),
        .target(
            name: "MedCredServer",
            dependencies: [
                "MedCredService", "MedCredStore", "MedCredLedger", "MedCredCore", "MedCredCrypto",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "medcred",
            dependencies: [
                "MedCredCore", "MedCredCrypto", "MedCredLedger", "MedCredStore", "MedCredService", "MedCredServer",
                "MedCredClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "MedCredBenchmarks",
            dependencies: [
                "MedCredCore", "MedCredCrypto", "MedCredLedger", "MedCredStore", "MedCredService", "MedCredClient",
            ],
            swiftSettings: strictSettings
        ),
        // Appends to a ledger database until killed; the crash tests kill -9 it and check what was acknowledged.
        .executableTarget(
            name: "medcred-ledger-stress",
            dependencies: ["MedCredStore", "MedCredLedger", "MedCredCore"],
            path: "Sources/MedCredLedgerStress",
            swiftSettings: strictSettings
        ),
        // Shared by the test targets only: locating shared/vectors, hex, seeded randomness.
        .target(name: "MedCredTestSupport", swiftSettings: strictSettings),
        .testTarget(
            name: "MedCredCryptoTests",
            dependencies: ["MedCredCrypto", "MedCredTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MedCredCoreTests",
            dependencies: ["MedCredCore", "MedCredCrypto", "MedCredTestSupport"],
            exclude: ["Schema/expected-failures.json", "Credentials/expected-failures.json"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MedCredLedgerTests",
            dependencies: ["MedCredLedger", "MedCredCore", "MedCredCrypto", "MedCredTestSupport"],
            exclude: ["WebVH/expected-failures.json"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MedCredStoreTests",
            dependencies: [
                "MedCredStore", "MedCredLedger", "MedCredCore", "MedCredCrypto", "MedCredTestSupport",
                "medcred-ledger-stress",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MedCredServiceTests",
            dependencies: [
                "MedCredService", "MedCredStore", "MedCredLedger", "MedCredCore", "MedCredCrypto", "MedCredTestSupport",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MedCredServerTests",
            dependencies: [
                "MedCredServer", "MedCredService", "MedCredStore", "MedCredLedger", "MedCredCore", "MedCredCrypto",
                "MedCredClient", "MedCredTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MedCredClientTests",
            dependencies: [
                "MedCredClient", "MedCredCore", "MedCredTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "medcredTests",
            dependencies: ["medcred", "MedCredCore", "MedCredCrypto", "MedCredClient", "MedCredTestSupport"],
            swiftSettings: strictSettings
        ),
    ]
)
