// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for TVCAS, kept out of the main package so that its build stays untouched.
// Build and run with ../scripts/fuzz.sh SECONDS (it passes -sanitize=fuzzer,address).
let package = Package(
    name: "TVCASFuzz",
    dependencies: [
        .package(name: "tvcas", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "SimulCryptFuzzer",
            dependencies: [.product(name: "SimulCrypt", package: "tvcas")]
        )
    ]
)
