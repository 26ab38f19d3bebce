import Testing

@testable import EventExtraction

struct SentenceSplitterTests {
    @Test func abbreviationsInitialsAndAcronyms_doNotEndSentences() {
        let text = "U.S. Secretary of State Mike Pompeo met Gen. Qasem Soleimani's rivals on Dec. 31 in Washington. "
            + "Mr. Trump, Donald J. Trump, said 2.5 percent. The U.S. Embassy was attacked."
        let found = sentences(text)
        #expect(found.count == 3)
        #expect(found.first?.hasSuffix("in Washington.") == true)
        #expect(found.last == "The U.S. Embassy was attacked.")
    }

    @Test func acronymAtSentenceEnd_splitsBeforeCapitalizedStarter() {
        let found = sentences("The strike was ordered by the U.S. The militia vowed revenge.")
        #expect(found == ["The strike was ordered by the U.S.", "The militia vowed revenge."])
    }

    @Test func closingQuote_staysWithItsSentence() {
        let found = sentences("He said: “This is not a Warning.” Iran denied it.")
        #expect(found == ["He said: “This is not a Warning.”", "Iran denied it."])
    }

    @Test func newline_alwaysEndsASentence() {
        #expect(sentences("Pompeo postpones Ukraine visit\nThe US Secretary of State postponed his visit.").count == 2)
    }

    @Test func tweetSignature_isCutFromTheLastSentence() {
        let found = sentences(
            "We strongly responded, and always will. — Donald J. Trump (@realDonaldTrump) December 31, 2019")
        #expect(found == ["We strongly responded, and always will."])
    }
}
