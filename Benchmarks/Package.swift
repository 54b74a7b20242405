// swift-tools-version: 6.1
import PackageDescription

// Benchmarks of TVCAS, kept out of the main package so that its build and CI stay lean.
// From the repository root (`make bench` runs the first two):
//   swift package --package-path Benchmarks --disable-sandbox benchmark       core formats (ordo-one)
//   swift run -c release --package-path Benchmarks SimulCryptBenchmarks       SimulCrypt codec
//   swift run -c release --package-path Benchmarks LookupBenchmark --config FILE --threads 8
//   swift run -c release --package-path Benchmarks EMMGBenchmark [--cards 1000000] [--batch 10000] [--config FILE]
//   swift run -c release --package-path Benchmarks ECMGLoad --tvcas .build/release/tvcas --connections 40 --streams 25 --cp 1
let package = Package(
    name: "TVCASBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "tvcas", path: ".."),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
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
            name: "SimulCryptBenchmarks",
            dependencies: [
                .product(name: "SimulCrypt", package: "tvcas"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Sources/SimulCryptBenchmarks"
        ),
        .executableTarget(
            name: "ECMGLoad",
            dependencies: [
                .product(name: "SimulCrypt", package: "tvcas"),
                .product(name: "TVCASCore", package: "tvcas"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Sources/ECMGLoad"
        ),
        .executableTarget(
            name: "EMMGBenchmark",
            dependencies: [
                .product(name: "TVCASGenerators", package: "tvcas"),
                .product(name: "TVCASDatabase", package: "tvcas"),
                .product(name: "TVCASCore", package: "tvcas"),
                .product(name: "SimulCrypt", package: "tvcas"),
                .product(name: "TVCASTesting", package: "tvcas"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Sources/EMMGBenchmark"
        ),
        .executableTarget(
            name: "LookupBenchmark",
            dependencies: [.product(name: "TVCASDatabase", package: "tvcas")],
            path: "Sources/LookupBenchmark"
        ),
    ]
)
