@testable import EventStore
import Foundation
import GRDB
import Testing

/// Migration v8 gives the statements of an existing store their article count and shown copy.
struct StatementMigrationTests {
    private struct Face: Decodable {
        var articles: Int
        var author: String
    }

    @Test func v8_onAStoreWithQuotedPosts_countsTheirArticlesAndKeepsShowingTheFirstByPath() throws {
        let queue = try DatabaseQueue()
        try EventStore.migrator.migrate(queue, upTo: "v7: no date index beside the listing index")
        try queue.write { db in
            for (id, path) in [(1, "b.txt"), (2, "a.txt"), (3, "c.txt")] {
                try db.execute(
                    sql: """
                        INSERT INTO file (id, path, device, inode, size, mtimeNs, hash, status, ingestedAt)
                        VALUES (?, ?, 1, ?, 10, 0, 'hash', 'ok', 0)
                        """,
                    arguments: [id, path, id])
            }
            try db.execute(sql: "INSERT INTO statement (id, key, author, handle, date, text) VALUES (1, 'k', 'A', NULL, NULL, 'post')")
            for (fileId, author) in [(1, "B"), (2, "A"), (3, "C")] {
                try db.execute(
                    sql: "INSERT INTO statementArticle (statementId, fileId, author, text) VALUES (1, ?, ?, 'post')",
                    arguments: [fileId, author])
            }
        }

        let store = try EventStore(writer: queue, location: ":memory:", bootId: nil)
        let changes = try store.apply([.remove(path: "a.txt")])

        let updated = try #require(changes.first { $0.kind == "statement.updated" })
        let face = try JSONDecoder().decode(Face.self, from: Data(try #require(updated.payload).utf8))
        #expect(face.articles == 2)
        // a.txt's copy was shown; b.txt comes next by path.
        #expect(face.author == "B")
    }
}
