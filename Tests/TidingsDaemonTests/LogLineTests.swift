import Testing

@testable import TidingsDaemon

struct LogLineTests {
    @Test(arguments: [
        ("plain", "plain"), ("", "\"\""), ("two words", "\"two words\""), ("a=b", "\"a=b\""),
        ("{\"id\":1}", "\"{\\\"id\\\":1}\""), ("line\nbreak", "\"line\\nbreak\""), ("back\\slash x", "\"back\\\\slash x\""),
        ("Muqtada al-Ṣadr", "\"Muqtada al-Ṣadr\""), ("Ṣadr", "Ṣadr"),
    ])
    func metadataValues_areQuotedOnlyWhenALineCouldNotBeSplitOtherwise(value: String, expected: String) {
        #expect(StderrLogHandler.quoted(value) == expected)
    }
}
