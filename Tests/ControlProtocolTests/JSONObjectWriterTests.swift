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

    @Test func integers_andNulls_areWrittenAsJSONNumbers() {
        var object = JSONObjectWriter()
        object.field("zero", 0 as Int64)
        object.field("negative", -120 as Int64)
        object.field("large", 1_234_567_890 as Int64)
        object.field("smallest", Int64.min)
        object.field("none", nil as Int64?)
        object.field("text", nil as String?)
        #expect(
            object.finishedString()
                == #"{"zero":0,"negative":-120,"large":1234567890,"smallest":-9223372036854775808,"none":null,"text":null}"#)
    }
}

struct ByteAppendingTests {
    @Test func decimals_coverTheWholeRange() {
        var bytes: [UInt8] = []
        for value: UInt64 in [0, 7, 10, 1_000_000, UInt64.max] {
            bytes.appendDecimal(value)
            bytes.append(UInt8(ascii: " "))
        }
        #expect(String(decoding: bytes, as: UTF8.self) == "0 7 10 1000000 18446744073709551615 ")
    }

    @Test func text_isAppendedAsItsUTF8Bytes() {
        var bytes: [UInt8] = [UInt8(ascii: ">")]
        bytes.appendUTF8("Erdoğan")
        bytes.appendUTF8("")
        bytes.appendUTF8(String(repeating: "x", count: 40))  // not a small string
        #expect(bytes == [UInt8(ascii: ">")] + Array("Erdoğan".utf8) + Array(repeating: UInt8(ascii: "x"), count: 40))
    }
}
