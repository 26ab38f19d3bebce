import ArticleParsing
import Testing

@testable import EventExtraction

/// The fifteenth session's acts told as nouns and passives, tested with sentences of its own: a weapon after a
/// country's possessive, the date of a noun phrase that is a verb's subject or encloses its act, acts named by a
/// noun that refer back to one the article reported, and whoever carries out or announces the act a noun names.
/// 2023-05-12 is a Friday: "Sunday" is 2023-05-07, "Monday" 2023-05-08, "Tuesday" 2023-05-09.
struct NominalEventTests {
    let published = "2023-05-12"

    // MARK: Whose weapon.

    @Test func weaponAfterACountrysPossessive_isThatCountrysAct() throws {
        let found = events("Russia's missile strikes on Kyiv on Sunday killed two people.", published: published)
        #expect(found.contains(root: "19", source: "RUS", target: "UKR"), "\(found.described)")
        #expect(!found.contains { $0.code.rootCode == "19" && $0.source == nil }, "\(found.described)")
    }

    // MARK: The date of a noun phrase.

    @Test func longNounPhraseWithAPossessiveDate_datesTheVerbItIsTheSubjectOf() throws {
        let found = events(
            "Sunday's drone strike on the port of Odesa by Russian forces killed two dockworkers.", published: published)
        let violence = found.matching(roots: ["18", "19"])
        #expect(!violence.isEmpty, "\(found.described)")
        #expect(violence.allSatisfy { $0.date?.day == day("2023-05-07") }, "\(found.described)")
    }

    @Test func possessiveDateBehindAClauseBoundary_datesNoOtherVerb() throws {
        let found = events(
            "Ankara blamed last week's bombing in Istanbul on Kurdish militants, as police detained 40 suspects on "
                + "Thursday.", published: published)
        let arrest = try #require(found.first { $0.code.rootCode == "17" }, "\(found.described)")
        #expect(arrest.date?.day == day("2023-05-11"), "\(found.described)")
    }

    @Test(arguments: [
        "Two Ukrainian soldiers were killed in Sunday's drone strike on the port.",
        "Police detained several opposition leaders during Sunday's raids on party offices in Minsk.",
    ])
    func actDoneInAnActWithAPossessiveDate_isThatDays(sentence: String) throws {
        let found = events(sentence, published: published)
        // (A killing in a drone strike is coded as the strike, 195.)
        let act = try #require(found.first { ["17", "18", "19"].contains($0.code.rootCode) }, "\(found.described)")
        #expect(act.date?.day == day("2023-05-07"), "\(sentence): \(found.described)")
    }

    @Test func possessiveDateAfterAnotherPreposition_isNotTheActsDay() throws {
        let found = events("Two Ukrainian soldiers were killed on Monday in retaliation for Sunday's drone strike.",
            published: published)
        let killing = try #require(found.first { $0.code.rootCode == "18" }, "\(found.described)")
        #expect(killing.date?.day == day("2023-05-08"), "\(found.described)")
    }

    // MARK: Acts that refer back.

    @Test func nounWithAnUnnamedAgent_takesTheSideOfTheActItRefersBackTo() throws {
        let found = sharedExtractor.extract(from: article([
            "Israeli jets struck the Iranian consulate in Damascus on Monday.",
            "The strike on Monday flattened the consular building next to the Iranian embassy.",
        ], published: published))
        let violence = found.matching(roots: ["18", "19"])
        #expect(!violence.isEmpty, "\(found.described)")
        #expect(violence.allSatisfy { $0.source?.code.hasPrefix("ISR") == true }, "\(found.described)")
    }

    @Test func nounAgainstAnotherSide_takesNoAgentFromAnEarlierAct() throws {
        let found = sharedExtractor.extract(from: article([
            "Russian jets bombed Aleppo on Monday.",
            "The attack on the Turkish convoy on Tuesday killed two soldiers.",
        ], published: published))
        let convoy = found.matching(roots: ["18", "19"], target: "TUR")
        #expect(!convoy.isEmpty, "\(found.described)")
        #expect(convoy.allSatisfy { $0.source == nil }, "\(found.described)")
    }

