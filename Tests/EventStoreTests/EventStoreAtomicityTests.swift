import EventStore
import Testing

/// A batch is one transaction: when an update fails, nothing of the batch stays.
struct EventStoreAtomicityTests {
    /// Provokes a real SQLite failure in the middle of a batch without touching permissions (tests run as
    /// root, which bypasses them): SQLite binds a NaN as NULL, so the first change row logged with
    /// `now: .nan` violates `change.time NOT NULL`. The batch's first update (a restat) has already run
    /// inside the transaction when the second one fails.
    @Test(arguments: StoreKind.allCases)
    func apply_whenAnUpdateFailsMidBatch_keepsNothingOfTheBatch(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply([.article("a.txt", stat: .sample(version: 1)), .article("b.txt")])
            let filesBefore = try store.allFiles()
            let articlesBefore = try store.articles()

            let error = #expect(throws: EventStoreError.self) {
                try store.apply(
                    [
                        .restat(path: "a.txt", stat: .sample(version: 2)),
                        .remove(path: "b.txt"),
                        .article("c.txt"),
                    ], now: .nan)
            }

            #expect(error?.code == .cannotWrite)
            // The premise: the batch failed where intended, not somewhere before it started.
            #expect(error?.message.contains("NOT NULL constraint failed: change.time") == true)
            #expect(try store.allFiles() == filesBefore)
            #expect(try store.articles() == articlesBefore)
            #expect(try store.headSeq() == 2)

            // The store stays usable, and the failed batch consumed no seq.
            let next = try store.apply([.remove(path: "b.txt")])
            #expect(next.map(\.seq) == [3])
        }
    }
}
