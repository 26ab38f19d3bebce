// swift-tools-version:6.1
// Micro-benchmarks of the pure parts (ArticleParser, EventExtractor), with ordo-one/benchmark.
// A package of its own so that the main package and CI never build the benchmark dependency:
//
//     cd bench/micro && swift package --allow-writing-to-package-directory benchmark
//
// (or bench/run.sh micro).
import PackageDescription

let package = Package(
    name: "TidingsMicroBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Tidings", path: "../.."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ExtractionBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "TidingsExtraction", package: "Tidings"),
            ],
            path: "Benchmarks/ExtractionBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
