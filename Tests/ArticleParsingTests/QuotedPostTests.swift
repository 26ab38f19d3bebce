import ArticleParsing
import Testing

/// Quoted posts (`TEXT — Author (@handle) Month D, YYYY`) and their deduplication key.
struct QuotedPostTests {
    @Test(arguments: [" — ", " – ", " - ", " -- ", "—"])
    func signature_withAnySeparator_isRecognised(separator: String) throws {
        let text = "Talks went well today.\(separator)Jane Roe (@jane_roe) March 3, 2020"
        let article = try parseText("Officials met in Geneva, the ministry said.\n\n\(text)")
        let post = try #require(article.statements.first)
        #expect(post.author == "Jane Roe")
        #expect(post.handle == "jane_roe")
        #expect(post.date == day("2020-03-03"))
        #expect(post.text == "Talks went well today.")
        #expect(article.statementParagraphs == [1])
        #expect(article.paragraphs[1] == text)
    }

    @Test func signature_withDayFirstDate_isRecognised() throws {
        let article = try parseText("We will respond. — Foreign Ministry (@IRIMFA_EN) 1 January 2020")
        let post = try #require(article.statements.first)
        #expect(post.author == "Foreign Ministry")
        #expect(post.date == day("2020-01-01"))
    }

    @Test func mentionWithoutSignature_isNoStatement() throws {
        let text = "Pompeo (@SecPompeo) said on January 1, 2020 that talks went well, officials said."
        #expect(try parseText(text).statements.isEmpty)
    }

    @Test func handleWithoutDate_isNoStatement() throws {
        #expect(try parseText("Talks went well today. — Jane Roe (@jane_roe)").statements.isEmpty)
    }

    @Test func signatureFollowedByMoreText_isNoStatement() throws {
        let text = "Talks went well. — Jane Roe (@jane_roe) March 3, 2020, she wrote, and then left."
        #expect(try parseText(text).statements.isEmpty)
    }

    @Test func continuationMarker_withEllipsisCharacter_isRemoved() throws {
        let article = try parseText("…and we will respond. — Jane Roe (@jane_roe) March 3, 2020")
        #expect(article.statements.first?.text == "and we will respond.")
    }

    @Test func signature_onALineOfItsOwn_signsTheParagraphBefore() throws {
        let text = """
            Officials met in Geneva, the ministry said.
            Talks went well today.
            — Jane Roe (@jane_roe) March 3, 2020
            More talks are planned.
            — Jane Roe (@jane_roe) March 3, 2020
            """
        let article = try parseText(text)
        #expect(article.statements.map(\.text) == ["Talks went well today.", "More talks are planned."])
        #expect(article.statementParagraphs == [1, 2])
        #expect(article.paragraphs[1] == "Talks went well today. — Jane Roe (@jane_roe) March 3, 2020")
        #expect(article.paragraphs.count == 3)
    }

    @Test func normalizedText_ignoresCaseQuotesPunctuationAndSpacing() {
        let curly = QuotedPost(
            author: "A", handle: "a", date: nil, text: "We’ll hold #Iran “responsible” for U.S. losses…")
        let straight = QuotedPost(
            author: "A", handle: "a", date: nil, text: "we'll  hold Iran \"responsible\"\nfor US losses")
        #expect(curly.normalizedText == straight.normalizedText)
        #expect(curly.normalizedText == "well hold iran responsible for us losses")
    }

    @Test func normalizedText_dropsLinksThatDifferBetweenCopies() {
        let one = QuotedPost(author: "A", handle: nil, date: nil, text: "Look at this — pic.twitter.com/AbC123")
        let two = QuotedPost(author: "A", handle: nil, date: nil, text: "Look at this https://t.co/xyz")
        #expect(one.normalizedText == "look at this")
        #expect(two.normalizedText == "look at this")
    }

    @Test func normalizedText_keepsNonLatinLetters() {
        let post = QuotedPost(author: "A", handle: nil, date: nil, text: "Ирак – «Посольство» США")
        #expect(post.normalizedText == "ирак посольство сша")
    }

    @Test func normalizedText_ofDifferentPosts_differs() {
        let one = QuotedPost(author: "A", handle: nil, date: nil, text: "Iran will pay a big price.")
        let two = QuotedPost(author: "A", handle: nil, date: nil, text: "Iran will pay a very big price.")
        #expect(one.normalizedText != two.normalizedText)
    }
}
