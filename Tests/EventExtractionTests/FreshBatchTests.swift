import ArticleParsing
import Testing

@testable import EventExtraction

/// The twelfth session's rules, found on a fresh batch of dev articles and tested with sentences of its own: a
/// decision told before its teller ("X will expel …, the minister said"), who says a quotation after it, what a
/// protest is held to denounce, fighting inside the fighter's own country, bases housing another country's troops,
/// adjectives between a determiner and a noun, and a few codebook patterns.
struct FreshBatchTests {
    // MARK: A decision told before its teller.

    @Test(arguments: [
        ("Kenya will expel two Somali diplomats, Foreign Minister Alfred Mutua said on Tuesday.", "16", "KEN", "SOM"),
        ("Germany will expel four Russian diplomats, said Chancellor Olaf Scholz.", "16", "DEU", "RUS"),
        ("Peru will recall its ambassador from Mexico, President Dina Boluarte announced on Monday.", "16", "PER",
            "MEX"),
        ("Japan will send aid to Turkey, Prime Minister Fumio Kishida said on Monday.", "03", "JPN", "TUR"),
    ])
    func decision_toldBeforeItsTeller_isTheAct(sentence: String, root: String, source: String, target: String) {
        let found = events(sentence, published: "2024-03-14")
        #expect(found.contains(root: root, source: source, target: target), "\(sentence): \(found.described)")
    }

    @Test(arguments: [
        "Serbia will send troops to the border, analysts said.",
        "Poland will close the border if Belarus continues, Prime Minister Mateusz Morawiecki said.",
        "After the vote, Kenya will expel two Somali diplomats, Foreign Minister Alfred Mutua said.",
        "Kenya will expel two Somali diplomats, Somalia's foreign minister said on Tuesday.",
    ])
    func decision_toldBeforeItsTeller_keepsTheLimits(sentence: String) {
        let found = events(sentence, published: "2024-03-14")
        #expect(!found.contains { ["15", "16"].contains($0.code.rootCode) }, "\(sentence): \(found.described)")
    }

    // MARK: Who says a quotation, after it.

    @Test func threat_inQuotation_isByWhoeverSaysIt() {
        let found = sharedExtractor.extract(from: article([
            "Russia's foreign ministry condemned the move on Friday. \"Estonia will bear the consequences,\" it said."
        ], published: "2024-03-14"))
        #expect(found.contains(root: "13", source: "RUS", target: "EST"), "\(found.described)")
    }

    // MARK: Protests.

    @Test(arguments: [
        ("Thousands of people marched in Manila on Sunday to denounce China.", "PHL", "CHN"),
        ("Hundreds of students rallied in Seoul on Friday to protest against Japan.", "KOR", "JPN"),
        ("Hundreds of protesters rallied outside the Turkish embassy in Athens on Friday.", "GRC", "TUR"),
    ])
    func protest_targetsWhatItDenounces(sentence: String, source: String, target: String) {
        let found = events(sentence, published: "2024-03-14")
        #expect(found.contains(root: "14", source: source, target: target), "\(sentence): \(found.described)")
    }

    @Test func protest_inACapital_doesNotTargetItsGovernment() throws {
        let found = events("Thousands of protesters marched in Nairobi on Tuesday.", published: "2024-03-14")
        let protest = try #require(found.first { $0.code.rootCode == "14" }, "\(found.described)")
        #expect(protest.source?.code.hasPrefix("KEN") == true)
        #expect(protest.target?.code.hasSuffix("GOV") != true, "\(found.described)")
    }

    // MARK: A date before ", and" and a subject of the verb's own is the first clause's.

    @Test func date_beforeCommaAndNewSubject_isTheFirstClauses() throws {
        let found = events(
            "Rebels seized two towns over the weekend, and thousands of people marched in Bukavu on Monday.",
            published: "2024-03-14")
        let protest = try #require(found.first { $0.code.rootCode == "14" }, "\(found.described)")
        #expect(protest.date?.day == day("2024-03-11"), "\(found.described)")
    }

    @Test func date_beforeJoinedSubjects_staysTheirs() throws {
        let found = events("On Monday, Britain and France condemned the strike on the convoy.", published: "2024-03-14")
        let condemned = try #require(found.first { $0.code.rootCode == "11" }, "\(found.described)")
        #expect(condemned.date?.day == day("2024-03-11"), "\(found.described)")
    }

