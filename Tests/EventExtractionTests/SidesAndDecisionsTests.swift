import ArticleParsing
import Testing

@testable import EventExtraction

/// The eleventh session's second helper's rules: a possessor's nationality, the two sides "both sides" stands for,
/// accusations told by a named speaker, a second act joined to a decision said in the future, and dates of
/// background paragraphs.
struct SidesAndDecisionsTests {
    // MARK: A possessor's nationality beats the place of the event.

    @Test(arguments: [
        ("Israel's consul general in New York resigned on Tuesday.", "ISR"),
        ("Russia's newly appointed envoy in Berlin resigned on Tuesday.", "RUS"),
        ("Japan's top diplomat in Beijing resigned on Monday.", "JPN"),
        ("Kenya's high commissioner in London resigned on Friday.", "KEN"),
    ])
    func possessor_givesTheNationality_notThePlace(sentence: String, country: String) throws {
        let event = try #require(events(sentence, published: "2024-03-14").first { $0.code.rootCode == "08" })
        #expect(event.source?.code.hasPrefix(country) == true, "\(sentence): \(event.source?.code ?? "nil")")
    }

    @Test func roleWithoutPossessor_stillTakesThePlace() throws {
        let event = try #require(events("Protesters in Baghdad stormed a government building on Monday.").first)
        #expect(event.source?.code.hasPrefix("IRQ") == true)
    }

    // MARK: "Both sides", "the two countries": the parties, not the mediator, host or onlookers.

    @Test(arguments: [
        ("Ukrainian President Volodymyr Zelensky and Russian President Vladimir Putin met in Istanbul on Monday, "
            + "in talks mediated by Turkey. Both sides agreed to a ceasefire.", "UKR", "RUS"),
        ("Armenia and Azerbaijan signed a peace deal in Washington on Friday, hosted by the United States. "
            + "The two countries agreed to reopen the border.", "ARM", "AZE"),
        ("Ethiopian and Eritrean officials met in Saudi Arabia on Sunday. Egypt and Qatar welcomed the talks. "
            + "The two sides agreed to exchange prisoners.", "ETH", "ERI"),
        ("The presidents of Colombia and Venezuela met in Quito on Monday with Ecuador's Rafael Correa and "
            + "Uruguay's Tabare Vazquez. The two leaders agreed to return their ambassadors.", "COL", "VEN"),
    ])
    func pairReference_isTheTwoParties(text: String, first: String, second: String) throws {
        let found = events(text, published: "2024-03-14")
        let last = try #require(found.map(\.sentenceIndex).max())
        let paired = found.filter { $0.sentenceIndex == last }
        #expect(!paired.isEmpty, "\(text)")
        for event in paired {
            let sides = Set([event.source?.code.prefix(3), event.target?.code.prefix(3)].compactMap { $0.map(String.init) })
            #expect(sides == [first, second], "\(event.sentence): \(sides)")
        }
    }

