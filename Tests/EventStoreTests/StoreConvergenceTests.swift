import ArticleParsing
import ControlProtocol
import EventExtraction
import EventStore
import Foundation
import Testing

/// The store's key invariant: after any sequence of edits it holds what a store built from scratch from the same
/// folder holds (ids, sequence numbers and ingest times aside).
struct StoreConvergenceTests {
    /// Seeds of the pseudo-random edit sequences; each is one reproducible sequence.
    static let sequenceSeeds: [UInt64] = Array(1...16)

    @Test func variants_reportTheSeedsDifferently() throws {
        let corpus = try ConvergenceCorpus.shared()
        for variant in corpus.variants where variant.edited {
            let original = try #require(corpus.variants.first { $0.seed == variant.seed && !$0.edited && !$0.failed })
            guard case .article(_, let events) = variant.content,
                case .article(_, let originalEvents) = original.content
            else {
                Issue.record("\(variant.name) did not parse")
                continue
            }
            #expect(events != originalEvents, "\(variant.name) extracts like its seed")
            #expect(variant.content != original.content, "\(variant.name) parses like its seed")
        }
    }

    @Test(arguments: StoreKind.allCases, sequenceSeeds)
    func randomEdits_convergeToTheStoreBuiltFromTheFinalFolder(kind: StoreKind, seed: UInt64) throws {
        let corpus = try ConvergenceCorpus.shared()
        var generator = SplitMix64(seed: seed)
        let script = EditScript.random(corpus, length: 30, using: &generator)

        let failure = try script.divergence(corpus, kind)

        if let failure {
            let minimal = try script.shrunk(corpus, kind)
            Issue.record(
                """
                sequence \(seed) diverges from the store built from its final folder
                minimal sequence:
                \(minimal.description(corpus))
                difference (- after the edits, + built from scratch):
                \(try minimal.divergence(corpus, kind) ?? failure)
                """)
        }
    }

