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
        // Relative expressions.
        Case(text: "late last month", reference: "2020-01-09", expected: "2019-12-25", precision: .approximate, provenance: .relative),
        Case(text: "last month", reference: "2020-01-09", expected: "2019-12-15", precision: .month, provenance: .relative),
        Case(text: "earlier today", reference: "2019-12-31", expected: "2019-12-31", precision: .day, provenance: .relative),
        Case(text: "today", reference: "2019-12-31", expected: "2019-12-31", precision: .day, provenance: .relative),
        Case(text: "yesterday", reference: "2020-01-01", expected: "2019-12-31", precision: .day, provenance: .relative),
        Case(text: "3 days ago", reference: "2020-01-03", expected: "2019-12-31", precision: .approximate, provenance: .relative),
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

    @Test func undatedSentences_keepTheParagraphsLastDate_untilTheParagraphEnds() throws {
        let paragraphs = [
            "The pact was unveiled on Wednesday by Australia and the United States. Its talks were secret. "
                + "As part of it, Australia scrapped a deal with France.",
            "Australia scrapped a deal with Japan.",
        ]
        let found = sharedExtractor.extract(from: article(paragraphs, published: "2021-09-18"))
        let withFrance = try #require(found.first { $0.target?.code == "FRA" })
        #expect(withFrance.date?.day == day("2021-09-15"))
        #expect(withFrance.date?.precision == .approximate)
        let withJapan = try #require(found.first { $0.target?.code == "JPN" })
        #expect(withJapan.date?.day == day("2021-09-18"))
        #expect(withJapan.date?.provenance == .articleDate)
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
}
