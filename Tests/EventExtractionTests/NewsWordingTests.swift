import ArticleParsing
import Testing

@testable import EventExtraction

/// The fourteenth session's rules, found on a fresh dev batch and tested with sentences of its own: diplomatic notes
/// as official complaints, economic retaliation told with a fighting verb, attacks on ideas and policies as
/// criticism, and partners listed with the source that act with it.
struct NewsWordingTests {
    // MARK: A diplomatic note handed over.

    @Test(arguments: [
        ("Chile handed a diplomatic note to the Bolivian embassy in Santiago on Monday.", "CHL", "BOL"),
        ("Greece delivered a protest note to Turkey on Tuesday over the incident.", "GRC", "TUR"),
        ("Latvia sent a note of protest to Belarus on Friday.", "LVA", "BLR"),
    ])
    func diplomaticNote_isAnOfficialComplaint(sentence: String, source: String, target: String) {
        let found = events(sentence, published: "2024-06-14")
        #expect(found.contains(root: "11", source: source, target: target), "\(sentence): \(found.described)")
    }

    @Test(arguments: [
        "The Bolivian minister handed the microphone to a reporter on Monday.",
        "Chile noted on Monday that Bolivia had made progress.",
        "The central bank issued new notes on Tuesday.",
    ])
    func otherHandingsAndNotes_areNoComplaint(sentence: String) {
        let found = events(sentence, published: "2024-06-14")
        #expect(!found.contains { $0.code.rootCode == "11" }, "\(sentence): \(found.described)")
    }

    // MARK: Economic retaliation told with a fighting verb.

    @Test(arguments: [
        "Brazil and Argentina struck back on Wednesday with tariffs of their own.",
        "India hit back with duties on American almonds on Friday.",
        "Peru retaliated with tariffs on Chilean wine on Monday.",
    ])
    func retaliationWithTariffs_isEconomic_notForce(sentence: String) {
        let found = events(sentence, published: "2024-06-14")
        #expect(found.contains { $0.code.rootCode == "16" }, "\(sentence): \(found.described)")
        #expect(!found.contains { (18...20).contains($0.code.root) }, "\(sentence): \(found.described)")
    }

    @Test func retaliationWithArtillery_staysForce() {
        let found = events("Greek troops struck back on Monday with artillery against Turkish positions.",
            published: "2024-06-14")
        #expect(found.contains(root: "19", source: "GRC", target: "TUR"), "\(found.described)")
    }

    /// "Brazil and Argentina struck back": partners in the act, not each other's target, and "their own" is theirs.
    @Test func listedPartners_areNotEachOthersTarget() {
        let found = events("Brazil and Argentina struck back on Wednesday with tariffs of their own.",
            published: "2024-06-14")
        #expect(!found.contains(root: "16", source: "BRA", target: "ARG"), "\(found.described)")
        #expect(!found.contains(root: "16", source: "ARG", target: "BRA"), "\(found.described)")
    }

    // MARK: Attacking an idea is criticism.

    @Test(arguments: [
        "Orsolya Kovacs, the Hungarian opposition leader, attacked the government's budget plan on Monday.",
        "Speaking in Lima on Sunday, Peruvian President Dina Boluarte attacked socialism.",
    ])
    func attackOnAnIdea_isCriticism(sentence: String) {
        let found = events(sentence, published: "2024-06-14")
        #expect(found.contains { $0.code.rootCode == "11" }, "\(sentence): \(found.described)")
        #expect(!found.contains { (18...20).contains($0.code.root) }, "\(sentence): \(found.described)")
    }

    @Test func attackOnAPlace_staysForce() {
        let found = events("Sudanese troops attacked the rebel-held town of Kadugli on Monday.", published: "2024-06-14")
        #expect(found.contains { (18...20).contains($0.code.root) }, "\(found.described)")
        #expect(!found.contains { $0.code.rootCode == "11" }, "\(found.described)")
    }

    // MARK: Who suffers an act told in a relative clause.

    /// "herders, who officials said were beaten by …": the teller inside the relative clause is an aside, and a
    /// nationality before a noun no dictionary lists ("Kenyan herders") stands for the antecedent.
    @Test func relativeClause_withTellerAside_keepsItsAntecedent() {
        let found = events(
            "Kenya protested on Tuesday over the treatment of Kenyan herders, who officials said were beaten by "
                + "Ugandan law enforcement officers on Monday.", published: "2024-06-14")
        #expect(found.contains(root: "18", source: "UGA", target: "KEN"), "\(found.described)")
        #expect(!found.contains(root: "18", source: "UGA", target: "UGA"), "\(found.described)")
    }

    @Test func lawEnforcement_isPolice() {
        let found = events("Bolivian law enforcement officers arrested three Peruvian men on Monday.",
            published: "2024-06-14")
        #expect(found.contains { $0.code.rootCode == "17" && $0.source?.code == "BOLCOP" }, "\(found.described)")
    }

    /// A relative clause whose pronoun is its own teller ("who said they were beaten") is told by the antecedent.
    @Test func relativeClause_toldByItsAntecedent_isUnchanged() {
        let found = events("Kenyan herders, who said they were beaten on Monday, blamed Uganda.", published: "2024-06-14")
        #expect(found.contains(root: "11", source: "KEN", target: "UGA"), "\(found.described)")
    }

    // MARK: Election results rejected.

    @Test(arguments: [
        ("Serbia's opposition parties rejected the results of Sunday's election on Monday.", "SRB"),
        ("Georgian protesters disputed the outcome on Monday.", "GEO"),
        ("Zambian opposition supporters refused to accept the results on Tuesday.", "ZMB"),
    ])
    func resultsRejected_byTheOpposition_areAimedAtItsOwnAuthorities(sentence: String, country: String) {
        let found = events(sentence, published: "2024-06-14")
        #expect(found.contains(root: "12", source: country, target: country + "GOV"), "\(sentence): \(found.described)")
    }

    @Test(arguments: [
        "Russia rejected the results of the inquiry on Monday.",
        "Serbia's government rejected the results on Monday.",
    ])
    func resultsRejected_byAState_areNotAimedAtItself(sentence: String) {
        let found = events(sentence, published: "2024-06-14")
        #expect(!found.contains { $0.code.rootCode == "12" && $0.target != nil && $0.target?.country == $0.source?.country },
            "\(sentence): \(found.described)")
    }

    // MARK: People seized are abducted.

    @Test(arguments: [
        "Armed groups seized more than 300 pupils in school raids in Zamfara on Monday.",
        "Nigerien troops were searching on Tuesday for 40 villagers who were seized by gunmen near Tillaberi on "
            + "Monday.",
    ])
    func peopleSeized_areAbducted(sentence: String) {
        let found = events(sentence, published: "2024-06-14")
        #expect(found.contains { $0.code.rawValue == "181" }, "\(sentence): \(found.described)")
        #expect(!found.contains { $0.code.rawValue.hasPrefix("171") }, "\(sentence): \(found.described)")
    }

    @Test(arguments: [
        "Congolese rebels seized the town of Beni on Monday.",
        "Kenyan police seized weapons and drugs from a house in Mombasa on Monday.",
    ])
    func placesAndGoodsSeized_areNoAbduction(sentence: String) {
        let found = events(sentence, published: "2024-06-14")
        #expect(!found.contains { $0.code.rawValue == "181" }, "\(sentence): \(found.described)")
    }
}