    @Test(arguments: StoreKind.allCases, sequenceSeeds)
    func finalFolder_inAnyOrderAndBatching_givesTheSameStore(kind: StoreKind, seed: UInt64) throws {
        let corpus = try ConvergenceCorpus.shared()
        var generator = SplitMix64(seed: seed &+ 1_000)
        // Every seed, some of them as a variant, some under their moved path.
        var files: [(path: String, variant: Int)] = []
        for seed in 0..<corpus.seedCount {
            let choices = corpus.variants.indices.filter { corpus.variants[$0].seed == seed }
            let path = corpus.paths(ofSeed: seed)[generator.below(2)]
            files.append((path, choices[generator.below(choices.count)]))
        }
        let shuffled = generator.shuffled(files)
        var batches: [[FileUpdate]] = []
        var rest = shuffled[...]
        while !rest.isEmpty {
            let size = 1 + generator.below(rest.count)
            batches.append(
                rest.prefix(size).enumerated().map { corpus.update($1.path, $1.variant, inode: UInt64($0 + 1)) })
            rest = rest.dropFirst(size)
        }
        let sorted = files.sorted { $0.path < $1.path }
        let reference = [sorted.enumerated().map { corpus.update($1.path, $1.variant, inode: UInt64($0 + 1)) }]

        let built = try StoreDump.build(kind, batches: batches)
        let expected = try StoreDump.build(kind, batches: reference)

        // Stats differ with the batching (inodes are handed out per batch), everything derived from content must not.
        #expect(
            built.withoutFiles == expected.withoutFiles,
            """
            order \(shuffled.map(\.path)) in batches of \(batches.map(\.count)):
            \(built.withoutFiles.difference(expected.withoutFiles))
            """)
    }

    @Test(arguments: StoreKind.allCases, sequenceSeeds)
    func changeFeed_followedByAClient_mirrorsTheEventsAndStatementsAfterEveryBatch(kind: StoreKind, seed: UInt64) throws {
        let corpus = try ConvergenceCorpus.shared()
        var generator = SplitMix64(seed: seed &+ 2_000)
        let script = EditScript.random(corpus, length: 30, using: &generator)
        try withStore(kind) { store in
            var mirror = ChangeMirror()
            for (index, batch) in script.updates(corpus).enumerated() {
                for change in try store.apply(batch, now: 1_700_000_000) { mirror.apply(change) }
                try mirror.expectToMirror(
                    store, "after batch \(index + 1) of sequence \(seed):\n\(script.description(corpus))")
            }
        }
    }

    /// A client that followed the live feed for a while, then stopped and came back later: replaying the log
    /// from its cursor, which sends each event as it is at the replay (or its last face if removed since), brings
    /// it to the store's state.
    @Test(arguments: StoreKind.allCases, sequenceSeeds)
    func changeFeed_resumedFromTheCursorOfAnyBatch_mirrorsTheStore(kind: StoreKind, seed: UInt64) throws {
        let corpus = try ConvergenceCorpus.shared()
        var generator = SplitMix64(seed: seed &+ 3_000)
        let script = EditScript.random(corpus, length: 30, using: &generator)
        let batches = script.updates(corpus)
        for stop in [0, batches.count / 2] {
            try withStore(kind) { store in
                var mirror = ChangeMirror()
                var cursor: Int64 = 0
                for (index, batch) in batches.enumerated() {
                    let changes = try store.apply(batch, now: 1_700_000_000)
                    guard index < stop else { continue }
                    for change in changes { mirror.apply(change) }
                    cursor = changes.last?.seq ?? cursor
                }
                for change in try store.changes(after: cursor, limit: 1_000_000) { mirror.apply(change) }
                try mirror.expectToMirror(
                    store, "resumed after batch \(stop) of sequence \(seed):\n\(script.description(corpus))")
            }
        }
    }

    /// A bulk ingest hands several examined batches to one transaction (`apply`'s `more`): the store and the feed
    /// must be what committing them one by one gives, the same file edited in two of them included.
    @Test(arguments: StoreKind.allCases, sequenceSeeds)
    func batchesJoinedInOneTransaction_giveTheStoreOfOneCommitEach(kind: StoreKind, seed: UInt64) throws {
        let corpus = try ConvergenceCorpus.shared()
        var generator = SplitMix64(seed: seed &+ 4_000)
        let script = EditScript.random(corpus, length: 30, using: &generator)
        let batches = script.updates(corpus)
        let oneByOne = try StoreDump.build(kind, batches: batches)
        try withStore(kind) { store in
            var mirror = ChangeMirror()
            var rest = batches[...]
            while let first = rest.popFirst() {
                var joined = generator.below(4)
                let changes = try store.apply(first, now: 1_700_000_000) {
                    guard joined > 0, let next = rest.popFirst() else { return nil }
                    joined -= 1
                    return next
                }
                for change in changes { mirror.apply(change) }
            }
            let context = "sequence \(seed) in joined transactions:\n\(script.description(corpus))"
            try mirror.expectToMirror(store, context)
            let joinedDump = try StoreDump(store)
            let stale = try store.facesDifferingFromTheirMentions()
            #expect(
                StoreDump(lines: (joinedDump.lines + stale).sorted()) == oneByOne,
                "\(context)\n\(joinedDump.difference(oneByOne))")
        }
    }

    @Test(arguments: StoreKind.allCases)
    func dump_seesWhatAnEditChanges(kind: StoreKind) throws {
        // The comparison is only as strong as the dump: an edit that moves one mention must show.
        let corpus = try ConvergenceCorpus.shared()
        let seed004 = try #require(corpus.variants.firstIndex { $0.seed == 4 && !$0.edited && !$0.failed })
        let moved004 = try #require(corpus.variants.firstIndex { $0.seed == 4 && $0.edited })
        let path = corpus.paths(ofSeed: 4)[0]

        let before = try StoreDump.build(kind, batches: [[corpus.update(path, seed004, inode: 1)]])
        let after = try StoreDump.build(kind, batches: [[corpus.update(path, moved004, inode: 1)]])

        #expect(before != after)
        #expect(before.lines.contains { $0.hasPrefix("mention|\(path)|") })
    }
}

