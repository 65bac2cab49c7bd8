// swift-tools-version:6.1
import PackageDescription

// Module layout follows ../shared/DESIGN.md: each library module only imports the layers below it,
// and only the `pgx` executable imports ArgumentParser.
let package = Package(
    name: "pgx",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pgx", targets: ["pgx"]),
        .library(name: "PubMed", targets: ["PubMed"]),
        .library(name: "PGxText", targets: ["PGxText"]),
        .library(name: "PGxExtract", targets: ["PGxExtract"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // The read-only rule service. No default traits: pgx does not use swift-configuration.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.20.0", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0", traits: []),
    ],
    targets: [
        // libxml2 (+ zlib for the threaded .gz feeder). The header undefines LIBXML_ICU_ENABLED so that
        // libxml2's ICU types never meet Foundation's own ICU (see DESIGN.md, "System libraries").
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev", "zlib1g-dev"])]
        ),
        // ICU behind a version-free C header: break iterators and NFKC normalization.
        .target(
            name: "CICUShim",
            linkerSettings: [
                .linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata"),
            ]
        ),
        // SHA-256 blocks with the x86 SHA extensions, detected at run time (no-op elsewhere).
        .target(name: "CSHA256"),
        .target(name: "PGxModel", dependencies: ["CSHA256"]),
        .target(
            name: "PubMed", dependencies: ["CLibXML2", "PGxModel"],
            // The reader's per-node loop touches its own state only; dynamic exclusivity checks cost ~7%.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        .target(name: "PGxText", dependencies: ["CICUShim", "PGxModel"]),
        .target(name: "PGxExtract", dependencies: ["PGxText", "PGxModel"]),
        .target(name: "PGxCuration", dependencies: ["PGxModel", .product(name: "GRDB", package: "GRDB.swift")]),
        // Serves an exported release folder (never the live store) over HTTP.
        .target(name: "PGxServe", dependencies: [
            "PGxCuration", "PGxModel", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .executableTarget(
            name: "pgx",
            dependencies: [
                "PubMed", "PGxText", "PGxExtract", "PGxCuration", "PGxServe", "PGxModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Load generator for bench/bench.py --stages serve: keep-alive HTTP/1.1 over blocking sockets.
        .executableTarget(name: "pgx-load", path: "bench/load"),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PubMedTests", dependencies: ["PubMed", "PGxModel", "TestSupport"],
                    exclude: ["Support/etree_reference.py"]),
        .testTarget(name: "PGxTextTests", dependencies: ["PGxText", "PGxModel", "TestSupport"]),
        .testTarget(name: "PGxCurationTests", dependencies: ["PGxCuration", "TestSupport"]),
        .testTarget(name: "PGxServeTests", dependencies: ["TestSupport"]),
        .testTarget(name: "PGxExtractTests", dependencies: ["PGxExtract", "PGxText", "PGxModel", "TestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
