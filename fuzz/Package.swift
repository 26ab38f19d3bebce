// swift-tools-version:6.1
// libFuzzer targets for Tidings, in a package of their own so that `swift build` and `swift test` at the
// top never build them. Build and run them with fuzz/run.sh (it passes -sanitize=fuzzer,address).
import PackageDescription

let package = Package(
    name: "TidingsFuzz",
    dependencies: [.package(name: "Tidings", path: "..")],
    targets: [
        // The libFuzzer driver's entry point (the runtime comes with -sanitize=fuzzer).
        .systemLibrary(name: "CLibFuzzer"),
        // Starts libFuzzer from the executable's own main (see CLibFuzzer/shim.h for why).
        .target(name: "FuzzDriver", dependencies: ["CLibFuzzer"]),
        // Bytes → ArticleParser, as .txt, .html and .json.
        .executableTarget(
            name: "FuzzArticleParser",
            dependencies: ["FuzzDriver", .product(name: "ArticleParsing", package: "Tidings")]
        ),
        // Bytes → LineBuffer → IncomingRequest → params, as the daemon reads a client.
        .executableTarget(
            name: "FuzzControlProtocol",
            dependencies: ["FuzzDriver", .product(name: "ControlProtocol", package: "Tidings")]
        ),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
