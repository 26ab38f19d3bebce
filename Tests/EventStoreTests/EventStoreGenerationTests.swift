import EventStore
import Foundation
import Testing

/// A store's generation and what survives closing and reopening the database file.
struct EventStoreGenerationTests {
    @Test func generation_whenOnDiskStoreIsReopened_staysTheSameWithTheSameRows() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("tidings.sqlite").path
            let (generation, files, log, articles) = try {
                let store = try EventStore(path: path)
                _ = try store.apply([.article("a.txt"), .failure("b.txt", "empty file"), .article("c.txt")])
                _ = try store.apply([.remove(path: "c.txt")])
                return (store.generation, try store.allFiles(), try store.changes(after: 0, limit: 100),
                        try store.articles())
            }()  // The store is dropped here, which closes the database.

            let reopened = try EventStore(path: path)

            #expect(reopened.generation == generation)
            #expect(reopened.location == path)
            #expect(try reopened.allFiles() == files)
            #expect(try reopened.changes(after: 0, limit: 100) == log)
            #expect(try reopened.articles() == articles)
            #expect(try reopened.headSeq() == 4)
        }
    }

    @Test func apply_afterReopen_continuesTheSeqsWhereTheyStopped() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("tidings.sqlite").path
            try {
                let store = try EventStore(path: path)
                _ = try store.apply([.article("a.txt"), .article("b.txt")])
                _ = try store.apply([.remove(path: "b.txt")])
            }()

            let reopened = try EventStore(path: path)
            let changes = try reopened.apply([.article("b.txt")])

            #expect(changes.map(\.seq) == [4])
            #expect(changes.map(\.kind) == ["article.added"])
        }
    }

    @Test func generation_whenDatabaseFileIsNew_differs() throws {
        try withTemporaryDirectory { directory in
            let first = try EventStore(path: directory.appendingPathComponent("first.sqlite").path)
            let second = try EventStore(path: directory.appendingPathComponent("second.sqlite").path)

            #expect(!first.generation.isEmpty)
            #expect(first.generation != second.generation)
        }
    }

    @Test func generation_whenDatabaseFileIsDeletedAndRecreated_differs() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("tidings.sqlite").path
            let old = try { try EventStore(path: path).generation }()
            for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
                try FileManager.default.removeItem(at: directory.appendingPathComponent(file))
            }

            let rebuilt = try EventStore(path: path)

            #expect(rebuilt.generation != old)
            #expect(try rebuilt.headSeq() == 0)
        }
    }

    @Test func generation_whenInMemoryStoresAreCreated_differs() throws {
        let first = try EventStore.inMemory()
        let second = try EventStore.inMemory()

        #expect(first.generation != second.generation)
        #expect(first.location == ":memory:")
    }

    @Test func init_whenFolderDoesNotExist_throwsCannotOpenNamingThePath() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("missing/folder/tidings.sqlite").path

            let error = #expect(throws: EventStoreError.self) { try EventStore(path: path) }

            #expect(error?.code == .cannotOpen)
            #expect(error?.message.contains(path) == true)
        }
    }
}

/// After a power loss the last transactions may be gone and their seqs handed out again: a restart of the
/// machine without a clean stop starts a new generation, so clients resync; anything else keeps it.
struct EventStoreUncleanStopTests {
    @Test(arguments: [
        (sameBoot: true, cleanStop: false, rotates: false),  // the process crashed: nothing committed is lost
        (sameBoot: true, cleanStop: true, rotates: false),
        (sameBoot: false, cleanStop: true, rotates: false),  // a reboot after a clean stop
        (sameBoot: false, cleanStop: false, rotates: true),  // a reboot without one: maybe a power loss
    ])
    func reopen_startsANewGenerationOnlyAfterARebootWithoutACleanStop(sameBoot: Bool, cleanStop: Bool, rotates: Bool)
        throws
    {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("tidings.sqlite").path
            let before = try {
                let store = try EventStore(path: path, bootId: "boot-1")
                _ = try store.apply([.article("a.txt")])
                if cleanStop { try store.markCleanStop() }
                return store.generation
            }()

            let reopened = try EventStore(path: path, bootId: sameBoot ? "boot-1" : "boot-2")

            #expect((reopened.generation != before) == rotates)
            #expect(reopened.rotatedAfterUncleanStop == rotates)
            // The rows stay: the reconcile re-derives what was lost, and clients resync from 0.
            #expect(try reopened.headSeq() == 1)
            #expect(try reopened.allFiles().keys.sorted() == ["a.txt"])
        }
    }

    @Test func reopen_afterARotation_keepsTheNewGenerationOnTheNextCleanCycle() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("tidings.sqlite").path
            _ = try { try EventStore(path: path, bootId: "boot-1") }()
            let rotated = try { try EventStore(path: path, bootId: "boot-2") }()
            let rotatedGeneration = rotated.generation
            try rotated.markCleanStop()

            let reopened = try EventStore(path: path, bootId: "boot-3")

            #expect(rotated.rotatedAfterUncleanStop)
            #expect(reopened.generation == rotatedGeneration)
            #expect(!reopened.rotatedAfterUncleanStop)
        }
    }
}
