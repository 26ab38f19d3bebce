import ControlClient
import ControlProtocol
import Foundation
import Glibc
import Testing

/// The tree's shape changing under the daemon: folders renamed into, out of and within it, deep nesting,
/// and names that are not UTF-8.
struct FolderShapeTests {
    @Test func folderRenamedWithinTheTree_movesItsArticles_andLaterFilesInItGetTheNewPath() throws {
        let tree = try TemporaryTree()
        let seeds = try Seeds.all()
        try tree.dropByRename("a/one.txt", seeds[0].bytes)
        try tree.dropByRename("a/sub/two.txt", seeds[1].bytes)
        let daemon = try DaemonProcess.started(in: tree)
        let client = try daemon.connect()
        defer { client.close() }
        _ = try client.subscribe(SubscribeParams())

        try FileManager.default.createDirectory(atPath: tree.path("x/y"), withIntermediateDirectories: true)
        try tree.move(tree.path("a"), to: tree.path("x/y/b"))
        let moved = try client.nextFileChanges(4, daemon: daemon)
        // The watches moved with the folder: a file written into it now has the new path.
        try tree.dropByRename("x/y/b/sub/three.txt", seeds[2].bytes)
        let third = try client.nextFileChange(daemon: daemon)
        // Out of the tree and straight back in under another name.
        try tree.move(tree.path("x/y/b"), to: tree.outside + "/b")
        try tree.move(tree.outside + "/b", to: tree.path("c"))
        try tree.dropByRename("c/sub/four.txt", seeds[3].bytes)
        try tree.dropByRename("zz-last.txt", seeds[4].bytes)
        #expect(
            try eventually { try daemon.articles().map(\.path).contains("zz-last.txt") },
            "zz-last.txt was never ingested\(daemon.diagnostics)")
        _ = try daemon.settledSeq()

        #expect(
            Set(moved.map { "\($0.kind) \($0.path ?? "-")" }) == [
                "article.removed a/one.txt", "article.removed a/sub/two.txt",
                "article.added x/y/b/one.txt", "article.added x/y/b/sub/two.txt",
            ], "\(moved.map(\.brief))\(daemon.diagnostics)")
        #expect(third.kind == ChangeKind.articleAdded && third.path == "x/y/b/sub/three.txt", "\(third.brief)")
        #expect(
            try daemon.articles().map(\.path).sorted() == [
                "c/one.txt", "c/sub/four.txt", "c/sub/three.txt", "c/sub/two.txt", "zz-last.txt",
            ], "\(daemon.diagnostics)")
    }

    @Test func fortyLevelsOfFolders_beforeStartAndCreatedWhileRunning_areAllIngested() throws {
        let tree = try TemporaryTree()
        let seed = try Seeds.all()[0]
        let levels = (1...40).map { "level\($0)" }
        func folder(_ depth: Int, under top: String) -> String {
            ([top] + levels.prefix(depth)).joined(separator: "/")
        }
        for depth in 0..<40 {
            try tree.write(folder(depth, under: "old") + "/at-\(depth).txt", seed.bytes)
        }
        let daemon = try DaemonProcess.started(in: tree)
        #expect(try daemon.status().files == 40, "\(daemon.diagnostics)")

        // Made in one go while running: each folder is watched as it appears, and scanned for what landed
        // in it before its watch existed.
        try FileManager.default.createDirectory(
            atPath: tree.path(folder(40, under: "new")), withIntermediateDirectories: true)
        for depth in 0...40 {
            try tree.write(folder(depth, under: "new") + "/at-\(depth).txt", seed.bytes)
        }
        let all = try daemon.waitForStatus("81 files") { $0.files == 81 && $0.backlog == 0 }
        // The deepest folder is watched: a file written there later is seen.
        try tree.dropByRename(folder(40, under: "new") + "/later.txt", seed.bytes)
        try daemon.waitForStatus("82 files") { $0.files == 82 }

        #expect(all.errors == 0)
        let paths = Set(try daemon.articles().map(\.path))
        #expect(paths.contains(folder(40, under: "new") + "/later.txt"))
        #expect(paths.contains(folder(39, under: "old") + "/at-39.txt"))
        #expect(try daemon.status().state == .watching)
    }

    @Test func namesThatAreNotUTF8_areIngestedWithEscapedPaths_andTheirDeletionIsSeen() throws {
        let tree = try TemporaryTree()
        let seeds = try Seeds.all()
        // Latin-1 "café.txt", two bytes that are never UTF-8, and a folder with such a name.
        let latin1: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".txt".utf8)
        let never: [UInt8] = [0xFF, 0xFE] + Array(".txt".utf8)
        let folder: [UInt8] = [0x64, 0xFF]
        try tree.write(relativeBytes: latin1, seeds[0].bytes)
        try tree.makeFolder(relativeBytes: folder)
        try tree.write(relativeBytes: folder + Array("/inner.txt".utf8), seeds[1].bytes)
        let daemon = try DaemonProcess.started(in: tree)
        let client = try daemon.connect()
        defer { client.close() }
        _ = try client.subscribe(SubscribeParams())

        try tree.write(relativeBytes: never, seeds[2].bytes)
        // Valid UTF-8 that happens to be in the escape range: escaped too, so no two names share a path.
        try tree.write(relativeBytes: Array("\u{EF80}.txt".utf8), seeds[3].bytes)
        try tree.write(relativeBytes: folder + Array("/live.txt".utf8), seeds[4].bytes)
        let added = try client.nextFileChanges(3, daemon: daemon)

        // Each byte that is not UTF-8 is the character U+EF00 + byte (see FileSystemName).
        let expected = [
            "caf\u{EFE9}.txt", "d\u{EFFF}/inner.txt", "\u{EFFF}\u{EFFE}.txt", "\u{EFEE}\u{EFBE}\u{EF80}.txt",
            "d\u{EFFF}/live.txt",
        ]
        #expect(Set(added.compactMap(\.path)) == Set(expected.suffix(3)), "\(added.map(\.brief))\(daemon.diagnostics)")
        #expect(added.allSatisfy { $0.kind == ChangeKind.articleAdded }, "\(added.map(\.brief))")
        let rows = try daemon.articles()
        #expect(Set(rows.map(\.path)) == Set(expected), "\(rows.map(\.path))")
        #expect(rows.allSatisfy { $0.status == .ok && $0.events > 0 }, "\(rows)")
        let detail = try client.call(.articleGet, params: PathParams(path: "caf\u{EFE9}.txt"), as: ArticleDetail.self)
        #expect(detail.article.hash == rows.first { $0.path == "caf\u{EFE9}.txt" }?.hash)
        #expect(!detail.paragraphs.isEmpty)

        // The escaped paths lead back to the real files: their deletion is seen.
        try tree.remove(relativeBytes: latin1)
        try tree.remove(relativeBytes: folder + Array("/live.txt".utf8))
        let removed = try client.nextFileChanges(2, daemon: daemon)
        #expect(
            Set(removed.map { "\($0.kind) \($0.path ?? "-")" })
                == ["article.removed caf\u{EFE9}.txt", "article.removed d\u{EFFF}/live.txt"],
            "\(removed.map(\.brief))")
        // And a restart's reconcile finds the same paths: nothing removed, nothing added.
        let seq = try daemon.settledSeq()
        _ = try daemon.stop()
        let again = try DaemonProcess.started(in: tree)
        #expect(try again.settledSeq() == seq, "\(again.diagnostics)")
        #expect(Set(try again.articles().map(\.path)) == Set(expected.dropFirst().dropLast()))
    }
}
