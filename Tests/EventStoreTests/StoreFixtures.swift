import ArticleParsing
import EventStore
import Foundation
import Testing

/// The two kinds of database every store test runs on, as GRDB's own tests do.
enum StoreKind: String, CaseIterable, Codable, Sendable, CustomTestStringConvertible {
    case inMemory
    case onDisk

    var testDescription: String { rawValue }
}

/// Runs `body` with a fresh store of `kind`; an on-disk store lives in a temporary folder removed afterwards.
func withStore<Result>(_ kind: StoreKind, _ body: (EventStore) throws -> Result) throws -> Result {
    try withTemporaryDirectory { directory in
        let store = try openStore(kind, in: directory)
        // Keep the store open until `body` is done, before the folder goes away.
        return try withExtendedLifetime(store) { try body(store) }
    }
}

/// A fresh store of `kind`; an on-disk one is a new database file in `directory`.
func openStore(_ kind: StoreKind, in directory: URL) throws -> EventStore {
    switch kind {
    case .inMemory: try EventStore.inMemory()
    case .onDisk: try EventStore(path: directory.appendingPathComponent("tidings.sqlite").path)
    }
}

/// Runs `body` with a new empty folder that is removed afterwards.
func withTemporaryDirectory<Result>(_ body: (URL) throws -> Result) throws -> Result {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// A new empty folder; the caller removes it.
func makeTemporaryDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("EventStoreTests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
}

/// A change payload as its JSON keys and values; a key whose value is JSON null maps to `nil`.
func payloadFields(_ change: ChangeRecord) throws -> [String: String?] {
    let payload = try #require(change.payload, "change \(change.seq) (\(change.kind)) has no payload")
    return try JSONDecoder().decode([String: String?].self, from: Data(payload.utf8))
}

extension FileStat {
    /// A plausible stat; `version` varies the size and mtime, as an edit or `touch` would.
    static func sample(inode: UInt64 = 4_242, version: Int64 = 1) -> FileStat {
        FileStat(device: 64_768, inode: inode, size: 1_000 + version, mtimeNs: 1_700_000_000_000_000_000 + version)
    }
}

extension ParsedArticle {
    static func sample(
        title: String? = "Troops cross the northern border",
        published: CalendarDay? = CalendarDay(year: 2020, month: 1, day: 3),
        publishedSource: PublishedSource? = .header,
        paragraphs: [String] = [
            "Troops crossed the northern border on Friday, officials said.",
            "The ministry condemned the move.",
        ],
        warnings: [String] = []
    ) -> ParsedArticle {
        ParsedArticle(
            title: title, published: published, publishedSource: publishedSource, paragraphs: paragraphs,
            warnings: warnings)
    }
}

extension FileUpdate {
    /// Stores `path` as a parsed article (the sample one unless given).
    static func article(
        _ path: String, hash: String = "hash-1", stat: FileStat = .sample(), _ article: ParsedArticle = .sample()
    ) -> FileUpdate {
        .store(path: path, stat: stat, hash: hash, content: .article(article, events: []))
    }

    /// Stores `path` as a file that could not be used.
    static func failure(_ path: String, hash: String = "hash-1", stat: FileStat = .sample(), _ message: String)
        -> FileUpdate
    {
        .store(path: path, stat: stat, hash: hash, content: .failure(message))
    }
}

extension Collection {
    /// The single element, or nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
