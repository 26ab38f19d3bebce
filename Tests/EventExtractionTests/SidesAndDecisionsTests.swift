import ArticleParsing
import Testing

@testable import EventExtraction

/// The twelfth session's rules: a possessor's nationality, the two sides "both sides" stands for, accusations
/// told by a named speaker, a second act joined to a decision said in the future, and dates of background
/// paragraphs.
struct SidesAndDecisionsTests {
    // MARK: Accusations.

    @Test(arguments: [
        ("Saudi Foreign Minister Faisal bin Farhan said Iran was behind the attack on Saturday.", "SAU", "IRN"),
        ("Kenya's foreign ministry said Somalia was responsible for the raid on Monday.", "KEN", "SOM"),
        ("Ukraine charged on Monday that Russia had shelled the plant.", "UKR", "RUS"),
        ("Pakistan on Friday laid the blame for the bombing on India.", "PAK", "IND"),
        ("The Philippines said China was behind the cyberattacks on Tuesday.", "PHL", "CHN"),
    ])
    func accusation_bySpeaker_is112(sentence: String, source: String, target: String) throws {
        let found = events(sentence, published: "2024-03-14")
        #expect(
            found.contains { $0.code.rawValue == "112" && $0.source?.code.hasPrefix(source) == true
                && $0.target?.code.hasPrefix(target) == true },
            "\(sentence): \(found.map { "\($0.code) \($0.source?.code ?? "-")→\($0.target?.code ?? "-")" })")
    }

    @Test(arguments: [
        "Iran was behind the attack.",
        "Iran denied it was behind the attack on Saturday.",
        "Israel killed the militants behind the attack on Saturday.",
    ])
    func accusation_withoutSpeaker_orDenied_isNoAccusation(sentence: String) {
        #expect(!events(sentence, published: "2024-03-14").contains { $0.code.rawValue == "112" }, "\(sentence)")
    }
}
