import ArticleParsing
import Testing

@testable import EventExtraction

struct DateResolutionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var reference: String
        var expected: String
        var precision: EventDate.Precision
        var provenance: EventDate.Provenance
        var testDescription: String { "\(text) @ \(reference)" }
    }

    static let cases: [Case] = [
        // Weekdays: the most recent such day on or before the reference day.
        Case(text: "on Wednesday", reference: "2020-01-02", expected: "2020-01-01", precision: .day, provenance: .relative),
        Case(text: "early Wednesday", reference: "2020-01-09", expected: "2020-01-08", precision: .day, provenance: .relative),
        Case(text: "late Wednesday", reference: "2020-01-02", expected: "2020-01-01", precision: .day, provenance: .relative),
        Case(text: "on Tuesday", reference: "2020-01-09", expected: "2020-01-07", precision: .day, provenance: .relative),
        Case(text: "Tuesday's attack", reference: "2020-01-02", expected: "2019-12-31", precision: .day, provenance: .relative),
        Case(text: "on Thursday", reference: "2020-01-09", expected: "2020-01-09", precision: .day, provenance: .relative),
        // Calendar dates; the year is inferred nearest the reference day.
        Case(text: "Dec. 31", reference: "2020-01-02", expected: "2019-12-31", precision: .day, provenance: .explicit),
        Case(text: "31 December", reference: "2020-01-02", expected: "2019-12-31", precision: .day, provenance: .explicit),
        Case(text: "December 31", reference: "2020-01-02", expected: "2019-12-31", precision: .day, provenance: .explicit),
        Case(text: "January 1", reference: "2020-01-02", expected: "2020-01-01", precision: .day, provenance: .explicit),
        Case(text: "on Jan. 3", reference: "2020-01-09", expected: "2020-01-03", precision: .day, provenance: .explicit),
        Case(text: "December 31, 2019", reference: "2021-06-01", expected: "2019-12-31", precision: .day, provenance: .explicit),
        Case(text: "in December", reference: "2020-01-09", expected: "2019-12-15", precision: .month, provenance: .explicit),
        // "last year" and "this year" say which year's month: April nearest September 2022 would be 2022's.
        Case(text: "in April last year", reference: "2022-09-18", expected: "2021-04-15", precision: .month, provenance: .explicit),
        Case(text: "in April this year", reference: "2022-09-18", expected: "2022-04-15", precision: .month, provenance: .explicit),
        // A month or day ahead of the reference counts three times its distance: news reports what happened.
        Case(text: "in July", reference: "2024-04-07", expected: "2023-07-15", precision: .month, provenance: .explicit),
        Case(text: "January 5", reference: "2019-12-30", expected: "2020-01-05", precision: .day, provenance: .explicit),
        // "last Tuesday" is the previous week's Tuesday: a Tuesday of this week is "on Tuesday".
        Case(text: "last Tuesday", reference: "2020-06-17", expected: "2020-06-09", precision: .day, provenance: .relative),
        Case(text: "last Friday", reference: "2020-06-15", expected: "2020-06-12", precision: .day, provenance: .relative),
        // The weekend just gone, from its Saturday (2020-06-16 is a Tuesday).
        Case(text: "over the weekend", reference: "2020-06-16", expected: "2020-06-13", precision: .approximate,
            provenance: .relative),
        Case(text: "last weekend", reference: "2020-06-14", expected: "2020-06-13", precision: .approximate,
            provenance: .relative),
        // Relative expressions.
        Case(text: "late last month", reference: "2020-01-09", expected: "2019-12-25", precision: .approximate, provenance: .relative),
        Case(text: "last month", reference: "2020-01-09", expected: "2019-12-15", precision: .month, provenance: .relative),
        Case(text: "earlier today", reference: "2019-12-31", expected: "2019-12-31", precision: .day, provenance: .relative),
        Case(text: "today", reference: "2019-12-31", expected: "2019-12-31", precision: .day, provenance: .relative),
        Case(text: "yesterday", reference: "2020-01-01", expected: "2019-12-31", precision: .day, provenance: .relative),
        Case(text: "3 days ago", reference: "2020-01-03", expected: "2019-12-31", precision: .approximate, provenance: .relative),
        // Counted from the story's previous date; alone in a text, from the reference day.
        Case(text: "a day earlier", reference: "2020-01-09", expected: "2020-01-08", precision: .day, provenance: .relative),
        Case(text: "two days later", reference: "2020-01-09", expected: "2020-01-11", precision: .day, provenance: .relative),
        Case(text: "the next day", reference: "2020-01-09", expected: "2020-01-10", precision: .day, provenance: .relative),
        Case(text: "the previous day", reference: "2020-01-09", expected: "2020-01-08", precision: .day, provenance: .relative),
        Case(text: "hours later", reference: "2020-01-09", expected: "2020-01-09", precision: .day, provenance: .relative),
        Case(text: "the next morning", reference: "2020-01-09", expected: "2020-01-10", precision: .day, provenance: .relative),
        Case(text: "two weeks ago", reference: "2020-01-15", expected: "2020-01-01", precision: .approximate, provenance: .relative),
        Case(text: "a day ago", reference: "2020-01-15", expected: "2020-01-14", precision: .day, provenance: .relative),
        // A weekday followed by its calendar date is that date ("Saturday" alone would be the last one).
        Case(text: "on Saturday, Oct. 7", reference: "2023-10-20", expected: "2023-10-07", precision: .day, provenance: .explicit),
        Case(text: "Saturday 7 October", reference: "2023-10-20", expected: "2023-10-07", precision: .day, provenance: .explicit),
        Case(text: "on the 7th of October", reference: "2023-10-20", expected: "2023-10-07", precision: .day, provenance: .explicit),
    ]

    @Test(arguments: cases)
    func expression_resolvesAgainstReferenceDay(_ c: Case) {
        let date = resolvedDate(c.text, reference: c.reference)
        #expect(date?.day == day(c.expected))
        #expect(date?.precision == c.precision)
        #expect(date?.provenance == c.provenance)
    }

    @Test func mayAsModalVerb_isNotAMonth() {
        #expect(resolvedDate("Iran may retaliate", reference: "2020-01-09") == nil)
    }

    @Test func sentenceWithoutDate_getsArticleDateWithLowerConfidence() throws {
        let dated = try #require(events("Russian forces shelled Kharkiv on Monday.", published: "2022-03-02").first)
        let undated = try #require(events("Russian forces shelled Kharkiv.", published: "2022-03-02").first)
        #expect(dated.date?.day == day("2022-02-28"))
        #expect(undated.date == EventDate(day: day("2022-03-02"), precision: .day, provenance: .articleDate))
        #expect(undated.confidence < dated.confidence)
    }

    @Test func undatedSentences_keepTheParagraphsLastDate_andANewParagraphTheStorysDay() throws {
        let paragraphs = [
            "The pact was unveiled on Wednesday by Australia and the United States. Its talks were secret. "
                + "As part of it, Australia scrapped a deal with France.",
            "Australia scrapped a deal with Japan.",
        ]
        let found = sharedExtractor.extract(from: article(paragraphs, published: "2021-09-18"))
        let withFrance = try #require(found.first { $0.target?.code == "FRA" })
        #expect(withFrance.date?.day == day("2021-09-15"))
        #expect(withFrance.date?.precision == .approximate)
        // A paragraph without a date of its own is back on the story's day: the lead's first date.
        let withJapan = try #require(found.first { $0.target?.code == "JPN" })
        #expect(withJapan.date?.day == day("2021-09-15"))
        #expect(withJapan.date?.precision == .approximate)
    }

    @Test func laterParagraphWithoutDate_isOnTheLeadsDay_notThePublicationDay() throws {
        let paragraphs = [
            "The foreign ministers of Greece and Turkey met in Ankara on Tuesday to discuss maritime borders.",
            "Later, in a hotel, the ministers talked about migration, and then a joint statement was read out.",
            "Greece signed an agreement with Turkey on fishing rights.",
        ]
        let found = sharedExtractor.extract(from: article(paragraphs, published: "2021-03-11"))
        let signing = try #require(found.first { $0.code.rootCode == "05" })
        #expect(signing.date?.day == day("2021-03-09"))
        // As rough as the publication day it stands in for (3 days' tolerance, not an approximate date's 10).
        #expect(signing.date?.provenance == .articleDate)
        #expect(signing.date?.toleranceDays == 3)
    }

    @Test func possessiveDateOfTheSubject_datesTheVerb() throws {
        let text = "Somalia said on Thursday that its forces were on alert. Tuesday's attack on the base near "
            + "Mogadishu killed seven Somali soldiers."
        let killing = try #require(events(text, published: "2020-01-09").first { $0.code.rootCode == "18" })
        #expect(killing.date?.day == day("2020-01-07"))
        // A possessive date after the verb is its object's, not the verb's.
        let condemned = try #require(events("Kenya condemned Tuesday's attack.", published: "2020-01-09").first)
        #expect(condemned.date?.day != day("2020-01-07"))
    }

    @Test func dayCountedFromTheStory_followsThePreviousDate() throws {
        let paragraphs = [
            "Armenian troops attacked an Azerbaijani border post on Sunday. The next day, Azerbaijani forces "
                + "shelled villages in Armenia. Hours later, Armenia recalled its ambassador from Baku.",
            "Azerbaijan closed its embassy in Yerevan on Wednesday; two days earlier, it had expelled an Armenian diplomat.",
        ]
        let found = sharedExtractor.extract(from: article(paragraphs, published: "2022-09-15"))
        let attack = try #require(found.first { $0.source?.code.hasPrefix("ARM") == true })
        #expect(attack.date?.day == day("2022-09-11"))
        let shelling = try #require(found.first { $0.source?.code.hasPrefix("AZE") == true })
        #expect(shelling.date?.day == day("2022-09-12"))
        let recall = try #require(found.first { $0.code.rawValue == "161" && $0.source?.code.hasPrefix("ARM") == true })
        #expect(recall.date?.day == day("2022-09-12"))
        let expulsion = try #require(found.first { $0.code.rawValue == "166" })
        #expect(expulsion.date?.day == day("2022-09-12"))
    }

    @Test(arguments: [
        ("Pakistan shot down two Indian jets on Wednesday, a day after Indian jets struck a camp in Pakistan.",
         ["2021-02-03", "2021-02-02"]),
        ("Israel struck Gaza on Monday, two days before Hamas fired rockets at Israel.", ["2021-02-01", "2021-02-03"]),
    ])
    func clauseAfterNDaysAfter_isShiftedFromTheDateItFollows(sentence: String, days: [String]) {
        // The main clause keeps its date; the act after "N days after/before" moves by N days.
        let found = events(sentence, published: "2021-02-04")  // in the order of their verbs
        #expect(found.map { $0.date?.day.description } == days)
    }

    @Test func quotedPost_resolvesTodayAgainstThePostDate() throws {
        let text = "Spoke today with Iraqi Prime Minister al-Mahdi. — Secretary Pompeo (@SecPompeo) January 1, 2020"
        let event = try #require(events(text, published: "2020-01-03").first)
        #expect(event.code.rootCode == "04")
        #expect(event.source?.code == "USAGOV")
        #expect(event.target?.code == "IRQGOV")
        #expect(event.date?.day == day("2020-01-01"))
    }

    @Test func theDatelinesDate_isTheFilingDay_notTheEventsDay() throws {
        // Filed on Thursday 31 August about Wednesday: the dateline's date is nearer the verb than "on Wednesday".
        let found = sharedExtractor.extract(
            from: article(["LIBREVILLE, Aug 31 (Reuters) — Army officers seized power in the oil-producing nation on Wednesday."], published: "2023-08-31"))
        let coup = try #require(found.first)
        #expect(coup.date?.day == day("2023-08-30"))
    }

    @Test func aPossessiveDateFarBeforeTheVerb_datesItsOwnNounOnly() throws {
        let found = sharedExtractor.extract(
            from: article(["Lebanon's prime minister resigned on Monday, blaming last week's explosion at the port, as Lebanese protesters clashed with police."], published: "2020-08-11"))
        let clash = try #require(found.first { $0.code.rootCode == "14" })
        #expect(clash.date?.day != day("2020-08-04"), "\(String(describing: clash.date))")
    }

    @Test func aDeadline_datesNothing() throws {
        // The month after "by" is when power is due to be handed over, not when the junta made its promise.
        let found = sharedExtractor.extract(
            from: article(["Guinea's junta agreed on Monday to hand power to civilians by July 2025."], published: "2023-05-10"))
        let pledge = try #require(found.first)
        #expect(pledge.date?.day == day("2023-05-08"))
        #expect(resolvedDate("the deal runs until Friday", reference: "2023-05-10") == nil)
        #expect(resolvedDate("they have until the end of Monday to go", reference: "2023-05-10") == nil)
        #expect(resolvedDate("to leave by midnight on Sunday", reference: "2023-05-10") == nil)
        #expect(resolvedDate("to leave by noon Sunday", reference: "2023-05-10") == nil)
        #expect(resolvedDate("they met at the end of Monday's talks", reference: "2023-05-10") != nil)
    }

    @Test func anActInAnAfterClause_isTheDayBeforeTheMainClauses() throws {
        let found = sharedExtractor.extract(
            from: article(["Chilean diplomats left Caracas on Friday after Venezuela expelled the ambassador."], published: "2023-05-13"))
        let expulsion = try #require(found.first { $0.code.rootCode == "16" })
        #expect(expulsion.date?.day == day("2023-05-11"))
        #expect(expulsion.date?.precision == .approximate)
        // "hours after", and the same subject doing both ("after meeting"), keep the main clause's day.
        let soon = sharedExtractor.extract(
            from: article(["Peru closed its border on Friday, hours after Bolivia expelled the ambassador."], published: "2023-05-13"))
        #expect(soon.first { $0.code.rootCode == "16" && $0.source?.code == "BOL" }?.date?.day == day("2023-05-12"))
        let meeting = sharedExtractor.extract(
            from: article(["Brazil's president left Buenos Aires on Friday after meeting with Argentina's president."], published: "2023-05-13"))
        #expect(meeting.first { $0.code.rootCode == "04" }?.date?.day == day("2023-05-12"))
    }

    @Test func hoursLaterOpeningAParagraph_countsFromTheLastDateGiven_notTheStorysDay() throws {
        let found = sharedExtractor.extract(from: article([
            "Mexico's president said on Sunday he was outraged.",
            "Ecuador's police detained the former vice president on Friday. Mexico condemned the raid.",
            "Hours later, Mexico broke off relations with Ecuador.",
        ], published: "2024-04-07"))
        let rupture = try #require(found.first { $0.code.rootCode == "16" })
        #expect(rupture.date?.day == day("2024-04-05"))
    }

    @Test func aDayAfterInAnUndatedSentence_countsFromTheStorysDate() throws {
        let found = sharedExtractor.extract(from: article(
            ["Peru's president resigned on Tuesday. The resignation came a day after Peruvian lawmakers impeached him."],
            published: "2024-04-07"))
        let impeachment = try #require(found.first { $0.code.rootCode == "17" })
        #expect(impeachment.date?.day == day("2024-04-01"))
    }

    @Test func aDateBeforeAnAnd_isTheFirstVerbs_theOneRightAfterTheSecondVerbWins() throws {
        let found = sharedExtractor.extract(from: article(
            ["Kyrgyz forces shelled Tajik villages on Wednesday. Gunfire broke out on Wednesday and escalated on Friday into fighting along the border."],
            published: "2022-09-17"))
        let fighting = try #require(found.last)
        #expect(fighting.code.rootCode == "19")
        #expect(fighting.date?.day == day("2022-09-16"))
    }

    @Test func aDateInARelativeClauseBetweenCommas_datesThatClauseOnly() throws {
        let found = sharedExtractor.extract(from: article([
            "The donors met in Paris on Sunday. Germany's chancellor, who visited Kyiv on Thursday, urged Russia to "
                + "withdraw its troops.",
        ], published: "2022-06-20"))
        let appeal = try #require(found.first { $0.code.rootCode == "02" })
        #expect(appeal.date?.day == day("2022-06-19"))
        // The clause's own verb keeps its date.
        let visits = sharedExtractor.extract(from: article(
            ["Germany's chancellor, who visited Kyiv on Thursday, said the war must end."], published: "2022-06-20"))
        #expect(visits.first { $0.code.rootCode == "04" }?.date?.day == day("2022-06-16"))
        // Without the commas it is no aside: "the leader who visited on Thursday" is a restrictive clause.
        let plain = sharedExtractor.extract(from: article(
            ["Germany urged Russia on Thursday to withdraw its troops."], published: "2022-06-20"))
        #expect(plain.first { $0.code.rootCode == "02" }?.date?.day == day("2022-06-16"))
    }

    @Test func midMonth_aWeekLater_andTheDayBefore_areResolved() throws {
        let mid = try #require(resolvedDate("fighting resumed in mid-September", reference: "2022-09-21"))
        #expect(mid.day == day("2022-09-15"))
        #expect(mid.precision == .approximate)
        #expect(resolvedDate("Mid-May 2021, the talks broke down", reference: "2022-09-21")?.day == day("2021-05-15"))
        // "may" alone is no month; a hyphenated word that is no month is no date.
        #expect(resolvedDate("they may leave", reference: "2022-09-21") == nil)
        let found = sharedExtractor.extract(from: article([
            "Russia attacked Georgia on Monday. Russia attacked Moldova a week earlier. "
                + "Russia attacked Latvia two weeks later.",
            "Armenia attacked Azerbaijan on Monday. Turkey attacked Syria the day before.",
        ], published: "2022-09-21"))
        let days = Dictionary(found.map { ($0.target?.code ?? "", $0.date?.day) }, uniquingKeysWith: { a, _ in a })
        #expect(days["MDA"] == day("2022-09-12"))
        // From the last date the story gave, the week before.
        #expect(days["LVA"] == day("2022-09-26"))
        #expect(days["SYR"] == day("2022-09-18"))
        // "the day before the vote" counts from the vote, which it does not know.
        #expect(resolvedDate("Turkey attacked Syria the day before the vote", reference: "2022-09-21") == nil)
        #expect(resolvedDate("protests this past weekend", reference: "2022-09-21")?.day == day("2022-09-17"))
        #expect(resolvedDate("as in the past", reference: "2022-09-21") == nil)
    }

    @Test func aPastPerfectDate_isBackground_itsParagraphTellsThatPast_theNextIsBackOnTheStorysDay() throws {
        let found = sharedExtractor.extract(from: article([
            "The United States struck Houthi rebels in Yemen on Friday.",
            "Yemen's Houthi rebels had fired missiles at a US warship on Tuesday. Houthi rebels seized a ship.",
            "Iran condemned the strikes.",
            "Hours later, Houthi rebels attacked a Greek tanker.",
        ], published: "2024-01-12"))
        // Within its paragraph the past-perfect date carries ("seized a ship" is of that past)…
        #expect(found.first { $0.code.rootCode == "17" }?.date?.day == day("2024-01-09"))
        // … but the next paragraph is on the story's day, and "hours later" counts from the story's last own date.
        #expect(found.first { $0.code.rootCode == "11" }?.date?.day == day("2024-01-12"))
        #expect(found.first { $0.code.rootCode == "18" && $0.target?.code.hasPrefix("GRC") == true }?.date?.day
            == day("2024-01-12"))
        // A paragraph ending on the past perfect does not hand its date on.
        let ending = sharedExtractor.extract(from: article([
            "The United States struck Houthi rebels in Yemen on Friday.",
            "Houthi rebels had fired missiles at a US warship on Tuesday.",
            "Iran condemned the strikes.",
        ], published: "2024-01-12"))
        #expect(ending.first { $0.code.rootCode == "11" }?.date?.day == day("2024-01-12"))
    }

    @Test func nDaysAfter_inAnUndatedFirstSentence_countsFromTheArticlesDay() throws {
        let found = sharedExtractor.extract(from: article(
            ["Russia attacked Ukraine two days after Ukraine struck Russia's Belgorod region."], published: "2022-09-21"))
        #expect(found.first { $0.source?.code.hasPrefix("UKR") == true }?.date?.day == day("2022-09-19"))
    }

    @Test func aDateWithoutAYear_isInThePastUnlessItIsNear() {
        #expect(resolvedDate("on Feb. 17", reference: "2022-12-09")?.day == day("2022-02-17"))
        #expect(resolvedDate("on Dec. 31", reference: "2020-01-02")?.day == day("2019-12-31"))
        #expect(resolvedDate("a May 21 election", reference: "2022-04-22")?.day == day("2022-05-21"))
    }

    @Test func aDateAfterTheReferenceDay_datesNoAct() throws {
        let text = "General Kamau declared a state of emergency in Kenya on Monday and said the army would hand power "
            + "to civilians in July 2023."
        let found = events(text, published: "2021-10-26")
        let emergency = try #require(found.first { $0.code.rootCode == "17" })
        #expect(emergency.date?.day == day("2021-10-25"))
        let plain = try #require(events("Kenya declared a state of emergency, to last until elections in July 2023.",
            published: "2021-10-26").first)
        #expect(plain.date?.day.year == 2021)
    }

    @Test func anIntent_isDatedByTheTelling_notByWhatItPlans() throws {
        let text = "Chile and Peru agreed on Monday to meet in Lima on Thursday."
        let found = events(text, published: "2020-01-09")
        let intent = try #require(found.first { $0.code.rootCode == "03" })
        #expect(intent.date?.day == day("2020-01-06"))
        let undated = try #require(events("Chile and Peru agreed to meet in Lima on Thursday.", published: "2020-01-09")
            .first { $0.code.rootCode == "03" })
        #expect(undated.date?.day != day("2020-01-09").adding(days: -6))
    }
}
