import GRDB
import Testing

@testable import EventStore

/// The mentions an event's face is taken from, as its row keeps them (`faceMentionIds`).
struct StoredPicksTests {
    private func mention(_ id: Int64, path: String, source: String?) -> MentionRow {
        MentionRow(
            id: id, path: path, sentenceIndex: Int(id), sentence: "Sentence \(id).", confidence: 0.5 + Double(id) / 10,
            summaryQuality: 0.25, code: "190", sourceName: source, sourceCode: source, targetName: nil, targetCode: nil,
            location: nil, locationCountry: nil, day: 18_000, datePrecision: "day", dateProvenance: "explicit")
    }

    @Test func text_readsBackAsTheSamePicks_evenWithATabInAPath() throws {
        let picks = StoredPicks(FaceMentions([
            mention(1, path: "a\tb.txt", source: nil), mention(2, path: "c.txt", source: "IRQ"),
        ]))
        let text = try #require(picks.text)
        #expect(StoredPicks(text: text) == picks)
        // The second represents the event better; the first summarizes it as well and comes first by path.
        #expect(picks.picks.map(\.parts) == [.summary, [.best, .dated, .withSource]])
    }

    @Test func aPathWithANewline_isNotStored_andIdsAloneAreNoPicks() {
        #expect(StoredPicks(FaceMentions([mention(1, path: "a\nb.txt", source: nil)])).text == nil)
        // What rows written before this format hold: their mentions are read in full once.
        #expect(StoredPicks(text: "12 15") == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func eventsStoredWithIdsAlone_areReadInFullOnce_thenKeptUpToDate(kind: StoreKind) throws {
        let corpus = try ConvergenceCorpus.shared()
        try withStore(kind) { store in
            for seed in 0..<corpus.seedCount {
                _ = try store.apply([corpus.update(corpus.paths(ofSeed: seed)[0], seed, inode: UInt64(seed + 1))])
            }
            // As a store written before the picks were kept: ids alone.
            try store.writer.write { db in try db.execute(sql: "UPDATE event SET faceMentionIds = '1 2'") }
            for seed in 0..<corpus.seedCount {
                _ = try store.apply([corpus.update(corpus.paths(ofSeed: seed)[1], seed, inode: UInt64(seed + 100))])
            }
            #expect(try store.facesDifferingFromTheirMentions() == [])
        }
    }
}