    // MARK: "The same day" counts from the last day the story gave.

    @Test func sameDay_countsFromTheLastDay_notAMonthOfBackground() throws {
        let found = sharedExtractor.extract(from: article([
            "Rebels attacked Kenya early on March 10. It was the first attack since the war began in October. "
                + "The president of Kenya blamed Iran the same day."
        ], published: "2024-03-14"))
        let blame = try #require(found.first { $0.code.rootCode == "11" }, "\(found.described)")
        #expect(blame.date?.day == day("2024-03-10"), "\(found.described)")
    }

    // MARK: Fighting in the fighter's own country.

    @Test func capture_ofTowns_inOwnCountry_isAnInternalConflict() {
        let found = events("Islamist militants captured the towns of Gao and Timbuktu in Mali on Sunday.",
            published: "2024-03-14")
        #expect(found.contains(root: "19", source: "MLI", target: "MLI"), "\(found.described)")
    }

    @Test func fighting_withoutPlace_staysWithoutTarget() {
        let found = events("Russia began air strikes at the end of September.", published: "2024-03-14")
        #expect(!found.contains(root: "19", source: "RUS", target: "RUS"), "\(found.described)")
    }

    @Test func force_onTargetsInTwoPlaces_targetsTheFirst() {
        let found = events("The United States struck dozens of targets in Yemen and Somalia on Friday.",
            published: "2024-03-14")
        #expect(found.contains(root: "19", source: "USA", target: "YEM"), "\(found.described)")
    }

    // MARK: Accidents.

