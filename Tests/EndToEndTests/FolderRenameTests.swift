import ControlProtocol
import Foundation
import Testing

/// Folders renamed with folders inside them: files written into any of them afterwards get the new path.
/// Both cases were found by bench/soak.py, where the store then drifted from the folder.
struct FolderRenameTests {
    /// libinotifytools' rename of the watches below a folder can skip some of them (it edits its tree of
    /// names while walking it); files in those subfolders were reported under the old path, and lost.
    @Test func folderWithManySubfolders_renamed_filesInEverySubfolderGetTheNewPath() throws {
        let tree = try TemporaryTree()
        let leaves = (0..<8).flatMap { i in (0..<4).map { j in "s\(i)/t\(j)" } }
        for leaf in leaves {
            try FileManager.default.createDirectory(atPath: tree.path("a/" + leaf), withIntermediateDirectories: true)
        }
        let daemon = try DaemonProcess.started(in: tree)

        try tree.move(tree.path("a"), to: tree.path("z"))
        try expectIngested(leaves.map { "z/\($0)/new.txt" }, in: tree, by: daemon)
    }

    /// `mkdir p/q && mv p r` before the daemon reads the events: q's IN_CREATE names p/q, gone by then, so q
    /// could not be watched; the move must watch it under r.
    @Test func folderMadeInAFolderJustBeforeItIsRenamed_isWatchedUnderTheNewName() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)

        let rounds = 0..<20
        for round in rounds {
            try FileManager.default.createDirectory(atPath: tree.path("p\(round)/q"), withIntermediateDirectories: true)
            try tree.move(tree.path("p\(round)"), to: tree.path("r\(round)"))
        }
        try expectIngested(rounds.map { "r\($0)/q/new.txt" }, in: tree, by: daemon)
    }

    /// `mv a z && mv z/s0 z/u0 && …` before the daemon reads the events: when it handles the first move, the
    /// subfolders already have their newer names on disk, so a watch that libinotifytools' rename skipped could
    /// not be found by those names, and kept its oldest one.
    @Test func subfoldersRenamedRightAfterTheirParent_filesInThemGetTheNewestPath() throws {
        let tree = try TemporaryTree()
        let middles = (0..<8).map { "s\($0)" }
        for middle in middles {
            for leaf in 0..<4 {
                try FileManager.default.createDirectory(
                    atPath: tree.path("a/\(middle)/t\(leaf)"), withIntermediateDirectories: true)
            }
        }
        let daemon = try DaemonProcess.started(in: tree)

        try tree.move(tree.path("a"), to: tree.path("z"))
        for middle in middles { try tree.move(tree.path("z/\(middle)"), to: tree.path("z/u\(middle)")) }
        try expectIngested(
            middles.flatMap { middle in ["z/u\(middle)/new.txt"] + (0..<4).map { "z/u\(middle)/t\($0)/new.txt" } },
            in: tree, by: daemon)
    }

    /// Drops an article at each of `paths`, then a last one; once that one is in and the daemon settled, its
    /// articles must be exactly these.
    private func expectIngested(_ paths: [String], in tree: TemporaryTree, by daemon: DaemonProcess) throws {
        let seed = try Seeds.all()[1]
        for path in paths { try tree.dropByRename(path, seed.bytes) }
        try tree.dropByRename("zz-last.txt", seed.bytes)
        #expect(
            try eventually { try daemon.articles().map(\.path).contains("zz-last.txt") },
            "zz-last.txt was never ingested\(daemon.diagnostics)")
        _ = try daemon.settledSeq()
        let expected = Set(paths + ["zz-last.txt"])
        let found = Set(try daemon.articles(ArticlesListParams(limit: 1000)).map(\.path))
        #expect(found == expected, "missing: \(expected.subtracting(found).sorted())\(daemon.diagnostics)")
    }
}
