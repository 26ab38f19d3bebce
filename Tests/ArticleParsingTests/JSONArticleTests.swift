import ArticleParsing
import Testing

/// news-please JSON records.
struct JSONArticleTests {
    let parser = ArticleParser()

    func parseJSON(_ json: String, modified: CalendarDay? = nil) throws -> ParsedArticle {
        try parser.parse(Array(json.utf8), format: .json, modified: modified)
    }

    let record = """
        {
          "authors": ["Jane Doe"],
          "date_download": "2020-01-03 12:00:00",
          "date_modify": null,
          "date_publish": "2020-01-02 10:00:00",
          "description": "Pompeo spoke with Iraq's prime minister.",
          "language": "en",
          "title": "Pompeo postpones Ukraine visit",
          "maintext": "Pompeo postpones Ukraine visit\\nThe US Secretary of State on Wednesday postponed his visit to Ukraine.\\nSpoke today with Iraqi Prime Minister al-Mahdi. \\u2014 Secretary Pompeo (@SecPompeo) January 1, 2020",
          "url": "https://news.example/pompeo"
        }
        """

    @Test func fields_mapToTheArticle() throws {
        let article = try parseJSON(record, modified: day("2020-02-01"))
        #expect(article.title == "Pompeo postpones Ukraine visit")
        #expect(article.published == day("2020-01-02"))
        #expect(article.publishedSource == .header)
        #expect(article.url == "https://news.example/pompeo")
        #expect(article.language == "en")
    }

    @Test func maintext_linesBecomeParagraphsWithoutTheTitle() throws {
        let article = try parseJSON(record)
        #expect(article.paragraphs.count == 2)
        #expect(article.paragraphs.first == "The US Secretary of State on Wednesday postponed his visit to Ukraine.")
        #expect(article.statements.first?.handle == "SecPompeo")
        #expect(article.statementParagraphs == [1])
    }

    @Test func missingDatePublish_fallsBackToTextThenModificationDay() throws {
        let fromText = try parseJSON(
            #"{"title": "T", "maintext": "Talks were held on 3 January 2020 in Baghdad.", "date_publish": null}"#)
        #expect(fromText.published == day("2020-01-03"))
        #expect(fromText.publishedSource == .text)
        let fromMtime = try parseJSON(
            #"{"title": "T", "maintext": "Talks were held in Baghdad."}"#, modified: day("2020-01-04"))
        #expect(fromMtime.published == day("2020-01-04"))
        #expect(fromMtime.publishedSource == .mtime)
    }

    @Test func isoDatePublish_isRead() throws {
        let article = try parseJSON(
            #"{"title": "T", "maintext": "Talks.", "date_publish": "2020-01-02T10:00:00+00:00"}"#)
        #expect(article.published == day("2020-01-02"))
    }

    @Test func invalidJSON_isAMalformedError() {
        let error = #expect(throws: ArticleParseError.self) {
            try parseJSON(#"{"title": "T", "maintext": "unterminated"#)
        }
        #expect(error?.code == .malformed)
        #expect(error?.message.contains("not valid JSON") == true)
    }

    @Test func jsonArray_isAMalformedErrorAskingForOneArticlePerFile() {
        let error = #expect(throws: ArticleParseError.self) {
            try parseJSON(#"[{"title": "T", "maintext": "Talks."}]"#)
        }
        #expect(error?.code == .malformed)
        #expect(error?.message.contains("an array") == true)
        #expect(error?.message.contains("one news-please JSON object per file") == true)
    }

    @Test func objectWithoutTitleOrText_isAMalformedError() {
        let error = #expect(throws: ArticleParseError.self) {
            try parseJSON(#"{"url": "https://news.example/x"}"#)
        }
        #expect(error?.code == .malformed)
        #expect(error?.message.contains("maintext") == true)
    }
}

/// Which files Tidings reads, by extension.
struct ArticleFormatTests {
    @Test func pathExtension_mapsKnownExtensionsCaseInsensitively() {
        #expect(ArticleFormat(pathExtension: "txt") == .text)
        #expect(ArticleFormat(pathExtension: "TXT") == .text)
        #expect(ArticleFormat(pathExtension: "html") == .html)
        #expect(ArticleFormat(pathExtension: "htm") == .html)
        #expect(ArticleFormat(pathExtension: "Json") == .json)
    }

    @Test func pathExtension_rejectsOtherFiles() {
        for other in ["pdf", "docx", "", "swp", "txt~"] {
            #expect(ArticleFormat(pathExtension: other) == nil)
        }
    }
}