// MARK: - The corpus: seeds and variants

/// The seeds and edited variants of them, parsed and extracted once.
struct ConvergenceCorpus: Sendable {
    struct Variant: Sendable {
        var name: String
        var seed: Int
        var edited: Bool
        var failed: Bool
        var hash: String
        var content: ArticleContent
    }

    var seedNames: [String]
    var variants: [Variant]
    var seedCount: Int { seedNames.count }

    /// Each seed's two paths: its own name and a moved one (a rename is a remove plus a store there).
    func paths(ofSeed seed: Int) -> [String] { [seedNames[seed], "moved/" + seedNames[seed]] }

    func update(_ path: String, _ variant: Int, inode: UInt64, version: Int64 = 0) -> FileUpdate {
        let v = variants[variant]
        let stat = FileStat(
            device: 2_049, inode: inode, size: 1_000 + Int64(variant), mtimeNs: 1_000 * Int64(variant) + version)
        return .store(path: path, stat: stat, hash: v.hash, content: v.content)
    }

    /// Edits of the seeds that change what they report: a date moved, an attack made a gathering, a day-dated
    /// attack made a roughly dated one, a month instead of a day, a quoted post dropped.
    static let edits: [(seed: Int, name: String, from: String, to: String)] = [
        (0, "000 rough", "on December 31 attacked", "late last month attacked"),
        (1, "001 month", "On 31 December, a number of Iraqi protesters", "In December, a number of Iraqi protesters"),
        (2, "002 earlier", "Earlier today, thousands", "On December 30, thousands"),
        (2, "002 no post", "Iran killed an American contractor, wounding many.", "Nothing happened, they say."),
        (3, "003 calm", "attacked the diplomatic compound and breached its outer wall", "gathered outside it"),
        (4, "004 moved", "was then attacked on Dec. 31 by", "was then attacked on Dec. 30 by"),
    ]

    private static let cache: Result<ConvergenceCorpus, SeedFilesError> = {
        do {
            return .success(try ConvergenceCorpus())
        } catch {
            return .failure(SeedFilesError(message: "\(error)"))
        }
    }()

    static func shared() throws -> ConvergenceCorpus { try cache.get() }

    private init() throws {
        let seeds = try SeedFiles.all()
        seedNames = seeds.map(\.path)
        variants = []
        for (index, file) in seeds.enumerated() {
            variants.append(try Self.variant(file.path, seed: index, edited: false, file))
            variants.append(
                Variant(
                    name: "\(file.path) empty", seed: index, edited: false, failed: true, hash: "empty-\(index)",
                    content: .failure("\(file.path): the file is empty; write an article into it")))
        }
        for edit in Self.edits {
            let file = seeds[edit.seed]
            let text = String(decoding: file.bytes, as: UTF8.self)
            guard text.contains(edit.from) else {
                throw SeedFilesError(message: "variant \(edit.name): \"\(edit.from)\" is not in \(file.path)")
            }
            let bytes = Array(text.replacingOccurrences(of: edit.from, with: edit.to).utf8)
            let edited = SeedFiles.File(path: file.path, bytes: bytes)
            variants.append(try Self.variant(edit.name, seed: edit.seed, edited: true, edited))
        }
    }

    private static func variant(_ name: String, seed: Int, edited: Bool, _ file: SeedFiles.File) throws -> Variant {
        Variant(
            name: name, seed: seed, edited: edited, failed: false, hash: String(SeedFiles.fnv1a(file.bytes), radix: 16),
            content: try SeedFiles.content(file))
    }
}

// MARK: - Edit scripts

/// A sequence of batches of file updates, with the folder it leaves behind.
struct EditScript {
    enum Edit {
        case store(path: String, variant: Int, version: Int64)
        case remove(path: String)
        case restat(path: String, version: Int64)
    }

    var batches: [[Edit]]

