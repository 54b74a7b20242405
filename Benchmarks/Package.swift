// swift-tools-version: 6.1
import PackageDescription

/// Benchmarks of TVCAS, kept out of the main build. Build and run from this folder:
/// `swift run -c release LookupBenchmark --config FILE`.
let package = Package(
    name: "tvcas-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "tvcas", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "LookupBenchmark",
            dependencies: [.product(name: "TVCASDatabase", package: "tvcas")]
        )
    ]
)
