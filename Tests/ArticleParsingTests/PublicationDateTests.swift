import ArticleParsing
import Testing

/// Where the publication day comes from: header, text, modification day.
struct PublicationDateTests {
    let body = "The embassy compound was attacked by protesters, officials said."

    @Test func header_onItsOwnLine_isRead() throws {
        let article = try parseText(" date 2020-01-03\n\(body)\n", modified: day("2020-02-01"))
        #expect(article.published == day("2020-01-03"))
        #expect(article.publishedSource == .header)
        #expect(article.paragraphs == [body])
    }

    @Test func header_withoutLeadingSpaceOrAfterBlankLines_isRead() throws {
        #expect(try parseText("date 2020-01-03 \(body)").published == day("2020-01-03"))
        #expect(try parseText("\n\n   Date: 2020-01-04 \(body)").published == day("2020-01-04"))
    }

    @Test func header_winsOverDatesInTheText() throws {
        let article = try parseText(" date 2020-01-03 On January 5, 2020, officials met again.")
        #expect(article.published == day("2020-01-03"))
        #expect(article.publishedSource == .header)
    }

    @Test func header_namingNoRealDay_isIgnoredWithAWarning() throws {
        let article = try parseText(" date 2020-02-30 The talks began on January 7, 2020 in Geneva.")
        #expect(article.published == day("2020-01-07"))
        #expect(article.publishedSource == .text)
        #expect(article.warnings.contains { $0.contains("2020-02-30") })
        #expect(article.paragraphs == ["The talks began on January 7, 2020 in Geneva."])
    }

    @Test func dateWordInsideText_isNotAHeader() throws {
        let article = try parseText("dates 2020-01-03 are mentioned here, not a header.", modified: day("2020-05-05"))
        #expect(article.publishedSource == .text)
        #expect(article.paragraphs.first?.hasPrefix("dates 2020-01-03") == true)
    }

    @Test(arguments: [
        ("Protesters gathered on Dec. 31, 2019 outside the gate.", "2019-12-31"),
        ("Protesters gathered on January 1, 2020 outside the gate.", "2020-01-01"),
        ("Protesters gathered on 31 December 2019 outside the gate.", "2019-12-31"),
        ("Protesters gathered on 31 Dec. 2019 outside the gate.", "2019-12-31"),
        ("Protesters gathered on Sept. 3, 2019 outside the gate.", "2019-09-03"),
        ("Protesters gathered on March 3rd, 2020 outside the gate.", "2020-03-03"),
        ("Protesters gathered on 2019-12-30 outside the gate.", "2019-12-30"),
    ])
    func published_withoutHeader_isReadFromAnExplicitDate(text: String, expected: String) throws {
        let article = try parseText(text, modified: day("2020-06-01"))
        #expect(article.published == day(expected))
        #expect(article.publishedSource == .text)
    }

    @Test func published_fromText_isTheLatestFullDate() throws {
        let text = """
            The crisis began on December 27, 2019 with a rocket attack.

            The embassy was attacked on 31 December 2019, and on January 2, 2020 officials met.

            Airstrikes followed on Dec. 29, 2019.
            """
        let article = try parseText(text)
        #expect(article.published == day("2020-01-02"))
        #expect(article.publishedSource == .text)
    }

    @Test func published_fromText_ignoresDatesAfterTheModificationDay() throws {
        let text = "The vote held on January 2, 2020 set the election for November 3, 2020."
        let article = try parseText(text, modified: day("2020-01-04"))
        #expect(article.published == day("2020-01-02"))
    }

    @Test func published_fromDateline_winsOverLaterDatesInText() throws {
        let text = """
            Embassy attack: what we know

            Published January 2, 2020 10:30 ET

            Officials will meet again on January 9, 2020, the ministry said.
            """
        let article = try parseText(text)
        #expect(article.published == day("2020-01-02"))
        #expect(article.publishedSource == .text)
        #expect(article.title == "Embassy attack: what we know")
        #expect(article.paragraphs == ["Officials will meet again on January 9, 2020, the ministry said."])
    }

    @Test func datesWithoutYearOrImpossibleDays_doNotCount() throws {
        let text = "On Dec. 31 the embassy was attacked; February 30, 2020 is no day and May 2020 has no day."
        let article = try parseText(text, modified: day("2020-01-10"))
        #expect(article.published == day("2020-01-10"))
        #expect(article.publishedSource == .mtime)
    }

    @Test func published_withNoDateAnywhere_fallsBackToModificationDay() throws {
        let article = try parseText(body, modified: day("2020-01-10"))
        #expect(article.published == day("2020-01-10"))
        #expect(article.publishedSource == .mtime)
    }

    @Test func published_withNoDateAndNoModificationDay_isNil() throws {
        let article = try parseText(body, modified: nil)
        #expect(article.published == nil)
        #expect(article.publishedSource == nil)
    }
}
