import ArticleParsing
import Testing

/// Saved web pages.
struct HTMLArticleTests {
    let parser = ArticleParser()

    func parseHTML(_ html: String, modified: CalendarDay? = nil) throws -> ParsedArticle {
        try parser.parse(Array(html.utf8), format: .html, modified: modified)
    }

    let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>US sends more troops to Baghdad | Example News</title>
          <meta property="og:title" content="US Sending Additional Forces To Protect Embassy In Baghdad">
          <meta property="article:published_time" content="2020-01-01T08:15:00Z">
          <meta property="og:url" content="https://news.example/iraq/embassy">
          <style>p { color: red; }</style>
          <script>var tracking = "<p>not text</p>";</script>
        </head>
        <body>
          <header><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <h1>US sends more troops</h1></header>
          <article>
            <p>The United States is sending <b>additional</b> forces to protect its embassy&nbsp;in Baghdad.</p>
            <p>Iran&#8217;s foreign ministry called it an &ldquo;audacity&rdquo; &amp; rejected the charges.
            <p>Advertisement</p>
            <blockquote class="twitter-tweet"><p lang="en" dir="ltr">Spoke today with Iraqi Prime Minister al-Mahdi.
              <a href="https://t.co/x">pic.twitter.com/x</a></p>&mdash; Secretary Pompeo (@SecPompeo)
              <a href="https://twitter.com/SecPompeo/status/1">January 1, 2020</a></blockquote>
            <!-- <p>commented out</p> -->
          </article>
          <aside><p>Most read: something else entirely.</p></aside>
          <footer><p>© 2020 Example News</p></footer>
        </body>
        </html>
        """

    @Test func title_prefersOpenGraphTitle() throws {
        #expect(try parseHTML(page).title == "US Sending Additional Forces To Protect Embassy In Baghdad")
    }

    @Test func published_comesFromArticlePublishedTime() throws {
        let article = try parseHTML(page, modified: day("2020-03-01"))
        #expect(article.published == day("2020-01-01"))
        #expect(article.publishedSource == .header)
    }

    @Test func paragraphs_comeFromPElementsWithEntitiesDecoded() throws {
        let article = try parseHTML(page)
        #expect(article.paragraphs.count == 3)
        #expect(
            article.paragraphs[0] == "The United States is sending additional forces to protect its embassy in Baghdad."
        )
        #expect(article.paragraphs[1] == "Iran’s foreign ministry called it an “audacity” & rejected the charges.")
    }

    @Test func scriptsStylesNavigationAsidesFootersAndComments_areDropped() throws {
        let body = try parseHTML(page).body
        for dropped in [
            "not text", "color: red", "Home", "Most read", "Example News", "commented out", "Advertisement",
        ] {
            #expect(!body.contains(dropped), "\(dropped) should be gone")
        }
    }

    @Test func embeddedTweet_isOneParagraphAndAStatement() throws {
        let article = try parseHTML(page)
        let post = try #require(article.statements.first)
        #expect(post.author == "Secretary Pompeo")
        #expect(post.handle == "SecPompeo")
        #expect(post.date == day("2020-01-01"))
        #expect(post.text.hasPrefix("Spoke today with Iraqi Prime Minister al-Mahdi."))
        #expect(article.statementParagraphs == [2])
    }

    @Test func urlAndLanguage_comeFromTheMarkup() throws {
        let article = try parseHTML(page)
        #expect(article.url == "https://news.example/iraq/embassy")
        #expect(article.language == "en")
    }

    @Test func title_withoutOpenGraph_isTheFirstH1() throws {
        let html = "<html><body><h1>Militias leave the embassy</h1><p>The militias left on Wednesday.</p></body></html>"
        #expect(try parseHTML(html).title == "Militias leave the embassy")
    }

    @Test func title_fromTitleElement_losesTheSiteName() throws {
        let html = "<title>Militias leave the embassy - Example News</title><p>The militias left on Wednesday.</p>"
        let article = try parseHTML(html)
        #expect(article.title == "Militias leave the embassy")
        #expect(article.paragraphs == ["The militias left on Wednesday."])
    }

    @Test func published_fromTimeElement_whenNoMetaTag() throws {
        let html = """
            <p>Posted <time datetime="2020-01-03T10:00">Friday</time></p>
            <p>The militias left on Wednesday.</p>
            """
        let article = try parseHTML(html)
        #expect(article.published == day("2020-01-03"))
        #expect(article.publishedSource == .header)
    }

    @Test func published_fromNameDateMeta() throws {
        let html = "<meta name=\"date\" content=\"2019/12/31\"><p>The militias left on Wednesday.</p>"
        #expect(try parseHTML(html).published == day("2019-12-31"))
    }

    @Test func published_withoutMetadata_isInferredFromText() throws {
        let html = "<p>The embassy was attacked on December 31, 2019 by protesters.</p>"
        let article = try parseHTML(html, modified: day("2020-01-05"))
        #expect(article.published == day("2019-12-31"))
        #expect(article.publishedSource == .text)
    }

    @Test func pageWithoutPElements_fallsBackToBlockText() throws {
        let html = "<div>The militias left on Wednesday.</div><div>Officials welcomed the move.</div>"
        #expect(try parseHTML(html).paragraphs == ["The militias left on Wednesday.", "Officials welcomed the move."])
    }

    @Test func pageWrappedInOneForm_stillGivesItsParagraphs() throws {
        let html = """
            <body><form id="aspnetForm" method="post"><input type="hidden" name="x">
            <p>The militias left on Wednesday.</p><p>Officials welcomed the move.</p>
            <select><option>Choose a section</option></select></form></body>
            """
        let article = try parseHTML(html)
        #expect(article.paragraphs == ["The militias left on Wednesday.", "Officials welcomed the move."])
    }

    @Test func selfClosedSkippedElement_doesNotHideTheRestOfThePage() throws {
        let html = #"<iframe src="https://ads.example/x" /><p>The militias left on Wednesday.</p>"#
        #expect(try parseHTML(html).paragraphs == ["The militias left on Wednesday."])
    }

    @Test func lineBreaksInsideAParagraph_becomeSpaces() throws {
        let html = "<p>The militias<br>left on<br/>Wednesday.</p>"
        #expect(try parseHTML(html).paragraphs == ["The militias left on Wednesday."])
    }

    @Test func pageWithoutText_isAnEmptyError() {
        let error = #expect(throws: ArticleParseError.self) {
            try parseHTML("<html><head><script>x()</script></head><body><nav>Home</nav></body></html>")
        }
        #expect(error?.code == .empty)
        #expect(error?.message.contains("HTML page has no article text") == true)
    }
}