    /// A random script: stores of seeds, variants and failures, removes (also of absent paths), renames (the
    /// remove and the store in one batch or in two), restats and unchanged re-stores, in batches of 1–4.
    static func random(_ corpus: ConvergenceCorpus, length: Int, using generator: inout SplitMix64) -> EditScript {
        var folder: [String: Int] = [:]  // path → variant
        var edits: [Edit] = []
        var version: Int64 = 0
        while edits.count < length {
            version += 1
            let seed = generator.below(corpus.seedCount)
            let paths = corpus.paths(ofSeed: seed)
            let present = paths.filter { folder[$0] != nil }
            let roll = generator.below(100)
            if roll < 40 || present.isEmpty {
                let choices = corpus.variants.indices.filter { corpus.variants[$0].seed == seed }
                let path = paths[generator.below(paths.count)]
                let variant = choices[generator.below(choices.count)]
                edits.append(.store(path: path, variant: variant, version: version))
                folder[path] = variant
            } else if roll < 55, let from = present.first {
                let to = paths.first { $0 != from }!
                let variant = folder[from]!
                edits.append(.remove(path: from))
                edits.append(.store(path: to, variant: variant, version: version))
                folder[from] = nil
                folder[to] = variant
            } else if roll < 75 {
                let path = present[generator.below(present.count)]
                edits.append(.remove(path: path))
                folder[path] = nil
            } else if roll < 80 {
                edits.append(.remove(path: "absent/" + paths[0]))
            } else if roll < 90 {
                edits.append(.restat(path: present[generator.below(present.count)], version: version))
            } else {
                let path = present[generator.below(present.count)]
                edits.append(.store(path: path, variant: folder[path]!, version: version))
            }
        }
        var batches: [[Edit]] = []
        var rest = edits[...]
        while !rest.isEmpty {
            let size = min(rest.count, 1 + generator.below(4))
            batches.append(Array(rest.prefix(size)))
            rest = rest.dropFirst(size)
        }
        return EditScript(batches: batches)
    }

    /// The files left in the folder, as one batch sorted by path, with the stat each one was last seen with.
    func finalFolder(_ corpus: ConvergenceCorpus) -> [FileUpdate] {
        var folder: [String: (variant: Int, version: Int64, inode: UInt64)] = [:]
        var inode: UInt64 = 0
        for edit in batches.joined() {
            inode += 1
            switch edit {
            case .store(let path, let variant, let version): folder[path] = (variant, version, inode)
            case .remove(let path): folder[path] = nil
            case .restat(let path, let version):
                if let file = folder[path] { folder[path] = (file.variant, version, inode) }
            }
        }
        return folder.keys.sorted().map { path in
            let file = folder[path]!
            return corpus.update(path, file.variant, inode: file.inode, version: file.version)
        }
    }

    /// The updates the daemon would apply, batch by batch.
    func updates(_ corpus: ConvergenceCorpus) -> [[FileUpdate]] {
        var inode: UInt64 = 0
        var folder: [String: Int] = [:]  // path → variant
        return batches.map { batch in
            batch.map { edit in
                inode += 1
                switch edit {
                case .store(let path, let variant, let version):
                    folder[path] = variant
                    return corpus.update(path, variant, inode: inode, version: version)
                case .remove(let path):
                    folder[path] = nil
                    return .remove(path: path)
                case .restat(let path, let version):
                    // The stat a store of the same bytes would have had: only the inode and mtime move.
                    let update = corpus.update(path, folder[path] ?? 0, inode: inode, version: version)
                    guard case .store(_, let stat, _, _) = update else { return update }
                    return .restat(path: path, stat: stat)
                }
            }
        }
    }

    /// The difference between the store after the edits and the store built from the final folder, or nil.
    func divergence(_ corpus: ConvergenceCorpus, _ kind: StoreKind) throws -> String? {
        let edited = try StoreDump.build(kind, batches: updates(corpus))
        let fresh = try StoreDump.build(kind, batches: [finalFolder(corpus)])
        return edited == fresh ? nil : edited.difference(fresh)
    }

