import Foundation

/// The built executables under test, found next to the test bundle (`.build/debug/` or the scratch path's).
enum Binaries {
    /// The build folder: `TIDINGS_BIN_DIR` when set, else the folder holding this test target's resources.
    static var folder: URL {
        if let override = ProcessInfo.processInfo.environment["TIDINGS_BIN_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        return Bundle.module.bundleURL.deletingLastPathComponent()
    }

    static func tidingsd() throws -> URL { try executable("tidingsd") }
    static func tidingsctl() throws -> URL { try executable("tidingsctl") }

    private static func executable(_ name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw HarnessError(
                "\(name) is not built: no executable at \(url.path). Run 'swift build' (or 'swift test', which "
                    + "builds every product) with the same --scratch-path, or set TIDINGS_BIN_DIR to its folder")
        }
        return url
    }
}

/// The five real articles users drop in (copied from the shared corpus into `Fixtures/seeds`).
enum Seeds {
    struct Article {
        var name: String
        var bytes: [UInt8]
    }

    /// The seeds in name order.
    static func all() throws -> [Article] {
        guard let folder = Bundle.module.url(forResource: "seeds", withExtension: nil, subdirectory: "Fixtures") else {
            throw HarnessError("no Fixtures/seeds in the test bundle at \(Bundle.module.bundleURL.path)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".txt") }
            .sorted()
        guard names.count == 5 else {
            throw HarnessError("expected 5 seed articles in \(folder.path), found \(names.count): \(names)")
        }
        return try names.map { name in
            Article(name: name, bytes: Array(try Data(contentsOf: folder.appendingPathComponent(name))))
        }
    }

    /// Drops every seed into `tree` by rename, each under `folder` (the root when empty).
    @discardableResult
    static func drop(into tree: TemporaryTree, folder: String = "") throws -> [String] {
        try all().map { seed in
            let relative = folder.isEmpty ? seed.name : folder + "/" + seed.name
            try tree.dropByRename(relative, seed.bytes)
            return relative
        }
    }
}
