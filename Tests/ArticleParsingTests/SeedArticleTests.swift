import ArticleParsing
import Testing

/// Facts about the five real seed articles.
struct SeedArticleTests {
    @Test(arguments: [("000", "2020-01-02"), ("001", "2020-01-02"), ("002", "2019-12-31")])
    func published_whenDateHeaderPresent_comesFromHeader(seed: String, expected: String) throws {
        let article = try SeedCorpus.parse(seed, modified: day("2021-06-01"))
        #expect(article.published == day(expected))
        #expect(article.publishedSource == .header)
    }

    @Test func header_sharingLineWithBody_isStrippedFromFirstParagraph() throws {
        let article = try SeedCorpus.parse("000")
        #expect(article.paragraphs.first?.hasPrefix("US Secretary of State Mike Pompeo on Wednesday") == true)
        #expect(!article.body.contains("date 2020-01-02"))
    }

    @Test(arguments: ["000", "001", "002"])
    func title_whenTextStartsWithBodyParagraph_isNil(seed: String) throws {
        #expect(try SeedCorpus.parse(seed).title == nil)
    }

    @Test func title_whenBoilerplateComesFirst_isFound() throws {
        let article = try SeedCorpus.parse("003")
        #expect(article.title == "US Sending Additional Forces To Protect Embassy In Baghdad")
    }

