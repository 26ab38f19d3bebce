import ControlProtocol
import Testing

struct JSONObjectWriterTests {
    @Test(arguments: [
        "", "plain", "a\"quote", "back\\slash", "line\nbreak\r\ttab", "\u{0}\u{1}\u{1F} controls",
        "\"\\\n", "café — كتائب 😀", "ends with a quote\"",
    ])
    func strings_readBackAsWritten(_ text: String) throws {
        var object = JSONObjectWriter()
        object.field("text", text)
        object.field("count", 42)
        object.field("missing", nil as String?)

        let value = try JSONValue(parsing: object.finished())

        #expect(value == .object(["text": .string(text), "count": .int(42), "missing": .null]))
    }

    @Test func controlCharacters_areEscapedAsJSONRequires() {
        var object = JSONObjectWriter()
        object.field("t", "\u{1}\n\"\\")

        #expect(object.finishedString() == #"{"t":"\u0001\n\"\\"}"#)
    }
}
