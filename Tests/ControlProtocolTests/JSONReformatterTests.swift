import ControlProtocol
import Foundation
import Testing

/// `JSONReformatter` must print exactly what reading the tree and rendering it printed (`tidingsctl --json`).
struct JSONReformatterTests {
    private func treeRendering(_ text: String, pretty: Bool) throws -> [UInt8] {
        Array(try JSONValue(parsing: Array(text.utf8)).rendered(pretty: pretty).utf8)
    }

    private func expectSameAsTree(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for pretty in [true, false] {
            let reformatted = try JSONReformatter.reformat(Array(text.utf8), pretty: pretty)
            let expected = try treeRendering(text, pretty: pretty)
            #expect(
                String(decoding: reformatted, as: UTF8.self) == String(decoding: expected, as: UTF8.self),
                "\(text.debugDescription), pretty: \(pretty)", sourceLocation: sourceLocation)
            #expect(reformatted == expected, sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [
        #""a\"b\\c\/d\be\ff\ng\rh\ti\u0001\u001F\u007f\u0000 end""#,
        #"["café — كتائب", "caf\u00e9", "\u00E9t\u00e9", "\ud83d\ude00 😀", "\uD834\uDD1E", "tab\there"]"#,
        #"{"path": "00/00/article-000003.txt", "slash": "a\/b", "quote": "say \"hi\""}"#,
        #"[9223372036854775807, -9223372036854775808, 9223372036854775808, -9223372036854775809]"#,
        #"[123456789012345678, -12345678901234567, 1234567890123456789, 0, -0, 10, -10, 7]"#,
        #"[1.0, -1e-3, 2E+2, 1.5e300, 0.1, -0.0, 3.25, 1e-320, 12345678901234567890123, 5e0]"#,
        #"{"a": {}, "b": [], "c": [{}, [], [[]], {"d": {}}], "e": {"f": []}}"#,
        #"{"b": 1, "a": 2, "B": 3, "_": 4, "é": 5, "e": 6, "\u00e9x": 7, "z\u0000": 8, "": 9, "ab": 10, "a\u0000": 11}"#,
        #"{"ｚ": 1, "😀": 2, "z": 3, "Z": 4, "\ud83d\ude00a": 5, "é": 6, "f": 7, "\u0301": 8}"#,
        #"{"a": 1, "a": 2, "b": {"c": 1, "c": [3]}}"#,
        #"{"é": 1, "e\u0301": 2, "x": 3}"#,
        #"{"K": 1, "\u212A": 2}"#,
        #"{"Å": 1, "\u212B": 2, "\u00C5": 3, "A\u030A": 4}"#,
        " \n\t{ \"z\" : [ 1 , { \"y\" : null , \"x\" : true } , false ] , \"a\" : \"\" } \r\n",
        "null", "true", "false", "0", "-7", "\"just text\"", "[]", "{}",
    ])
    func reformat_writesWhatTheTreeRendered(text: String) throws {
        try expectSameAsTree(text)
    }

    @Test func reformat_ofDeepNesting_indentsLikeTheTree() throws {
        let depth = JSONValue.maximumDepth
        try expectSameAsTree(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        try expectSameAsTree(String(repeating: #"{"k":["#, count: 100) + "1" + String(repeating: "]}", count: 100))
    }

    @Test func reformat_ofRandomValues_writesWhatTheTreeRendered() throws {
        var generator = SeededGenerator(seed: 15)
        for _ in 0..<300 {
            let value = randomValue(depth: 0, using: &generator)
            // JSONEncoder writes keys in no particular order: the reformatter has to sort them.
            try expectSameAsTree(String(decoding: try JSONEncoder().encode(value), as: UTF8.self))
        }
    }

    @Test(arguments: [
        "", " ", "tru", "nul", "[1,]", "[1 2]", "{\"a\" 1}", "{\"a\":1,}", "{1:2}", "\"open", "\"a\u{1}b\"",
        #""\x""#, #""\u12""#, #""\ud800""#, #""\ude00""#, #""\ud800\u0041""#, "01", "-", "1.", "1e", "+1", ".5",
        "1e400", "[1]x", "{} {}", "NaN", "{\"a\":1 \"b\":2}", "[\"a\"", "{\"a\":",
    ])
    func malformedText_isRefused_likeTheParserRefusesIt(text: String) {
        #expect(throws: JSONParseError.self, "\(text.debugDescription)") {
            try JSONReformatter.reformat(Array(text.utf8), pretty: true)
        }
    }

    @Test func invalidUTF8_tooDeepNesting_areRefused() {
        #expect(throws: JSONParseError.self) { try JSONReformatter.reformat([0x22, 0xFF, 0x22], pretty: true) }
        #expect(throws: JSONParseError.self) { try JSONReformatter.reformat([0x22, 0xC3, 0x5C, 0x6E, 0x22], pretty: true) }
        let tooDeep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONReformatter.reformat(Array(tooDeep.utf8), pretty: false) }
    }

    @Test func parsingAReply_setsTheResultAside_asReformattedText() throws {
        let line = #"{"jsonrpc":"2.0","id":3,"result":{"b":1,"a":["x",{}]}}"#
        let (value, result) = try JSONValue.parsing(Array(line.utf8), reformatting: "result", pretty: true)

        #expect(value == .object(["jsonrpc": .string("2.0"), "id": .int(3)]))
        #expect(result == (try treeRendering(#"{"b":1,"a":["x",{}]}"#, pretty: true)))
    }

    @Test func parsingAReply_keepsTheLastOfRepeatedResults_andNoneWhenThereIsNone() throws {
        let repeated = #"{"result":[1],"id":1,"result":{"z":0,"y":null}}"#
        #expect(
            try JSONValue.parsing(Array(repeated.utf8), reformatting: "result", pretty: false).member
                == Array(#"{"y":null,"z":0}"#.utf8))
        let error = #"{"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"no"}}"#
        let (value, result) = try JSONValue.parsing(Array(error.utf8), reformatting: "result", pretty: true)
        #expect(result == nil)
        #expect(value == (try JSONValue(parsing: Array(error.utf8))))
    }

    @Test func parsingAReply_refusesWhatTheParserRefuses_evenInTheResult() {
        for line in [#"{"id":1,"result":[1,]}"#, #"{"id":1,"result":"\ud800"}"#, #"{"id":1,"result":1"#] {
            #expect(throws: JSONParseError.self, "\(line)") {
                try JSONValue.parsing(Array(line.utf8), reformatting: "result", pretty: true)
            }
        }
    }

    private func randomValue(depth: Int, using generator: inout SeededGenerator) -> JSONValue {
        let texts = ["", "a", "é", "😀", "line\nbreak", "quote\"", "back\\slash", "\u{1}", "K", "\u{212A}", "ｚ", "path/x.txt"]
        switch Int.random(in: 0..<(depth < 4 ? 9 : 6), using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .int(Int64.random(in: Int64.min...Int64.max, using: &generator) >> Int64.random(in: 0..<63, using: &generator))
        case 3: return .double(Double.random(in: -1e6...1e6, using: &generator))
        case 4, 5: return .string(texts.randomElement(using: &generator)! + texts.randomElement(using: &generator)!)
        case 6: return .array((0..<Int.random(in: 0..<4, using: &generator)).map { _ in randomValue(depth: depth + 1, using: &generator) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int.random(in: 0..<6, using: &generator) {
                members[texts.randomElement(using: &generator)! + texts.randomElement(using: &generator)!] =
                    randomValue(depth: depth + 1, using: &generator)
            }
            return .object(members)
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failing random case fails every time.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
