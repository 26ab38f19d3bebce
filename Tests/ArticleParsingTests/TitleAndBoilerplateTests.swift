import ArticleParsing
import Testing

/// Finding the headline and dropping page furniture in plain text.
struct TitleAndBoilerplateTests {
    @Test func title_afterNavigationLines_isTheHeadline() throws {
        let text = """
            Skip to content
            Menu
            World | Middle East | Iraq
            Iraq orders militias away from US embassy
            By Jane Doe
            Iraq's prime minister ordered militias to leave the embassy area, his office said on Wednesday.
            """
        let article = try parseText(text)
        #expect(article.title == "Iraq orders militias away from US embassy")
        #expect(article.paragraphs.first?.hasPrefix("Iraq's prime minister ordered") == true)
        #expect(!article.body.contains("Skip to content"))
        #expect(!article.body.contains("World | Middle East"))
    }

    @Test func title_aboveBylineAndReadTime_isNotJoinedWithThem() throws {
        let text = """
            Skip to main content
            Reuters
            World
            Iraq militia supporters end embassy siege
            By Ahmed Rasheed, John Davison
            4 Min Read

            BAGHDAD (Reuters) - Supporters of an Iran-backed militia withdrew from the U.S. Embassy in Baghdad on \
            Wednesday after two days of clashes.

            “We have achieved our goal,” said a spokesman for the militia, Kataib Hezbollah.

            Reporting by Ahmed Rasheed; Editing by Peter Graff
            """
        let article = try parseText(text)
        #expect(article.title == "Iraq militia supporters end embassy siege")
        #expect(article.paragraphs.count == 2)
        #expect(article.paragraphs.first?.hasPrefix("BAGHDAD (Reuters) - Supporters") == true)
    }

    @Test func title_asAQuestion_isFound() throws {
        let article = try parseText("Is a wider war coming?\n\nAnalysts say both sides want to avoid escalation.")
        #expect(article.title == "Is a wider war coming?")
        #expect(article.paragraphs == ["Analysts say both sides want to avoid escalation."])
    }

    @Test func title_withoutBodyAfterIt_isNotATitle() throws {
        let article = try parseText("Iraq orders militias away from US embassy\n")
        #expect(article.title == nil)
        #expect(article.paragraphs == ["Iraq orders militias away from US embassy"])
    }

    @Test func firstLineEndingInAPeriod_isNotATitle() throws {
        let article = try parseText("The embassy was attacked.\n\nOfficials condemned it.")
        #expect(article.title == nil)
        #expect(article.paragraphs.count == 2)
    }

    @Test func firstLineStartingInLowercase_isNotATitle() throws {
        let article = try parseText("according to officials the embassy was attacked\n\nOfficials condemned it.")
        #expect(article.title == nil)
    }

    @Test func widgetAndCreditLines_inTheBody_areDropped() throws {
        let text = """
            The embassy was attacked on Tuesday, officials said.

            Advertisement

            Share this article

            Protesters left on Wednesday after militia leaders called them off.

            Reporting by Ahmed Rasheed; Editing by Peter Graff

            © 2020 Reuters. All rights reserved.
            """
        let article = try parseText(text)
        #expect(
            article.paragraphs == [
                "The embassy was attacked on Tuesday, officials said.",
                "Protesters left on Wednesday after militia leaders called them off.",
            ])
    }

    @Test func trailingShortFragments_afterTheLastParagraph_areDropped() throws {
        let text = "The embassy was attacked on Tuesday, officials said.\n\nRelated Topics\n\nIraq protests\n"
        let article = try parseText(text)
        #expect(article.paragraphs == ["The embassy was attacked on Tuesday, officials said."])
    }

    @Test func repeatedParagraph_isKeptOnce() throws {
        let caption = "Marines deploy to Baghdad to bolster security at the embassy, Dec. 31, 2019."
        let text = "\(caption)\n\(caption)\n\nThe embassy was attacked on Tuesday.\n\n\(caption)"
        let article = try parseText(text)
        #expect(article.paragraphs == [caption, "The embassy was attacked on Tuesday."])
    }

    @Test func hardWrappedParagraphs_areJoinedAgain() throws {
        let text = """
            The United States has announced it is dispatching additional forces to
            protect the U.S. embassy in Baghdad after members and supporters of an
            Iran-backed militia group attacked the compound.

            Defense Secretary Mark Esper called on the government of Iraq to fulfil
            its international responsibilities to protect U.S. citizens.
            """
        let article = try parseText(text)
        #expect(
            article.paragraphs == [
                "The United States has announced it is dispatching additional forces to protect the U.S. embassy in Baghdad after members and supporters of an Iran-backed militia group attacked the compound.",
                "Defense Secretary Mark Esper called on the government of Iraq to fulfil its international responsibilities to protect U.S. citizens.",
            ])
    }

    @Test func shortLinesEndingSentences_inOneBlock_stayParagraphsOfTheirOwn() throws {
        let text = """
            Officials said the embassy was attacked on Tuesday.
            Protesters left on Wednesday morning, police said.
            The militia denied any role in the attack.
            """
        let article = try parseText(text)
        #expect(article.paragraphs.count == 3)
    }

    @Test func fileOfOnlyFurniture_givesNoParagraphsAndAWarning() throws {
        let article = try parseText("Skip to content\n\nAdvertisement\n\nXS\nSM\n")
        #expect(article.paragraphs.isEmpty)
        #expect(article.warnings.contains { $0.contains("no article paragraphs") })
    }
}
