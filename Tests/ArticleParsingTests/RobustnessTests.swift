import ArticleParsing
import Testing

/// The parser runs on whatever lands in the folder: damaged input must give an article or an error, never a trap.
struct RobustnessTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    /// Fragments that steer the parser into its special cases.
    static let tricky: [[UInt8]] =
        [
            "(@", ") ", "—", " - ", "--", " date ", "2020-01-0", "Dec. 3", "1st ", "\r", "\n\n", "\u{00A0}", "&#x2019",
            "&am", "<p", "</p>", "<!--", "<script>", "<blockquote class=\"twitter-tweet\">", "<meta content=\"",
            "{\"title\":", "\"maintext\": \"", "\u{FEFF}", "…", "\u{2028}",
        ].map { Array($0.utf8) } + [
            [0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF], [0x00], [0xC3], [0xE2, 0x80], [0x93],
        ]

    @Test(arguments: ["000", "001", "002", "003", "004"])
    func mutatedSeeds_neverTrapInAnyFormat(seed: String) throws {
        let original = try SeedCorpus.bytes(seed)
        var generator = Generator(state: UInt64(seed)! &+ 42)
        let parser = ArticleParser()
        var articles = 0
        for _ in 0..<150 {
            var bytes = original
            for _ in 0...generator.below(6) {
                let position = generator.below(bytes.count + 1)
                switch generator.below(4) {
                case 0:
                    if position < bytes.count { bytes[position] = UInt8(truncatingIfNeeded: generator.next()) }
                case 1:
                    bytes.insert(contentsOf: Self.tricky[generator.below(Self.tricky.count)], at: position)
                case 2:
                    bytes.removeSubrange(position..<min(bytes.count, position + generator.below(40)))
                default:
                    bytes = Array(bytes[..<position])
                }
            }
            for format in ArticleFormat.allCases {
                if (try? parser.parse(bytes, format: format, modified: nil)) != nil { articles += 1 }
            }
        }
        // Most mutations leave readable text: the loop really exercised the parser, not just its error paths.
        #expect(articles > 150)
    }

    @Test func everyPrefixOfASeed_parsesOrFailsCleanly() throws {
        let bytes = try SeedCorpus.bytes("001")
        let parser = ArticleParser()
        var failures = 0
        for end in stride(from: 0, through: bytes.count, by: 7) {
            do {
                _ = try parser.parse(Array(bytes[..<end]), format: .text, modified: nil)
            } catch {
                failures += 1
                #expect(error.code == .empty || error.code == .binary)
            }
        }
        #expect(failures <= 3)  // only the empty and header-only prefixes
    }
}