    /// A shortest script found by dropping edits one at a time while the divergence stays.
    func shrunk(_ corpus: ConvergenceCorpus, _ kind: StoreKind) throws -> EditScript {
        var current = self
        var progress = true
        while progress {
            progress = false
            for b in current.batches.indices.reversed() {
                for e in current.batches[b].indices.reversed() {
                    var candidate = current
                    candidate.batches[b].remove(at: e)
                    candidate.batches.removeAll { $0.isEmpty }
                    if try candidate.divergence(corpus, kind) != nil {
                        current = candidate
                        progress = true
                        break
                    }
                }
                if progress { break }
            }
        }
        return current
    }

    func description(_ corpus: ConvergenceCorpus) -> String {
        batches.enumerated().map { index, batch in
            "batch \(index + 1): "
                + batch.map { edit in
                    switch edit {
                    case .store(let path, let variant, _): "store \(path) = \(corpus.variants[variant].name)"
                    case .remove(let path): "remove \(path)"
                    case .restat(let path, _): "restat \(path)"
                    }
                }.joined(separator: "; ")
        }.joined(separator: "\n")
    }
}

// MARK: - A client following the change feed

/// What a client that keeps events and statements by id from `event.*` and `statement.*` changes holds, and
/// every change that made no sense for it (an `added` for an id it has, an `updated` or `removed` for one it
/// does not).
struct ChangeMirror {
    struct Face: Decodable {
        var id: Int64
        var code: String?
        var summary: String?
        var mentionCount: Int?
        var articleCount: Int?
        var articles: Int?
    }

    var events: [Int64: Face] = [:]
    var statements: [Int64: Face] = [:]
    var problems: [String] = []

    mutating func apply(_ change: ChangeRecord) {
        guard change.kind.hasPrefix("event.") || change.kind.hasPrefix("statement.") else { return }
        guard let payload = change.payload, let face = try? JSONDecoder().decode(Face.self, from: Data(payload.utf8))
        else {
            problems.append("seq \(change.seq) \(change.kind): unreadable payload \(change.payload ?? "nil")")
            return
        }
        if change.kind.hasPrefix("event.") {
            Self.apply(change, face, to: &events, problems: &problems)
        } else {
            Self.apply(change, face, to: &statements, problems: &problems)
        }
    }

    /// Expects no change that made no sense, and the events and statements `store` holds now.
    func expectToMirror(_ store: EventStore, _ context: String) throws {
        let events = Dictionary(uniqueKeysWithValues: try store.events().map { ($0.id, $0) })
        let statements = Dictionary(uniqueKeysWithValues: try store.statements().map { ($0.id, $0) })
        #expect(problems.isEmpty, "\(problems)\n\(context)")
        #expect(Set(self.events.keys) == Set(events.keys), "event ids \(context)")
        for (id, face) in self.events {
            guard let event = events[id] else { continue }
            #expect(face.code == event.code && face.summary == event.summary, "event \(id) \(context)")
            #expect(
                face.mentionCount == event.mentions && face.articleCount == event.articles?.count,
                "event \(id) \(face) vs \(event) \(context)")
        }
        #expect(self.statements.mapValues(\.articles) == statements.mapValues(\.articles.count), "statements \(context)")
    }

    private static func apply(_ change: ChangeRecord, _ face: Face, to faces: inout [Int64: Face], problems: inout [String]) {
        let known = faces[face.id] != nil
        switch change.kind.split(separator: ".").last {
        case "added" where !known, "updated" where known: faces[face.id] = face
        case "removed" where known: faces[face.id] = nil
        default: problems.append("seq \(change.seq) \(change.kind) for id \(face.id), which the client \(known ? "has" : "does not have")")
        }
    }
}

// MARK: - The dump

/// A store's content without ids, seqs or times: files, articles, statements with their articles, events with
/// their articles and mention count, and every mention with the event it belongs to. Sorted lines.
struct StoreDump: Equatable {
    var lines: [String]