    @Test(arguments: [
        "Israeli troops raided Jenin on Monday. At least 40 Palestinians were killed in a stampede at a shrine on Tuesday.",
        "Israeli troops raided Jenin on Monday. Six Palestinians were killed in a bus crash on Tuesday.",
    ])
    func killedInAccident_isNoAttack(text: String) {
        let found = events(text, published: "2024-03-14")
        #expect(!found.contains { $0.sentenceIndex == 1 && ["18", "19", "20"].contains($0.code.rootCode) },
            "\(found.described)")
    }

    @Test func killedInAttack_isStillByWhoeverUsedForce() {
        let found = events(
            "Israeli troops raided Jenin on Monday. At least 40 Palestinians were killed in the raid.", published: "2024-03-14")
        #expect(found.contains { $0.sentenceIndex == 1 && $0.code.rootCode == "18" }, "\(found.described)")
    }

    // MARK: Whom a base houses.

    @Test(arguments: [
        "Militants fired rockets at an Iraqi base housing American troops on Tuesday.",
        "Militants attacked two Syrian bases hosting Russian forces on Tuesday.",
    ])
    func force_onBaseHousingTroops_targetsTheTroops(sentence: String) {
        let found = events(sentence, published: "2024-03-14")
        let force = found.filter { ["18", "19"].contains($0.code.rootCode) }
        #expect(!force.isEmpty && force.allSatisfy { $0.target?.code.hasPrefix("IRQ") != true
            && $0.target?.code.hasPrefix("SYR") != true }, "\(sentence): \(found.described)")
    }

    // MARK: Adjectives between a determiner and a noun.

    @Test(arguments: [
        "Britain urged Iran to end these reckless and dangerous attacks.",
        "France urged Russia to halt the brutal, unprovoked attacks.",
        "It was the first attack on Kenya since the war began in October.",
    ])
    func adjectives_afterDeterminer_makeANoun(sentence: String) {
        let found = events(sentence, published: "2024-03-14")
        #expect(!found.contains { $0.code.rootCode == "18" }, "\(sentence): \(found.described)")
    }

    @Test func sideAfterDeterminer_isNoAdjective() {
        // "side" has no adjective's ending: "Each side accuses the other" keeps its verb.
        let found = sharedExtractor.extract(from: article([
            "India and Pakistan traded fire on Monday. Each side accuses the other of starting the clash."
        ], published: "2024-03-14"))
        #expect(found.contains { $0.code.rootCode == "11" }, "\(found.described)")
    }

    // MARK: Lists in a prepositional phrase; a bare form after a singular role noun.

    @Test func listAfterPreposition_isNoSubject() {
        let found = events(
            "Myanmar's ambassadors to Britain, Japan and Germany said on Friday they rejected the coup.",
            published: "2024-03-14")
        let rejections = found.filter { $0.code.rootCode == "12" }
        #expect(!rejections.isEmpty && rejections.allSatisfy { $0.source?.code.hasPrefix("MMR") == true },
            "\(found.described)")
    }

    @Test func listAfterOf_isStillThePair() {
        let found = events("The presidents of Peru and Chile agreed on Monday to reopen the border.",
            published: "2024-03-14")
        #expect(found.contains(root: "03", source: "PER", target: "CHL"), "\(found.described)")
    }

    @Test(arguments: [
        "Kenyan police said the weapons showed a terrorist attack was planned.",
        "Kenyan police said the weapons were for a militia attack.",
        "Kenyan police said the weapons showed a long-prepared terrorist attack.",
        "Kenya's foreign minister condemned what he called a heinous terrorist attack.",
    ])
    func bareFormAfterSingularRole_isANoun(sentence: String) {
        let found = events(sentence, published: "2024-03-14")
        #expect(!found.contains { $0.code.rootCode == "18" }, "\(sentence): \(found.described)")
    }

    @Test(arguments: [
        ("The Sudanese army hit RSF positions on Monday.", "19"),
        ("The Sudanese army cut ties with Egypt on Monday.", "16"),
    ])
    func irregularPastAfterSingularRole_staysAVerb(sentence: String, root: String) {
        let found = events(sentence, published: "2024-03-14")
        #expect(found.contains { $0.code.rootCode == root }, "\(sentence): \(found.described)")
    }

    // MARK: Words read from the text, which the vocabulary has no id for.

    @Test func confrontation_isAFightWithTheOtherSide() {
        let found = events("Three Indian soldiers were killed in a confrontation with Chinese troops on Monday.",
            published: "2024-03-14")
        #expect(found.contains(root: "19", source: "CHN", target: "IND"), "\(found.described)")
    }

    @Test(arguments: [
        "North Korea fired two missiles into the ocean on Monday.",
        "North Korea fired two missiles into Japanese waters on Monday.",
    ])
    func missilesIntoTheOceanOrWaters_areAShowOfForce(sentence: String) {
        let found = events(sentence, published: "2024-03-14")
        #expect(found.contains { $0.code.rawValue == "150" } && !found.contains { $0.code.rootCode == "19" },
            "\(sentence): \(found.described)")
    }

    @Test func actInstructedOfSomeone_isTheAct() {
        let found = events("Putin instructed his troops on Monday to withdraw from the border.", published: "2024-03-14")
        #expect(found.contains { $0.code.rootCode == "08" }, "\(found.described)")
    }

    // MARK: A group of no country acts through whoever leads it.

    @Test(arguments: [
        "The delegation, led by Indian Foreign Minister Subrahmanyam Jaishankar, met Chinese officials on Monday.",
        "A delegation headed by Indian Foreign Minister Subrahmanyam Jaishankar met Chinese officials on Monday.",
    ])
    func groupLedBySomeone_actsThroughTheLeader(sentence: String) {
        let found = events(sentence, published: "2024-03-14")
        #expect(found.contains(root: "04", source: "IND", target: "CHN"), "\(sentence): \(found.described)")
    }

    // MARK: Codebook patterns.

    @Test(arguments: [
        ("Pakistan said on Monday it regretted India's decision.", "11", "PAK", "IND"),
        ("Venezuela declared the agreement null and void on Monday.", "12", "VEN", nil),
        ("Sweden said on Friday it was pausing aid to Mali.", "16", "SWE", "MLI"),
        ("Turkish President Tayyip Erdogan called the Dutch government racist on Sunday.", "11", "TUR", "NLD"),
        ("Serb gunmen attacked a police station on Monday.", "18", "SRB", nil),
        ("Kenya's unions called a general strike on Tuesday.", "14", "KEN", nil),
        ("Protesters burned tyres in Nairobi on Monday.", "14", "KEN", nil),
        ("Protesters set up barricades in Nairobi on Monday.", "14", "KEN", nil),
    ] as [(String, String, String, String?)])
    func codebookPatterns(sentence: String, root: String, source: String, target: String?) {
        let found = events(sentence, published: "2024-03-14")
        #expect(found.contains(root: root, source: source, target: target), "\(sentence): \(found.described)")
    }
}
