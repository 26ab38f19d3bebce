import Foundation
import Testing

@testable import EventExtraction

struct DictionaryLoadingTests {
    @Test func bundledDictionaries_coverManyCountriesAndPatterns() {
        #expect(sharedExtractor.dictionaries.countryCount >= 60)
        #expect(sharedExtractor.dictionaries.verbPatternCount >= 150)
        for code in ["USA", "RUS", "UKR", "BLR", "KAZ", "UZB", "CYP", "ISR", "PSE", "CHN", "IND", "BRA", "ZAF", "TGO", "PNG", "VAT"] {
            #expect(sharedExtractor.dictionaries.lexicon.countries[code] != nil, "\(code)")
        }
    }

    @Test func regularInflections_doubleAFinalConsonantOrNot() {
        #expect(Set(Lexicon.inflections(of: "expel")).isSuperset(of: ["expels", "expelled", "expelling"]))
        #expect(Set(Lexicon.inflections(of: "visit")).isSuperset(of: ["visits", "visited", "visiting"]))
        #expect(Set(Lexicon.inflections(of: "seize")) == ["seize", "seizes", "seized", "seizing"])
        #expect(Set(Lexicon.inflections(of: "rally")) == ["rally", "rallies", "rallied", "rallying"])
        #expect(!Lexicon.inflections(of: "mass").contains("massses"))
        #expect(Set(Lexicon.inflections(of: "withdraw")).isSuperset(of: ["withdraws", "withdrew", "withdrawn", "withdrawing"]))
        #expect(Set(Lexicon.inflections(of: "freeze")).isSuperset(of: ["freezes", "froze", "frozen", "freezing"]))
    }

    @Test func userFolder_addsAndOverridesEntries() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("tidings-dict-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "USAMIL\tMark Esper\tEsper\nUKRMIL\tValerii Zaluzhnyi\tZaluzhnyi|Valerii Zaluzhnyi\n"
            .write(to: folder.appendingPathComponent("local.actors.tsv"), atomically: true, encoding: .utf8)
        try "0874\tretreat+ from\n"
            .write(to: folder.appendingPathComponent("verbs.tsv"), atomically: true, encoding: .utf8)

        let extractor = try EventExtractor.loadDefault(userFolder: folder.path)
        #expect(extractor.resolveActor("Esper")?.code == "USAMIL")  // overridden
        #expect(extractor.resolveActor("Zaluzhnyi")?.code == "UKRMIL")  // added
        #expect(sharedExtractor.resolveActor("Zaluzhnyi") == nil)
        #expect(extractor.resolveActor("Pompeo")?.code == "USAGOV")  // bundled entries stay
    }

    @Test func malformedLine_namesFileAndLine() {
        let source = DictionarySource(kind: .verbs, name: "my.verbs.tsv", text: "# comment\n999\tattack+\n")
        #expect(throws: DictionaryError.self) { try EventDictionaries(sources: [source]) }
        do {
            _ = try EventDictionaries(sources: [source])
        } catch {
            #expect(error.code == .malformed)
            #expect(error.message.contains("my.verbs.tsv line 2"))
        }
    }

    @Test func missingUserFolder_isAnUnreadableError() {
        #expect(throws: DictionaryError.self) {
            try EventExtractor.loadDefault(userFolder: "/nonexistent/tidings-dictionaries")
        }
    }
}
