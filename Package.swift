// swift-tools-version: 6.1
import PackageDescription

/// Swift settings shared by every target of ours: Swift 6 language mode (strict concurrency) is
/// the default for this tools version; upcoming features keep the code ready for the next mode.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "tvcas",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tvcas", targets: ["tvcas"]),
        .library(name: "TVCASCore", targets: ["TVCASCore"]),
        .library(name: "SimulCrypt", targets: ["SimulCrypt"]),
        .library(name: "TVCASTesting", targets: ["TVCASTesting"]),
        .library(name: "TVCASDatabase", targets: ["TVCASDatabase"]),
        .library(name: "TVCASGenerators", targets: ["TVCASGenerators"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // MARK: C libraries from Debian, through pkg-config
        .systemLibrary(name: "CMariaDB", pkgConfig: "libmariadb", providers: [.apt(["libmariadb-dev"])]),
        .systemLibrary(name: "CFastCGI", pkgConfig: "fcgi", providers: [.apt(["libfcgi-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CCrypt", pkgConfig: "libcrypt", providers: [.apt(["libcrypt-dev"])]),
        .systemLibrary(name: "CMalloc"),

        // MARK: Libraries, one per domain
        .target(
            name: "TVCASCore",
            dependencies: ["COpenSSL"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SimulCrypt",
            dependencies: [.product(name: "NIOCore", package: "swift-nio")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TVCASConfig",
            dependencies: [
                "CCrypt",
                "TVCASCore",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TVCASDatabase",
            dependencies: [
                "CMariaDB",
                "TVCASConfig",
                "TVCASCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TVCASMetrics",
            dependencies: [
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TVCASWeb",
            dependencies: [
                "CFastCGI",
                "COpenSSL",
                "TVCASCore",
                "TVCASConfig",
                "TVCASDatabase",
                "TVCASMetrics",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TVCASGenerators",
            dependencies: [
                "SimulCrypt",
                "TVCASCore",
                "TVCASConfig",
                "TVCASDatabase",
                "TVCASMetrics",
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TVCASTesting",
            dependencies: [
                "TVCASCore",
                "SimulCrypt",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: The one executable
        .executableTarget(
            name: "tvcas",
            dependencies: [
                "TVCASCore",
                "TVCASConfig",
                "TVCASDatabase",
                "TVCASWeb",
                "TVCASGenerators",
                "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Tests, next to their targets
        .testTarget(name: "TVCASCoreTests", dependencies: ["TVCASCore", "TVCASTesting"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SimulCryptTests",
            dependencies: [
                "SimulCrypt", "TVCASCore", "TVCASTesting",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "TVCASConfigTests", dependencies: ["TVCASConfig", "TVCASTesting"], swiftSettings: swiftSettings),
        .testTarget(name: "TVCASDatabaseTests", dependencies: ["TVCASDatabase", "TVCASTesting"], swiftSettings: swiftSettings),
        .testTarget(name: "TVCASWebTests", dependencies: ["TVCASWeb", "TVCASTesting"], swiftSettings: swiftSettings),
        .testTarget(
            name: "TVCASGeneratorsTests",
            dependencies: [
                "TVCASGenerators", "TVCASTesting", "SimulCrypt", "TVCASCore", "TVCASConfig", "TVCASDatabase",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // High availability on a 3-node Galera cluster: skipped unless TVCAS_HA=1 (scripts/test-ha.sh).
        .testTarget(
            name: "TVCASHATests",
            dependencies: [
                "TVCASDatabase", "TVCASConfig", "TVCASCore", "TVCASGenerators", "SimulCrypt", "TVCASTesting",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "TVCASMetricsTests", dependencies: ["TVCASMetrics", "TVCASTesting"], swiftSettings: swiftSettings),
        .testTarget(name: "TVCASTestingTests", dependencies: ["TVCASTesting"], swiftSettings: swiftSettings),
        .testTarget(name: "tvcasTests", dependencies: ["tvcas", "TVCASTesting"], swiftSettings: swiftSettings),
    ]
)
