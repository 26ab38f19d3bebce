import ControlProtocol
@testable import EventStore
import Foundation
import GRDB
import Testing

/// `event.added` and `event.updated` are logged by the event's id: live subscribers get the face of the commit,
/// a replay the event as it is when replayed, or its last face when it was removed since.
struct EventChangeReplayTests {
    private struct Face: Decodable, Equatable {
        var id: Int64
        var code: String
        var summary: String
        var mentionCount: Int
        var articleCount: Int
    }

    private func face(_ change: ChangeRecord) throws -> Face {
        try JSONDecoder().decode(Face.self, from: Data(try #require(change.payload, "seq \(change.seq)").utf8))
    }

    /// The seeds' updates, by path.
    private func seedUpdates() throws -> [String: FileUpdate] {
        let files = try SeedFiles.all()
        return Dictionary(
            uniqueKeysWithValues: try files.enumerated().map { ($1.path, try SeedFiles.update($1, inode: UInt64($0 + 1))) })
    }

    @Test(arguments: StoreKind.allCases)
    func replay_ofAnEventAddedThenReportedByMoreArticles_carriesTheEventAsItIsNow(kind: StoreKind) throws {
        let seeds = try seedUpdates()
        let paths = seeds.keys.sorted()
        try withStore(kind) { store in
            let first = try store.apply([try #require(seeds[paths[0]])])
            _ = try store.apply(paths.dropFirst().map { seeds[$0]! })

            let live = try first.filter { $0.kind == "event.added" }.map(face)
            let replayed = try store.changes(after: 0, limit: 100_000).filter { $0.seq <= first.last!.seq }
                .filter { $0.kind == "event.added" }.map(face)
            let now = Dictionary(uniqueKeysWithValues: try store.events().map { ($0.id, $0) })

            #expect(replayed.map(\.id) == live.map(\.id))
            // (Those the later articles merged into others replay with their last face: see the next test.)
            let stillStored = replayed.filter { now[$0.id] != nil }
            #expect(stillStored.count > replayed.count / 2)
            for face in stillStored {
                let event = now[face.id]!
                #expect(face.mentionCount == event.mentions && face.articleCount == event.articles?.count)
                #expect(face.summary == event.summary)
            }
            // Later articles report some of the first article's events: their live faces were older.
            #expect(zip(live, replayed).contains { $0.articleCount < $1.articleCount })
        }
    }

    @Test(arguments: StoreKind.allCases)
    func replay_ofAChangeToAnEventRemovedSince_carriesItsLastFace(kind: StoreKind) throws {
        let seeds = try seedUpdates()
        let path = try #require(seeds.keys.sorted().first)
        try withStore(kind) { store in
            let added = try store.apply([try #require(seeds[path])]).filter { $0.kind == "event.added" }
            let removed = try store.apply([.remove(path: path)]).filter { $0.kind == "event.removed" }
            try #require(!added.isEmpty)
            #expect(try store.events().isEmpty)

            let log = try store.changes(after: 0, limit: 100_000)
            let replayedAdded = try log.filter { $0.kind == "event.added" }.map(face)
            let lastFaces = Dictionary(uniqueKeysWithValues: try removed.map(face).map { ($0.id, $0) })

            #expect(replayedAdded.map(\.id) == (try added.map(face)).map(\.id))
            #expect(replayedAdded.allSatisfy { lastFaces[$0.id] == $0 })
            #expect(try log.filter { $0.kind == "event.removed" }.map(face) == removed.map(face))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func apply_afterEveryEventWasRemoved_givesNewEventsIdsNeverGivenBefore(kind: StoreKind) throws {
        let seeds = try seedUpdates()
        let path = try #require(seeds.keys.sorted().first)
        try withStore(kind) { store in
            let first = try store.apply([try #require(seeds[path])]).filter { $0.kind == "event.added" }.map(face)
            _ = try store.apply([.remove(path: path)])
            let again = try store.apply([try #require(seeds[path])]).filter { $0.kind == "event.added" }.map(face)

            let largestBefore = try #require(first.map(\.id).max())
            #expect(!again.isEmpty)
            #expect(again.allSatisfy { $0.id > largestBefore })
            // So the first `event.added`s still replay with the faces their own events had last.
            let replayed = try store.changes(after: 0, limit: 100_000).filter { $0.kind == "event.added" }.map(face)
            #expect(Array(replayed.prefix(first.count)).map(\.summary) == first.map(\.summary))
        }
    }

    /// Stores from before migration v9 logged every face: those rows replay as they were written.
    @Test func replay_ofAnEventChangeLoggedBeforeV9_sendsTheFaceItWasLoggedWith() throws {
        let queue = try DatabaseQueue()
        try EventStore.migrator.migrate(queue, upTo: "v8: each statement's article count and shown copy, kept on its row")
        let payload = #"{"id":7,"code":"042","summary":"An old face.","mentionCount":1,"articleCount":1}"#
        try queue.write { db in
            try db.execute(
                sql: "INSERT INTO change (kind, path, payload, time) VALUES ('event.added', 'a.txt', ?, 0)",
                arguments: [payload])
        }

        let store = try EventStore(writer: queue, location: ":memory:", bootId: nil)

        #expect(try store.changes(after: 0, limit: 10).map(\.payload) == [payload])
    }
}