    @Test func title_whenFirstLineIsHeadline_isFound() throws {
        let article = try SeedCorpus.parse("004")
        #expect(
            article.title
                == "US to do 'whatever it takes' to protect American, Iraqi people, defend its collective interests, says US secretary of state"
        )
    }

    @Test(arguments: ["003", "004"])
    func title_isKeptOutOfParagraphs(seed: String) throws {
        let article = try SeedCorpus.parse(seed)
        let title = try #require(article.title)
        #expect(!article.paragraphs.contains(title))
    }

    @Test func paragraphs_whenSingleNewlines_areOnePerLine() throws {
        let article = try SeedCorpus.parse("004")
        #expect(article.paragraphs.count == 9)
        #expect(article.paragraphs.first?.hasPrefix("U.S. Secretary of State Mike Pompeo has spoken") == true)
        #expect(article.paragraphs.last?.hasPrefix("U.S. officials have placed the blame") == true)
    }

    @Test func paragraphs_whenBlankLinesSeparate_followTheBlankLines() throws {
        #expect(try SeedCorpus.parse("000").paragraphs.count == 11)
        #expect(try SeedCorpus.parse("001").paragraphs.count == 15)
        #expect(try SeedCorpus.parse("002").paragraphs.count == 7)
    }

    @Test func subheading_laterInBody_staysAParagraphOfItsOwn() throws {
        let article = try SeedCorpus.parse("000")
        #expect(article.paragraphs.contains("Pompeo postpones Ukraine visit"))
        #expect(article.paragraphs.contains("Donald Trump lashes out at Iran"))
        #expect(try SeedCorpus.parse("002").paragraphs.contains("Anger among pro-Iran groups"))
    }

    @Test func boilerplate_inSeed003_isRemoved() throws {
        let article = try SeedCorpus.parse("003")
        for furniture in ["XS", "SM", "MD", "LG", "Accessibility links", "Breaking News"] {
            #expect(!article.paragraphs.contains(furniture), "\(furniture) should be gone")
        }
        #expect(!article.body.contains("Based on reporting"))
        #expect(article.paragraphs.last?.hasPrefix("Meanwhile, Iran’s foreign ministry spokesman") == true)
    }

    @Test func caption_printedTwice_isKeptOnce() throws {
        let article = try SeedCorpus.parse("003")
        let captions = article.paragraphs.filter { $0.hasPrefix("U.S. Marines assigned to Special Purpose") }
        #expect(captions.count == 1)
        #expect(article.paragraphs.count == 6)
    }

    @Test func published_withoutHeader_isLatestFullDateInText() throws {
        let article = try SeedCorpus.parse("003", modified: day("2020-01-05"))
        #expect(article.published == day("2019-12-31"))
        #expect(article.publishedSource == .text)
    }

    @Test func published_withoutHeaderOrFullDate_isModificationDay() throws {
        // Seed 004 names "Jan. 3" and "Dec. 31" without a year: no explicit full date.
        let article = try SeedCorpus.parse("004", modified: day("2020-01-09"))
        #expect(article.published == day("2020-01-09"))
        #expect(article.publishedSource == .mtime)
    }

    @Test func published_withNothingToGoOn_isNil() throws {
        let article = try SeedCorpus.parse("004", modified: nil)
        #expect(article.published == nil)
        #expect(article.publishedSource == nil)
    }

    @Test func statements_inSeed000_carryAuthorHandleAndDate() throws {
        let article = try SeedCorpus.parse("000")
        try #require(article.statements.count == 2)
        let pompeo = article.statements[0]
        #expect(pompeo.author == "Secretary Pompeo")
        #expect(pompeo.handle == "SecPompeo")
        #expect(pompeo.date == day("2020-01-01"))
        #expect(pompeo.text.hasPrefix("Spoke today with Iraqi Prime Minister al-Mahdi"))
        #expect(pompeo.text.hasSuffix("its proxies responsible."))
        let trump = article.statements[1]
        #expect(trump.author == "Donald J. Trump")
        #expect(trump.handle == "realDonaldTrump")
        #expect(trump.date == day("2019-12-31"))
        #expect(trump.text.hasPrefix("Iran killed an American contractor"))
        #expect(trump.text.hasSuffix("and so notified!"))
    }

    @Test func statements_inSeed001_areAllThreePostsInOrder() throws {
        let article = try SeedCorpus.parse("001")
        #expect(article.statements.map(\.handle) == ["SecPompeo", "SecPompeo", "realDonaldTrump"])
        #expect(article.statements.map(\.author) == ["Secretary Pompeo", "Secretary Pompeo", "Donald J. Trump"])
        #expect(article.statements.first?.text.hasPrefix("Spoke today with @IsraeliPM @netanyahu") == true)
        #expect(article.statements.dropFirst().first?.text.hasPrefix("Spoke today with Iraqi Prime Minister") == true)
    }

    @Test func statement_continuingAThread_losesItsLeadingDots() throws {
        let article = try SeedCorpus.parse("001")
        let trump = try #require(article.statements.last)
        #expect(trump.text.hasPrefix("Iran will be held fully responsible for lives lost"))
        #expect(trump.date == day("2019-12-31"))
    }

    @Test func statementParagraphs_pointAtTheQuotingParagraphs() throws {
        let article = try SeedCorpus.parse("000")
        #expect(article.statementParagraphs == [3, 10])
        for (post, index) in zip(article.statements, article.statementParagraphs) {
            #expect(article.paragraphs[index].hasPrefix(post.text))
            #expect(article.paragraphs[index].contains("(@\(post.handle ?? ""))"))
        }
    }

    @Test func normalizedText_ofPostQuotedByTwoArticles_isEqual() throws {
        let first = try SeedCorpus.parse("000").statements
        let second = try SeedCorpus.parse("001").statements
        let third = try SeedCorpus.parse("002").statements
        let pompeoIn000 = try #require(first.first { $0.text.contains("al-Mahdi") })
        let pompeoIn001 = try #require(second.first { $0.text.contains("al-Mahdi") })
        #expect(pompeoIn000.normalizedText == pompeoIn001.normalizedText)
        #expect(pompeoIn000 == pompeoIn001)
        let trumpIn000 = try #require(first.first { $0.handle == "realDonaldTrump" })
        let trumpIn002 = try #require(third.first)
        #expect(trumpIn000.normalizedText == trumpIn002.normalizedText)
        // Different posts keep different keys.
        #expect(Set((first + second + third).map(\.normalizedText)).count == 4)
    }

    @Test(arguments: ["003", "004"])
    func statements_whenNoPostIsQuoted_areEmpty(seed: String) throws {
        let article = try SeedCorpus.parse(seed)
        #expect(article.statements.isEmpty)
        #expect(article.statementParagraphs.isEmpty)
    }

    @Test(arguments: ["000", "001", "002", "003", "004"])
    func paragraphs_ofSeeds_areTrimmedSingleLinesWithoutWarnings(seed: String) throws {
        let article = try SeedCorpus.parse(seed)
        #expect(article.warnings.isEmpty)
        for paragraph in article.paragraphs {
            #expect(!paragraph.isEmpty)
            #expect(!paragraph.contains("\n"))
            #expect(paragraph.first?.isWhitespace == false && paragraph.last?.isWhitespace == false)
        }
    }
}
