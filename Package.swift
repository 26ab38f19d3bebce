// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Tidings",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tidingsd", targets: ["tidingsd"]),
        .executable(name: "tidingsctl", targets: ["tidingsctl"]),
        // For bench/micro and fuzz/ (packages of their own, kept out of the normal build).
        .library(name: "TidingsExtraction", targets: ["ArticleParsing", "EventExtraction"]),
        .library(name: "ArticleParsing", targets: ["ArticleParsing"]),
        .library(name: "ControlProtocol", targets: ["ControlProtocol"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // libinotifytools, declared the way GRDB declares SQLite.
        .systemLibrary(
            name: "CInotifyTools",
            pkgConfig: nil,
            providers: [.apt(["libinotifytools0-dev"])]
        ),
        // epoll(7), which Swift's Glibc module leaves out: the control server's client sockets.
        .systemLibrary(name: "CEpoll"),
        // Process-wide SQLite settings that only its variadic C functions can change.
        .target(name: "CSQLiteTuning", linkerSettings: [.linkedLibrary("sqlite3")]),

        // Pure: bytes in, article out. No I/O.
        .target(name: "ArticleParsing"),
        // Pure: article in, statements, actors and CAMEO-coded events out. No I/O.
        .target(
            name: "EventExtraction",
            dependencies: ["ArticleParsing"],
            resources: [.copy("Dictionaries")]
        ),
        // The persisted event store (SQLite through GRDB) and its change log.
        .target(
            name: "EventStore",
            dependencies: [
                "ArticleParsing",
                "EventExtraction",
                "ControlProtocol",
                "CSQLiteTuning",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the few statements a bulk ingest runs most (RawStatement).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // JSON-RPC 2.0 messages, line framing and request decoding shared by the daemon and its clients.
        .target(name: "ControlProtocol"),
        // A blocking Unix-socket JSON-RPC client, for tidingsctl and the end-to-end tests.
        .target(name: "ControlClient", dependencies: ["ControlProtocol"]),
        // Recursive inotify watching through libinotifytools, driven by Dispatch.
        .target(
            name: "FolderWatching",
            dependencies: ["CInotifyTools", .product(name: "Logging", package: "swift-log")]
        ),
        // The daemon's wiring: reconcile, ingest, control server, signals.
        .target(
            name: "TidingsDaemon",
            dependencies: [
                "ArticleParsing",
                "CEpoll",
                "EventExtraction",
                "EventStore",
                "ControlProtocol",
                "FolderWatching",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(
            name: "tidingsd",
            dependencies: [
                "TidingsDaemon",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "tidingsctl",
            dependencies: [
                "ControlProtocol",
                "ControlClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "ArticleParsingTests", dependencies: ["ArticleParsing"]),
        .testTarget(name: "EventExtractionTests", dependencies: ["EventExtraction", "ArticleParsing"]),
        .testTarget(
            name: "EventStoreTests",
            dependencies: ["EventStore", "ArticleParsing", "EventExtraction", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ControlProtocolTests", dependencies: ["ControlProtocol", "ControlClient"]),
        .testTarget(name: "TidingsDaemonTests", dependencies: ["TidingsDaemon"]),
        .testTarget(
            name: "EndToEndTests",
            // GRDB only to read the daemon's database after it stopped (read-only), to compare stores.
            dependencies: ["ControlProtocol", "ControlClient", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]
        ),
    ]
)

// One set of strict settings for every target (as swift-log does).
for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
