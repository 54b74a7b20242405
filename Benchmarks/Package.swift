// swift-tools-version: 6.1
import PackageDescription

// Benchmarks for TVCAS, kept out of the main package so that its build stays lean.
// Run one with: swift run -c release --package-path Benchmarks SimulCryptBenchmarks
let package = Package(
    name: "TVCASBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "tvcas", path: ".."),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .executableTarget(
            name: "SimulCryptBenchmarks",
            dependencies: [
                .product(name: "SimulCrypt", package: "tvcas"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        )
    ]
)