    /// Everything but the `file` lines (device, inode, size and mtime as last seen).
    var withoutFiles: StoreDump { StoreDump(lines: lines.filter { !$0.hasPrefix("file|") }) }

    /// A fresh store of `kind` after `batches`.
    static func build(_ kind: StoreKind, batches: [[FileUpdate]]) throws -> StoreDump {
        try withStore(kind) { store in
            // Faces are brought up to date from a few mentions; after every batch they must be what all of
            // each event's mentions give.
            var stale: [String] = []
            for batch in batches {
                _ = try store.apply(batch, now: 1_700_000_000)
                stale += try store.facesDifferingFromTheirMentions()
            }
            let dump = try StoreDump(store)
            return StoreDump(lines: (dump.lines + stale).sorted())
        }
    }

    init(lines: [String]) {
        self.lines = lines
    }

    init(_ store: EventStore) throws {
        var lines: [String] = []
        for (path, file) in try store.allFiles() {
            let stat = file.stat
            lines.append(
                "file|\(path)|\(stat.device)|\(stat.inode)|\(stat.size)|\(stat.mtimeNs)|\(file.hash)|\(file.isError)")
        }
        for row in try store.articles() {
            let text = try store.article(at: row.path)
            lines.append(
                Self.line(
                    "article", row.path, row.title, row.published, row.publishedSource, row.isError, row.error,
                    row.events, row.hash, row.size, text?.paragraphs.joined(separator: "¶"),
                    text?.warnings.joined(separator: "¶")))
        }
        for statement in try store.statements() {
            lines.append(
                Self.line(
                    "statement", statement.author, statement.handle, statement.date, statement.text,
                    statement.articles.joined(separator: ",")))
        }
        for event in try store.events() {
            let face = Self.line(
                event.date, event.datePrecision, event.dateProvenance, event.code, event.rootCode, event.label,
                event.quadClass, Self.actor(event.source), Self.actor(event.target), event.location)
            lines.append(
                Self.line(
                    "event", face, event.summary, event.articles?.joined(separator: ",") ?? "-", event.articleCount,
                    event.mentions))
            guard let detail = try store.event(id: event.id) else {
                lines.append("missing detail of event \(face)")
                continue
            }
            for mention in detail.mentionList {
                lines.append(
                    Self.line(
                        "mention", mention.article, mention.sentenceIndex, mention.start, mention.end, mention.code,
                        Self.actor(mention.source), Self.actor(mention.target), mention.date, mention.datePrecision,
                        mention.confidence, "event", face))
            }
        }
        let counts = try store.counts()
        lines.append(
            Self.line("counts", counts.files, counts.articles, counts.errors, counts.events, counts.statements))
        self.lines = lines.sorted()
    }

    /// Lines only in `self` (-) and only in `other` (+), in order.
    func difference(_ other: StoreDump) -> String {
        let mine = Dictionary(lines.map { ($0, 1) }, uniquingKeysWith: +)
        let theirs = Dictionary(other.lines.map { ($0, 1) }, uniquingKeysWith: +)
        var out: [String] = []
        for line in Set(lines + other.lines).sorted() {
            let (a, b) = (mine[line] ?? 0, theirs[line] ?? 0)
            if a > b { out.append("- \(line)" + (a - b > 1 ? " ×\(a - b)" : "")) }
            if b > a { out.append("+ \(line)" + (b - a > 1 ? " ×\(b - a)" : "")) }
        }
        return out.joined(separator: "\n")
    }

    private static func actor(_ actor: ActorInfo?) -> String {
        actor.map { "\($0.name)/\($0.code)" } ?? "-"
    }

    private static func line(_ parts: Any?...) -> String {
        parts.map { part in part.map { "\($0)" } ?? "nil" }.joined(separator: "|")
    }
}

// MARK: - Deterministic randomness

/// SplitMix64: a small, seeded generator, so every sequence is reproducible from its seed.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var items = items
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, below(i + 1))
        }
        return items
    }
}
