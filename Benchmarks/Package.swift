// swift-tools-version: 6.1
import PackageDescription

// Benchmarks of the TVCAS core, kept out of the main package so that its build and CI stay lean.
// Run from this folder: `swift package benchmark` (release build, prints throughput per benchmark).
let package = Package(
    name: "TVCASBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "tvcas", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "CoreBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "TVCASCore", package: "tvcas"),
            ],
            path: "Benchmarks/CoreBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
