import ControlProtocol
import Foundation
import Testing

struct JSONValueParsingTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONValue(parsing: Array(text.utf8))
    }

    @Test func reply_readsEveryKindOfValue() throws {
        let value = try parse(
            #" {"id": 7, "result": [null, true, false, -12, 0, 3.25, -1e-3, 2E+2, "text", {}, [], {"a": {"b": [1]}}]} "#)

        #expect(
            value
                == .object([
                    "id": .int(7),
                    "result": .array([
                        .null, .bool(true), .bool(false), .int(-12), .int(0), .double(3.25), .double(-0.001),
                        .double(200), .string("text"), .object([:]), .array([]),
                        .object(["a": .object(["b": .array([.int(1)])])]),
                    ]),
                ]))
    }

    @Test func strings_decodeEveryEscape_andKeepUTF8AsItIs() throws {
        #expect(try parse(#""a\"b\\c\/d\be\ff\ng\rh\ti""#) == .string("a\"b\\c/d\u{8}e\u{C}f\ng\rh\ti"))
        #expect(try parse(#""caf\u00e9 \u00E9 café""#) == .string("café é café"))
        #expect(try parse(#""\ud83d\ude00 😀""#) == .string("😀 😀"))
        #expect(try parse(#""Kata'ib Hezbollah — كتائب""#) == .string("Kata'ib Hezbollah — كتائب"))
    }

    @Test func numbers_wholeOnesAreIntegers_largerOnesDoubles() throws {
        #expect(try parse("9223372036854775807") == .int(Int64.max))
        #expect(try parse("-9223372036854775808") == .int(Int64.min))
        #expect(try parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
        #expect(try parse("1.0") == .double(1))
    }

    @Test(arguments: [
        "", " ", "tru", "nul", "[1,]", "[1 2]", "{\"a\" 1}", "{\"a\":1,}", "{1:2}", "\"open", "\"a\u{1}b\"",
        #""\x""#, #""\u12""#, #""\ud800""#, #""\ude00""#, #""\ud800\u0041""#, "01", "-", "1.", "1e", "+1", ".5",
        "1e400", "[1]x", "{} {}", "NaN",
    ])
    func malformedText_isAnError_neverACrash(text: String) {
        #expect(throws: JSONParseError.self, "\(text.debugDescription)") { try parse(text) }
    }

    @Test func invalidUTF8InAString_isAnError() {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: [0x22, 0xFF, 0x22]) }
    }

    @Test func nesting_upToTheLimitIsRead_deeperIsAnError_notAStackOverflow() throws {
        let depth = JSONValue.maximumDepth
        _ = try parse(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))

        let tooDeep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try parse(tooDeep) }
    }

    @Test func whatJSONEncoderWrites_isReadBackTheSame() throws {
        let original: JSONValue = .object([
            "text": .string("line\nbreak \"quoted\" \u{7} é 😀"), "n": .int(-3), "x": .double(0.125),
            "list": .array([.null, .bool(false)]),
        ])
        let encoded = try JSONEncoder().encode(original)

        #expect(try JSONValue(parsing: Array(encoded)) == original)
    }
}
