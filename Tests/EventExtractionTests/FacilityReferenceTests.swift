import ArticleParsing
import Foundation
import Testing

@testable import EventExtraction

/// "the compound", "the diplomatic compound", "the base": a definite description of a facility named in the same
/// or the previous sentence stands for the actor whose facility it is.
struct FacilityReferenceTests {
    @Test func diplomaticCompound_inTheSameSentence_isTheEmbassysCountry() throws {
        let found = events(
            "The British embassy in Tehran was closed on Sunday after demonstrators stormed the diplomatic compound.")
        let storming = try #require(found.first { $0.code == "145" })
        #expect(storming.source?.role == "OPP")
        #expect(storming.target?.code == "GBRGOV")
    }

    @Test func compound_inTheNextSentence_isTheEmbassysCountry() throws {
        let found = events(
            "Protesters gathered outside the British embassy in Tehran on Sunday. "
                + "Hours later, the crowd stormed the compound.")
        let storming = try #require(found.first { $0.code == "145" })
        #expect(storming.sentenceIndex == 1)
        #expect(storming.target?.code == "GBRGOV")
    }

    @Test func consulate_mentionedAgain_keepsItsCountry() throws {
        let found = events(
            "Gunmen attacked the Turkish consulate in Mosul on Monday. "
                + "The militants attacked the consulate again on Tuesday.")
        let second = try #require(found.first { $0.sentenceIndex == 1 })
        #expect(second.target?.code == "TURGOV")
        #expect(second.date?.day == day("2020-01-07"))
    }

    @Test func compound_asPassiveSubject_isTheTarget() throws {
        let found = events(
            "Protesters surrounded the Danish embassy in Beirut on Sunday. "
                + "The compound was stormed on Monday by protesters.")
        let storming = try #require(found.first { $0.sentenceIndex == 1 })
        #expect(storming.target?.code == "DNKGOV")
        #expect(storming.source?.role == "OPP")
    }

    @Test func base_resolvesToTheMilitaryFacility_notTheLastFacility() throws {
        let text = "Rockets hit the Iraqi military compound near Kirkuk and the US embassy in Baghdad on Sunday. "
            + "The base was attacked again on Monday by militants."
        let attack = try #require(events(text).first { $0.sentenceIndex == 1 })
        #expect(attack.target?.code == "IRQMIL")
    }

    @Test func genericCompound_resolvesToTheLastFacilityOfAnyKind() throws {
        let text = "Rockets hit the Iraqi military compound near Kirkuk and the US embassy in Baghdad on Sunday. "
            + "The compound was attacked again on Monday by militants."
        let attack = try #require(events(text).first { $0.sentenceIndex == 1 })
        #expect(attack.target?.code == "USAGOV")
    }

    @Test func mission_inTheSameSentence_isTheEmbassysCountry() throws {
        let found = events("Protesters stormed the German embassy on Tuesday and vandalised the mission.")
        let vandalism = try #require(found.first { $0.code == "1712" })
        #expect(vandalism.target?.code == "DEUGOV")
    }

    @Test func base_afterOnlyADiplomaticFacility_staysUnresolved() {
        let text = "The French embassy in Bamako was attacked on Friday by gunmen. "
            + "Militants attacked the base on Saturday."
        let found = events(text).filter { $0.sentenceIndex == 1 }
        #expect(!found.contains { $0.target?.country == "FRA" })
    }

    @Test func facility_namedTwoSentencesBefore_isOutOfReach() {
        let text = "The British embassy in Tehran was closed on Sunday. Officials met on Monday. "
            + "Iranian protesters stormed the compound on Tuesday."
        let found = events(text).filter { $0.sentenceIndex == 2 }
        #expect(!found.contains { $0.target?.country == "GBR" })
    }

    @Test func militiaCompound_isTheMilitiasFacility_notADescription() {
        let text = "Rockets hit the US embassy in Baghdad on Sunday. "
            + "Iraqi forces attacked the militia compound on Monday."
        let found = events(text).filter { $0.sentenceIndex == 1 }
        #expect(!found.contains { $0.target?.country == "USA" })
    }

    @Test func quotedPost_doesNotReachBackIntoTheArticle() {
        let text = "Protesters stormed the US embassy in Baghdad on Tuesday.\n\n"
            + "Militants attacked the compound today. — Jane Doe (@janedoe) December 31, 2019"
        let paragraphs = text.components(separatedBy: "\n\n")
        let found = sharedExtractor.extract(from: article(paragraphs, published: "2020-01-01"))
        #expect(!found.contains { $0.sentenceIndex == 1 && $0.target?.country == "USA" })
    }

    @Test func userFacilityKind_resolvesItsDescriptions() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("tidings-facilities-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "industrial\trefinery|refineries\n"
            .write(to: folder.appendingPathComponent("local.facilities.tsv"), atomically: true, encoding: .utf8)
        let text = "Drones struck a Saudi refinery near Abqaiq on Saturday. "
            + "Rebels attacked the refinery again on Sunday."
        let extractor = try EventExtractor.loadDefault(userFolder: folder.path)

        let withKind = extractor.extract(from: article([text])).first { $0.sentenceIndex == 1 }
        let without = sharedExtractor.extract(from: article([text])).first { $0.sentenceIndex == 1 }

        #expect(withKind?.target?.country == "SAU")
        #expect(without?.target?.country != "SAU")
    }

    @Test func malformedFacilityLine_namesFileAndLine() {
        let source = DictionarySource(kind: .facilities, name: "my.facilities.tsv", text: "Diplomatic\tembassy\n")
        do {
            _ = try EventDictionaries(sources: [source])
            Issue.record("a kind with capitals was accepted")
        } catch {
            #expect(error.code == .malformed)
            #expect(error.message.contains("my.facilities.tsv line 1"))
        }
    }
}