    @Test func nounBetweenTwoSides_refersBackToNoEarlierAct_evenWithOneSideUnknown() throws {
        let found = sharedExtractor.extract(from: article([
            "Sudan's foreign minister met Ethiopian officials in Addis Ababa on Monday.",
            "Talks between the generals and the Ethiopian government on Tuesday broke down.",
        ], published: published))
        let talks = try #require(found.first { $0.sentence.hasPrefix("Talks") }, "\(found.described)")
        #expect(talks.source == nil, "\(found.described)")
    }

    @Test func datedActNamedInsideTheTargetOfACondemnation_isAnActOfItsOwn() {
        let found = events("Russia condemned Ukraine's drone strike on the port on Sunday.", published: published)
        #expect(found.contains(root: "11", source: "RUS", target: "UKR"), "\(found.described)")
        #expect(!found.matching(roots: ["19"], source: "UKR", on: "2023-05-07").isEmpty, "\(found.described)")
    }

    @Test func actNamedInsideTheAgentOfItsOwnFamily_isNoSecondAct() {
        let found = events("The general was killed by a U.S. airstrike on Monday.", published: published)
        #expect(found.matching(roots: ["18", "19"]).count == 1, "\(found.described)")
    }

    // MARK: Two sides after "between".

    @Test(arguments: [
        ("Clashes between Armenian and Azerbaijani troops on Tuesday killed three soldiers.", "19", "ARM", "AZE"),
        ("Fighting between Kyrgyz and Tajik forces on Tuesday killed 24 people.", "19", "KGZ", "TJK"),
        ("Talks between Israel and Hamas in Doha on Monday made progress.", "04", "ISR", "PSE"),
    ])
    func nounBetweenTwoActors_isAnActOfEachOnTheOther(sentence: String, root: String, first: String, second: String) {
        let found = events(sentence, published: published)
        #expect(found.contains(root: root, source: first, target: second), "\(sentence): \(found.described)")
        #expect(found.contains(root: root, source: second, target: first), "\(sentence): \(found.described)")
    }

    // MARK: Embassies.

    @Test func embassyInTheSourcesOwnCountry_takesNoHostAsTarget() {
        let found = events("Turkey closed the Swedish embassy in Ankara on Thursday.", published: published)
        #expect(!found.contains(root: "16", source: "TUR", target: "TUR"), "\(found.described)")
        #expect(found.contains(root: "16", source: "TUR", target: nil), "\(found.described)")
    }

    // MARK: Participles that describe a noun.

    @Test func actNounAfterADeterminerAndAParticiple_isNoVerb() {
        let found = sharedExtractor.extract(from: article([
            "Chinese coast guards beat Vietnamese fishermen near the Paracels on Saturday.",
            "Japan said on Monday it was concerned by the reported assault.",
        ], published: published))
        #expect(found.matching(roots: ["18", "19"], on: "2023-05-08").isEmpty, "\(found.described)")
    }

    // MARK: Sides the sentence implies: who announces the act a noun names, whose embassy opens or closes.

    @Test(arguments: [
        // Whoever announces the act a noun names does it.
        ("Hamas announced on Monday the release of two American hostages.", "08", "PSE", nil),
        ("The Pentagon announced the killing of an Islamic State commander in Syria on Tuesday.", "18", "USA", nil),
        // Opening or closing one's own embassy, in either voice, is toward the country that hosts it.
        ("Turkey reopened its embassy in Kabul on Thursday.", "05", "TUR", "AFG"),
        ("The Turkish embassy in Kabul was reopened on Thursday.", "05", "TUR", "AFG"),
        ("Lithuania closed its embassy in Minsk on Thursday.", "16", "LTU", "BLR"),
    ] as [(String, String, String, String?)])
    func actWhoseSideTheSentenceImplies_hasThatSide(sentence: String, root: String, source: String, target: String?) {
        let found = events(sentence, published: published)
        #expect(found.contains(root: root, source: source, target: target), "\(sentence): \(found.described)")
    }

    @Test func lossAnnounced_isNoActOfTheOneWhoAnnouncesIt() {
        let found = events("Hezbollah announced the killing of its commander on Tuesday.", published: published)
        #expect(!found.contains(root: "18", source: "LBN", target: nil), "\(found.described)")
    }

    @Test func nounAfterAVerbOfJudgement_isNotTheJudgesAct() {
        let found = events("Iran condemned the killing of the commander in Baghdad on Tuesday.", published: published)
        #expect(!found.contains(root: "18", source: "IRN", target: nil), "\(found.described)")
    }
}