    @Test func pairReference_withoutTwoSidedAct_isTheLastTwoCountries() throws {
        let found = events(
            "Iranian and Saudi diplomats were in Beijing on Monday. The two sides signed a joint statement on Monday.")
        let signed = found.filter { $0.sentenceIndex == 1 }
        #expect(signed.contains { $0.source?.code.hasPrefix("IRN") == true && $0.target?.code.hasPrefix("SAU") == true },
            "\(found.map { "\($0.code) \($0.source?.code ?? "-")→\($0.target?.code ?? "-")" })")
    }

    // MARK: Accusations.

    @Test(arguments: [
        ("Saudi Foreign Minister Faisal bin Farhan said Iran was behind the attack on Saturday.", "SAU", "IRN"),
        ("Kenya's foreign ministry said Somalia was responsible for the raid on Monday.", "KEN", "SOM"),
        ("Ukraine charged on Monday that Russia had shelled the plant.", "UKR", "RUS"),
        ("Pakistan on Friday laid the blame for the bombing on India.", "PAK", "IND"),
        ("The Philippines said China was behind the cyberattacks on Tuesday.", "PHL", "CHN"),
        ("Britain said on Monday Russia was to blame for the poisoning.", "GBR", "RUS"),
        ("Ukraine said Russia had orchestrated the attack on Tuesday.", "UKR", "RUS"),
    ])
    func accusation_bySpeaker_is112(sentence: String, source: String, target: String) throws {
        let found = events(sentence, published: "2024-03-14")
        #expect(
            found.contains { $0.code.rawValue == "112" && $0.source?.code.hasPrefix(source) == true
                && $0.target?.code.hasPrefix(target) == true },
            "\(sentence): \(found.map { "\($0.code) \($0.source?.code ?? "-")→\($0.target?.code ?? "-")" })")
    }

    @Test(arguments: [
        "Iran was behind the attack.",
        "Iran denied it was behind the attack on Saturday.",
        "Israel killed the militants behind the attack on Saturday.",
    ])
    func accusation_withoutSpeaker_orDenied_isNoAccusation(sentence: String) {
        #expect(!events(sentence, published: "2024-03-14").contains { $0.code.rawValue == "112" }, "\(sentence)")
    }

    @Test(arguments: [
        ("Pakistan's acting high commissioner in New Delhi was expelled on Monday.", "IND", "PAK"),
        ("Russia's consul in Gdansk was declared persona non grata on Friday.", "POL", "RUS"),
        ("China's ambassador to Australia was summoned in Canberra on Tuesday.", "AUS", "CHN"),
    ])
    func diplomatExpelledOrSummoned_byNobodyNamed_isByTheHost(sentence: String, source: String, target: String) throws {
        let event = try #require(events(sentence, published: "2024-03-14").first)
        #expect(event.source?.code.hasPrefix(source) == true, "\(sentence): \(event.source?.code ?? "nil")")
        #expect(event.target?.code.hasPrefix(target) == true)
    }

    @Test func diplomatExpelled_atHome_isNoHostsAct() throws {
        let event = try #require(events("Russia's ambassador was expelled on Monday.", published: "2024-03-14").first)
        #expect(event.source == nil)
    }

    // MARK: A second act joined to a decision said in the future.

    @Test(arguments: [
        ("Germany said on Tuesday it would expel two Russian diplomats and would close the consulate.", "161"),
        ("Israel said on Monday that it had taken note of the decision and would recall its ambassador.", "161"),
        ("Poland said on Monday it would close the border and expel the Belarusian ambassador.", "166"),
        ("Britain announced on Monday it would expel 23 Russian diplomats and would freeze Russian state assets.", "163"),
    ])
    func secondAct_joinedToDecisionSaid_isTheAct(sentence: String, code: String) throws {
        let found = events(sentence, published: "2024-03-14")
        let event = try #require(found.first { $0.code.rawValue.hasPrefix(code) }, "\(sentence): \(found.map(\.code))")
        #expect(event.source != nil)
    }

    @Test(arguments: [
        "Japan said on Friday it would suspend flights and would recall its ambassador if China agreed.",
        "Germany said on Tuesday it would expel two diplomats and would be ready to close the consulate.",
        "Germany said on Tuesday it would expel two diplomats and analysts said Russia would close the consulate.",
    ])
    func secondAct_keepsTheLimits(sentence: String) {
        let found = events(sentence, published: "2024-03-14")
        #expect(!found.contains { $0.code.rawValue.hasPrefix("161") || $0.code.rawValue.hasPrefix("1663") },
            "\(sentence): \(found.map(\.code))")
    }

    // MARK: A background paragraph is not dated by the last paragraph's date.

    @Test(arguments: ["Earlier,", "Last year,", "In 2019,", "Previously,"])
    func backgroundParagraph_withOtherActor_takesTheStoryDay(opener: String) throws {
        let found = sharedExtractor.extract(from: article([
            "Venezuela and Guyana agreed on Thursday to avoid the use of force.",
            "Guyana reinforced its military presence near the border on Monday, its defence ministry said.",
            "\(opener) Venezuelan President Nicolas Maduro accused Guyana of provocations.",
        ], published: "2024-03-14"))
        let accusation = try #require(found.first { $0.code.rawValue == "112" })
        // Thursday's, the story's day (the first sentence's), not Monday's.
        #expect(accusation.date?.day == day("2024-03-14"), "\(opener)")
    }

    @Test func nextParagraph_ofTheSameActors_keepsTheDate() throws {
        let found = sharedExtractor.extract(from: article([
            "Venezuela and Guyana agreed on Thursday to avoid the use of force.",
            "Guyana reinforced its military presence near the border on Monday, its defence ministry said.",
            "Earlier, Guyana's president accused Venezuela of provocations.",
        ], published: "2024-03-14"))
        let accusation = try #require(found.first { $0.code.rawValue == "112" })
        #expect(accusation.date?.day == day("2024-03-11"))
    }

    // MARK: An intent's "to" before whom it is for is no plan.

    @Test(arguments: [
        ("China pledged aid to Pakistan on Monday.", "2024-03-11"),
        ("Japan offered help to the people of Turkey on Tuesday.", "2024-03-12"),
        ("Foreign donors pledged 250 million euros in emergency aid to Lebanon on Sunday.", "2024-03-10"),
    ])
    func intent_toWhomItIsFor_isDatedByItsDate(sentence: String, date: String) throws {
        let event = try #require(events(sentence, published: "2024-03-14").first { $0.code.rootCode == "03" })
        #expect(event.date?.day == day(date), "\(sentence)")
    }

    @Test func intent_toAnInfinitive_isNotDatedByThePlan() throws {
        let event = try #require(
            events("Maduro and Ali agreed to meet in Kingstown on Thursday.", published: "2024-03-11").first)
        #expect(event.date?.day != day("2024-03-07"))
    }

    // MARK: A prisoner swap by two is each freeing the other's.

    @Test(arguments: [
        ("Russia and Ukraine swapped prisoners on Wednesday.", "RUS", "UKR"),
        ("Armenia and Azerbaijan exchanged prisoners of war on Monday.", "ARM", "AZE"),
    ])
    func prisonerSwap_byTwo_isMutual(sentence: String, first: String, second: String) {
        let found = events(sentence, published: "2024-03-14").filter { $0.code.rawValue == "0841" }
        #expect(found.contains { $0.source?.code.hasPrefix(first) == true && $0.target?.code.hasPrefix(second) == true })
        #expect(found.contains { $0.source?.code.hasPrefix(second) == true && $0.target?.code.hasPrefix(first) == true })
        #expect(!found.contains { $0.source?.code.prefix(3) == $0.target?.code.prefix(3) }, "\(sentence)")
    }
}
