import ArticleParsing
import ControlProtocol
import EventExtraction
import EventStore
import Foundation
import Testing

/// What the five seed articles report, read back from a store they were applied to: the facts a reader of the
/// five articles would state, each as one event or statement however many articles report it.
struct SeedEventsTests {
    static let embassyAttackDay = "2019-12-31"

    /// The seeds, all applied in one batch to a fresh store of `kind`.
    private func withSeedStore<Result>(_ kind: StoreKind, _ body: (EventStore, [String]) throws -> Result) throws
        -> Result
    {
        let files = try SeedFiles.all()
        return try withStore(kind) { store in
            _ = try store.apply(try files.enumerated().map { try SeedFiles.update($1, inode: UInt64($0 + 1)) })
            return try body(store, files.map(\.path))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func statements_areFourDistinctPosts_eachListingEveryArticleThatQuotesIt(kind: StoreKind) throws {
        try withSeedStore(kind) { store, paths in
            let statements = try store.statements()

            #expect(statements.count == 4, "\(statements.map { ($0.text.prefix(40), $0.articles) })")
            let call = statements.filter { $0.text.contains("Iraqi Prime Minister al-Mahdi") }
            #expect(call.count == 1)
            #expect(call.first?.articles == [paths[0], paths[1]])
            #expect(call.first?.handle == "SecPompeo")
            let contractor = statements.filter { $0.text.contains("Iran killed an American contractor") }
            #expect(contractor.count == 1)
            #expect(contractor.first?.articles == [paths[0], paths[2]])
            #expect(contractor.first?.handle == "realDonaldTrump")
        }
    }

    @Test(arguments: StoreKind.allCases)
    func embassyAttack_onDecember31_isOneViolentEventReportedByEveryArticle(kind: StoreKind) throws {
        try withSeedStore(kind) { store, paths in
            let attacks = try store.events(from: Self.embassyAttackDay, to: Self.embassyAttackDay).filter {
                SeedFiles.isViolent($0.code) && ($0.target?.code.hasPrefix("USA") ?? false)
            }
            let attack = try #require(
                attacks.first { $0.articles == paths }, "\(attacks.map { ($0.code, $0.source?.code, $0.articles) })")

            let attackers = attack.source?.code ?? "-"
            #expect(["IRQOPP", "IRQREB"].contains(attackers), "\(attackers)")
            #expect(attack.target?.code == "USAGOV")
            #expect(["14", "18", "19"].contains(attack.rootCode), "\(attack.code)")
            #expect(attack.datePrecision == "day")
            #expect(attack.mentions >= paths.count)
            // Every article's attack sentence is a mention of this event, none of another one.
            let others = attacks.filter { $0.id != attack.id && $0.source?.code.hasPrefix("IRQ") == true }
            #expect(others.isEmpty, "\(others.map { ($0.code, $0.source?.code, $0.articles) })")
            let mentions = try #require(try store.event(id: attack.id)).mentionList
            #expect(Set(mentions.map(\.article)) == Set(paths))
            func reports(_ path: String, _ words: String) -> Bool {
                mentions.contains { $0.article == path && $0.sentence.contains(words) }
            }
            #expect(reports(paths[3], "attacked the diplomatic compound"))
            #expect(reports(paths[4], "was then attacked on Dec. 31"))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func pompeoCallWithAlMahdi_onJanuary1_isOneEventOfTwoArticles(kind: StoreKind) throws {
        try withSeedStore(kind) { store, paths in
            let calls = try store.events(from: "2020-01-01", to: "2020-01-01", code: "04").filter {
                $0.source?.code == "USAGOV" && $0.target?.code == "IRQGOV"
            }

            #expect(calls.count == 1, "\(calls.map { ($0.code, $0.articles) })")
            #expect(calls.first?.articles == [paths[0], paths[1]])
            #expect(calls.first?.source?.name == "Mike Pompeo")
        }
    }

    @Test(arguments: StoreKind.allCases)
    func usAirstrikesOnKataibHezbollah_areDatedLateDecember(kind: StoreKind) throws {
        try withSeedStore(kind) { store, _ in
            let strikes = try store.events(from: "2019-12-20", to: "2019-12-31", code: "195").filter {
                ($0.source?.code.hasPrefix("USA") ?? false) && ["IRQREB", "REB"].contains($0.target?.code ?? "")
            }

            #expect(!strikes.isEmpty)
            #expect(strikes.contains { $0.target?.name == "Kata'ib Hezbollah" })
        }
    }

    @Test(arguments: StoreKind.allCases)
    func soleimaniKilling_onJanuary3_isReportedBySeed004(kind: StoreKind) throws {
        try withSeedStore(kind) { store, paths in
            let killing = try store.events(from: "2020-01-03", to: "2020-01-03", article: paths[4]).filter {
                SeedFiles.isViolent($0.code) && ($0.source?.code.hasPrefix("USA") ?? false)
                    && $0.target?.code == "IRNMIL"
            }

            #expect(killing.count == 1)
            #expect(killing.first?.target?.name == "Qasem Soleimani")
            #expect(killing.first?.location == "Baghdad")
        }
    }

    @Test(arguments: StoreKind.allCases)
    func iranianMissileStrike_onJanuary7or8_isReportedBySeed004(kind: StoreKind) throws {
        try withSeedStore(kind) { store, paths in
            let strikes = try store.events(from: "2020-01-07", to: "2020-01-08", article: paths[4]).filter { event in
                let target = event.target?.code ?? ""
                return SeedFiles.isViolent(event.code) && (event.source?.code.hasPrefix("IRN") ?? false)
                    && (target.hasPrefix("IRQ") || target.hasPrefix("USA"))
            }

            #expect(!strikes.isEmpty)
            #expect(strikes.contains { $0.source?.code == "IRNMIL" && $0.code == "195" })
        }
    }

    /// `events --actor TEXT` finds the events where any mention names TEXT in a source or target, as name or code,
    /// in any case; still so after an article that reported some of them is removed.
    @Test(arguments: StoreKind.allCases)
    func actorFilter_findsEveryEventWhereAnyMentionNamesTheActor(kind: StoreKind) throws {
        try withSeedStore(kind) { store, paths in
            func expectFilterMatchesMentions(_ stage: String) throws {
                let details = try store.events().compactMap { try store.event(id: $0.id) }
                for needle in ["pompeo", "USAGOV", "irq", "Kata'ib", "Hezbollah", "nobody-at-all"] {
                    let expected = details.filter { detail in
                        detail.mentionList.contains { mention in
                            [mention.source?.name, mention.source?.code, mention.target?.name, mention.target?.code]
                                .contains { $0?.range(of: needle, options: .caseInsensitive) != nil }
                        }
                    }.map(\.event.id)
                    let found = try store.events(actor: needle).map(\.id)
                    #expect(Set(found) == Set(expected), "\(stage), --actor \(needle)")
                    if needle == "pompeo" { #expect(!found.isEmpty) }
                }
            }
            try expectFilterMatchesMentions("all seeds")
            _ = try store.apply([.remove(path: paths[0])])
            try expectFilterMatchesMentions("without \(paths[0])")
        }
    }

    /// A listing without paths (`tidingsctl events` as a table) is the same listing, each event still counting
    /// the articles that report it.
    @Test(arguments: StoreKind.allCases)
    func events_withoutArticles_listTheSameEvents_countingTheirArticles(kind: StoreKind) throws {
        try withSeedStore(kind) { store, _ in
            let full = try store.events()
            let bare = try store.events(withArticles: false)

            #expect(full.count > 5)
            #expect(full.allSatisfy { $0.articleCount == $0.articles?.count })
            #expect(full.contains { $0.articleCount > 1 })
            #expect(bare.allSatisfy { $0.articles == nil })
            #expect(bare.map(\.id) == full.map(\.id))
            #expect(bare.map(\.articleCount) == full.map(\.articleCount))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func actors_listTheMainProtagonists_withTheirCodes(kind: StoreKind) throws {
        try withSeedStore(kind) { store, _ in
            let actors = try store.actors()
            func find(_ name: String) -> ActorSummary? { actors.first { $0.name == name } }

            #expect(find("Mike Pompeo")?.code == "USAGOV")
            #expect((find("Mike Pompeo")?.events ?? 0) >= 2)
            #expect(find("Kata'ib Hezbollah")?.code == "IRQREB")
            #expect(find("Qasem Soleimani")?.code == "IRNMIL")
            #expect(find("Iraqi protesters")?.code == "IRQOPP")
            // Most frequent first.
            #expect(actors.map(\.events) == actors.map(\.events).sorted(by: >))
        }
    }
}

/// The seed articles of `Tests/EndToEndTests/Fixtures/seeds`, parsed and extracted as the daemon does.
enum SeedFiles {
    struct File {
        var path: String
        var bytes: [UInt8]
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("EndToEndTests/Fixtures/seeds")

    /// The modification day given to the parser: 003 and 004 have no date header, and their relative dates
    /// ("on Tuesday", "early Wednesday", "late last month") are read against the day they were published.
    static let modified = ["003": "2019-12-31", "004": "2020-01-09"]

    static let extractor: EventExtractor = {
        do {
            return try EventExtractor.loadDefault(userFolder: nil)
        } catch {
            fatalError("bundled dictionaries failed to load: \(error)")
        }
    }()

    /// The seeds, by name.
    static func all() throws -> [File] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
            .sorted()
        guard names.count == 5 else {
            throw SeedFilesError(message: "expected 5 seeds in \(folder.path), found \(names)")
        }
        return try names.map { name in
            File(path: name, bytes: Array(try Data(contentsOf: folder.appendingPathComponent(name))))
        }
    }

    /// What the daemon would apply for `file` (a seed, a variant of one, or under another path).
    static func update(_ file: File, inode: UInt64) throws -> FileUpdate {
        let hash = fnv1a(file.bytes)
        let stat = FileStat(
            device: 2_049, inode: inode, size: Int64(file.bytes.count), mtimeNs: Int64(hash & 0xFFFF_FFFF))
        return .store(path: file.path, stat: stat, hash: String(hash, radix: 16), content: try content(file))
    }

    static func content(_ file: File) throws -> ArticleContent {
        let name = (file.path as NSString).lastPathComponent
        let day = modified[String(name.prefix(3))].flatMap { CalendarDay(iso: $0) }
        let article = try ArticleParser().parse(file.bytes, format: .text, modified: day)
        return .article(article, events: extractor.extract(from: article))
    }

    /// Root codes of violence (145 violent protest, 18 assault, 19 fight, 20 mass violence) and 17's vandalism.
    static func isViolent(_ code: String) -> Bool {
        code.hasPrefix("145") || ["17", "18", "19", "20"].contains(String(code.prefix(2)))
    }

    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}

struct SeedFilesError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
