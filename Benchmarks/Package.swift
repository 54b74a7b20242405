// swift-tools-version: 6.1
import PackageDescription

// Benchmarks of TVCAS, kept out of the main package so that its build and CI stay lean.
// From this folder:
//   swift package --disable-sandbox benchmark                        ordo-one benchmarks (core formats)
//   swift run -c release LookupBenchmark --config FILE --threads 8   lookups by serial through the pool
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
        ),
        .executableTarget(
            name: "LookupBenchmark",
            dependencies: [.product(name: "TVCASDatabase", package: "tvcas")],
            path: "Sources/LookupBenchmark"
        ),
    ]
)
