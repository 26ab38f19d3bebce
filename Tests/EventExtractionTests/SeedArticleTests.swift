import ArticleParsing
import Testing

@testable import EventExtraction

/// Facts the five seed articles report, checked against what the extractor finds.
struct SeedArticleTests {
    @Test(arguments: ["000", "001", "002", "003", "004"])
    func embassyAttack_onDecember31_isFoundInEverySeed(seed: String) throws {
        // The attackers (protesters or militia, OPP or REB) and the target (the US embassy) may each be
        // unnamed in one sentence, as in 003's "attacked the diplomatic compound"; one of them must be named.
        let found = try Seeds.events(seed).filter {
            let attackers = $0.source.map { ["OPP", "REB"].contains($0.role ?? "") }
            let embassy = $0.target.map { $0.code.hasPrefix("USA") }
            return $0.actionFamily == "violence" && (attackers ?? true) && (embassy ?? true)
                && (attackers == true || embassy == true) && $0.date?.day == day("2019-12-31")
        }
        #expect(!found.isEmpty, "seed \(seed)")
    }

    @Test(arguments: ["000", "001"])
    func pompeoCallWithIraqiPrimeMinister_onJanuary1(seed: String) throws {
        let found = try Seeds.events(seed).matching(roots: ["04"], source: "USAGOV", target: "IRQGOV", on: "2020-01-01")
        #expect(!found.isEmpty)
    }

    @Test func usAirstrikesOnKataibHezbollah_lateDecember() throws {
        let found = try Seeds.events("001").matching(roots: ["19"], source: "USA", target: "IRQREB")
        let strike = try #require(found.first)
        #expect(strike.code == "195")
        let days = (strike.date?.day.daysSinceEpoch ?? 0) - day("2019-12-29").daysSinceEpoch
        #expect(abs(days) <= 3)
        let fromSeed4 = try Seeds.events("004").matching(roots: ["19"], source: "USA", target: "REB")
        #expect(fromSeed4.first?.date?.day.month == 12)
    }

    @Test func soleimaniKilling_onJanuary3() throws {
        let found = try Seeds.events("004").matching(roots: ["18", "19", "20"], source: "USA", target: "IRNMIL", on: "2020-01-03")
        #expect(found.first?.location == "Baghdad")
    }

    @Test func iranianMissileStrike_onJanuary7or8() throws {
        let found = try Seeds.events("004").filter {
            $0.code == "195" && ($0.source?.code.hasPrefix("IRN") ?? false)
                && [day("2020-01-07"), day("2020-01-08")].contains($0.date?.day)
        }
        #expect(found.count >= 2)
        #expect(found.contains { $0.source?.code == "IRNMIL" })
    }

    @Test func trumpsThreat_theyWillPayABigPrice() throws {
        let found = try Seeds.events("001").matching(roots: ["13"], source: "USAGOV", target: "IRN")
        #expect(found.contains { $0.date?.day == day("2019-12-31") })
    }

    @Test func iranRejectsTheAllegations() throws {
        #expect(!(try Seeds.events("001").matching(roots: ["12"], source: "IRN")).isEmpty)
        #expect(!(try Seeds.events("003").matching(roots: ["12"], source: "IRNGOV", target: "USAGOV")).isEmpty)
    }

    @Test func israelCondemnsAndAccuses() throws {
        let found = try Seeds.events("001").matching(roots: ["11"], source: "ISRGOV")
        #expect(found.contains { $0.code == "111" })
        #expect(found.contains { $0.code == "112" && $0.target?.code == "IRN" })
    }

    @Test func usDispatchesAdditionalForces() throws {
        let found = try Seeds.events("003").matching(roots: ["15"], source: "USA")
        #expect(found.contains { $0.code == "154" && $0.date?.day == day("2019-12-31") })
    }

    @Test func summaryQuality_prefersLeadSentences() throws {
        let found = try Seeds.events("001").filter { $0.actionFamily == "violence" && $0.date?.day == day("2019-12-31") }
        let best = try #require(found.max { $0.summaryQuality < $1.summaryQuality })
        #expect(best.sentenceIndex == 0)
    }

    @Test(arguments: ["000", "001", "002", "003", "004"])
    func everyEvent_hasAKnownActorAndADate(seed: String) throws {
        for event in try Seeds.events(seed) {
            #expect(event.source?.country != nil || event.target?.country != nil
                || event.source?.code.hasPrefix("IGO") == true)
            #expect(event.date != nil)
            #expect((0.0...1.0).contains(event.confidence))
        }
    }
}

extension ExtractedEvent {
    var actionFamily: String { signature.actionFamily }
}
