import ArticleParsing
import Testing

@testable import EventExtraction

/// The thirteenth session's date rules, tested with sentences of its own: which day a quotation's "today" and
/// "yesterday" count from, which of a sentence's dates the sentences after it carry on, and a telling's date against
/// that of the act it tells.
struct StoryDateTests {
    // MARK: A quotation's "today" is the speaker's.

    @Test func today_inQuotation_isTheDayTheWordsWereSaid_carriedFromTheStory() throws {
        let found = sharedExtractor.extract(from: article([
            "ATHENS — Greece expelled two Turkish diplomats on Tuesday.",
            "\"Today we also recall our ambassador from Ankara,\" the minister said. "
                + "\"Yesterday Turkish jets attacked our patrol boats.\"",
        ], published: "2021-03-11"))
        let recall = try #require(found.first { $0.code.rawValue == "161" }, "\(found.described)")
        #expect(recall.date?.day == day("2021-03-09"), "\(found.described)")
        let attack = try #require(found.first { $0.code.rootCode == "19" }, "\(found.described)")
        #expect(attack.date?.day == day("2021-03-08"), "\(found.described)")
    }

    @Test func today_inQuotation_countsFromTheTellingsOwnDate() throws {
        let found = sharedExtractor.extract(from: article([
            "ATHENS — Greece expelled two Turkish diplomats on Tuesday.",
            "\"Today we also recall our ambassador from Ankara,\" the minister said on Wednesday.",
        ], published: "2021-03-11"))
        let recall = try #require(found.first { $0.code.rawValue == "161" }, "\(found.described)")
        #expect(recall.date?.day == day("2021-03-10"), "\(found.described)")
    }

    @Test func today_outsideQuotation_isStillTheArticlesDay() throws {
        let found = sharedExtractor.extract(from: article([
            "ATHENS — Greece expelled two Turkish diplomats on Tuesday.",
            "Greece also recalled its ambassador from Ankara today.",
        ], published: "2021-03-11"))
        let recall = try #require(found.first { $0.code.rawValue == "161" }, "\(found.described)")
        #expect(recall.date?.day == day("2021-03-11"), "\(found.described)")
    }

    // MARK: The date a sentence carries on.

    @Test func dateOfRelativeAside_isNotCarriedToTheNextSentence() throws {
        let found = sharedExtractor.extract(from: article([
            "ATHENS — Greek ships sailed into the Aegean on Tuesday. The minister, who visited Ankara on Friday, "
                + "condemned Turkey for the incursion. Greece then recalled its ambassador from Turkey.",
        ], published: "2021-03-11"))
        let recall = try #require(found.first { $0.code.rawValue == "161" }, "\(found.described)")
        #expect(recall.date?.day == day("2021-03-09"), "\(found.described)")
    }

    // MARK: The telling's date and the told act's.

    @Test func toldAct_withADateOfItsOwn_isNotOnTheTellingsDay() throws {
        let found = events("Greece said on Wednesday its navy shelled a Turkish island last week.", published: "2021-03-11")
        let shelling = try #require(found.first { $0.code.rootCode == "19" }, "\(found.described)")
        #expect(shelling.date?.day == day("2021-03-04"), "\(found.described)")
    }

    @Test func toldAct_withoutADateOfItsOwn_isOnTheTellingsDay() throws {
        let found = events("Turkey said on Wednesday it expelled two Greek diplomats.", published: "2021-03-11")
        let expulsion = try #require(found.first { $0.code.rootCode == "16" }, "\(found.described)")
        #expect(expulsion.date?.day == day("2021-03-10"), "\(found.described)")
    }
}
