import ArticleParsing
import Testing

/// Encodings, line ends and files that are not article text.
struct TextDecodingTests {
    let parser = ArticleParser()
    let sample =
        "Iran denies involvement\n\nThe foreign ministry said on Tuesday that it had “no role” in the attack.\n"

    func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let high = UInt8(unit >> 8)
            let low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }

    func expectSample(_ article: ParsedArticle) {
        #expect(article.title == "Iran denies involvement")
        #expect(article.paragraphs == ["The foreign ministry said on Tuesday that it had “no role” in the attack."])
    }

    @Test func utf8_withBOM_decodesWithoutTheBOM() throws {
        let article = try parser.parse([0xEF, 0xBB, 0xBF] + Array(sample.utf8), format: .text, modified: nil)
        expectSample(article)
        #expect(article.warnings.isEmpty)
    }

    @Test func utf8_withBOMAndDateHeader_readsTheHeader() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array(" date 2020-01-03 \(sample)".utf8)
        let article = try parser.parse(bytes, format: .text, modified: nil)
        #expect(article.published == day("2020-01-03"))
        #expect(article.publishedSource == .header)
    }

    @Test func utf16LittleEndian_withBOM_decodes() throws {
        let article = try parser.parse(utf16(sample, bigEndian: false), format: .text, modified: nil)
        expectSample(article)
        #expect(article.warnings.isEmpty)
    }

    @Test func utf16BigEndian_withBOM_decodes() throws {
        let article = try parser.parse(utf16(sample, bigEndian: true), format: .text, modified: nil)
        expectSample(article)
        #expect(article.warnings.isEmpty)
    }

    @Test func utf16_withSurrogatePairs_decodesAstralCharacters() throws {
        let text = "Protesters posted 🔥 photos of the embassy gate on Tuesday night.\n"
        let article = try parser.parse(utf16(text, bigEndian: false), format: .text, modified: nil)
        #expect(article.paragraphs == ["Protesters posted 🔥 photos of the embassy gate on Tuesday night."])
    }

    @Test func utf16_withoutBOM_isRecognisedWithAWarning() throws {
        let article = try parser.parse(
            Array(utf16(sample, bigEndian: false).dropFirst(2)), format: .text, modified: nil)
        expectSample(article)
        #expect(article.warnings.contains { $0.contains("UTF-16LE without a byte-order mark") })
    }

    @Test func invalidUTF8_fallsBackToWindows1252WithAWarning() throws {
        // 0x93 and 0x94 are Windows-1252 curly double quotes; 0x92 is its apostrophe.
        let bytes =
            Array("The ministry said it had ".utf8) + [0x93] + Array("no role".utf8) + [0x94]
            + Array(" in the attack and didn".utf8) + [0x92] + Array("t know more.".utf8)
        let article = try parser.parse(bytes, format: .text, modified: nil)
        #expect(article.paragraphs == ["The ministry said it had “no role” in the attack and didn’t know more."])
        #expect(article.warnings.count == 1)
        #expect(article.warnings.first?.contains("Windows-1252") == true)
        #expect(article.warnings.first?.contains("offset 25") == true)
    }

    @Test func windows1252_latinLetters_becomeTheirUnicodeLetters() throws {
        // "Café" and "señor" in Windows-1252 / Latin-1.
        let bytes =
            Array("The caf".utf8) + [0xE9] + Array(" owner told the se".utf8) + [0xF1] + Array("or to leave.".utf8)
        let article = try parser.parse(bytes, format: .text, modified: nil)
        #expect(article.paragraphs == ["The café owner told the señor to leave."])
    }

    @Test func crlfLineEnds_areNormalised() throws {
        let text =
            "Iran denies involvement\r\n\r\nFirst paragraph of the story ends here.\r\n\r\nSecond paragraph ends here.\r\n"
        let article = try parseText(text)
        #expect(article.title == "Iran denies involvement")
        #expect(article.paragraphs == ["First paragraph of the story ends here.", "Second paragraph ends here."])
        #expect(!article.body.contains("\r"))
    }

    @Test func loneCRLineEnds_areNormalised() throws {
        let text =
            "Iran denies involvement\r\rFirst paragraph of the story ends here.\rSecond line is its own paragraph.\r"
        let article = try parseText(text)
        #expect(article.title == "Iran denies involvement")
        #expect(article.paragraphs == ["First paragraph of the story ends here.", "Second line is its own paragraph."])
    }

    @Test func emptyFile_isAnEmptyError() {
        let error = #expect(throws: ArticleParseError.self) {
            try parser.parse([], format: .text, modified: nil)
        }
        #expect(error?.code == .empty)
        #expect(error?.message.contains("empty") == true)
        #expect(error?.message.contains("write the article") == true)
    }

    @Test func whitespaceOnlyFile_isAnEmptyError() {
        let error = #expect(throws: ArticleParseError.self) {
            try parser.parse(Array(" \n\t\r\n  \u{00A0}\n".utf8), format: .text, modified: nil)
        }
        #expect(error?.code == .empty)
        #expect(error?.message.contains("only whitespace") == true)
    }

    @Test func dateHeaderWithoutText_isAnEmptyError() {
        let error = #expect(throws: ArticleParseError.self) {
            try parser.parse(Array(" date 2020-01-02 \n\n".utf8), format: .text, modified: nil)
        }
        #expect(error?.code == .empty)
        #expect(error?.message.contains("date header") == true)
    }

    @Test func nulBytes_areABinaryErrorNamingTheOffset() {
        var bytes = Array("PK some archive header".utf8)
        bytes[12] = 0
        bytes += [0x00, 0x01, 0xFF, 0xFE, 0x00, 0x17]
        let error = #expect(throws: ArticleParseError.self) {
            try parser.parse(bytes, format: .text, modified: nil)
        }
        #expect(error?.code == .binary)
        #expect(error?.message.contains("NUL bytes at offset 12") == true)
        #expect(error?.message.contains("Tidings reads UTF-8, UTF-16 or Windows-1252 text") == true)
    }

    @Test func manyControlCharacters_areABinaryError() {
        let bytes: [UInt8] = (0..<200).map { UInt8(($0 * 7) % 31 + 1) }
        let error = #expect(throws: ArticleParseError.self) {
            try parser.parse(bytes, format: .text, modified: nil)
        }
        #expect(error?.code == .binary)
        #expect(error?.message.contains("control characters") == true)
    }

    @Test func fewStrayControlCharacters_areDroppedWithAWarning() throws {
        let bytes = Array("The embassy was attacked on Tuesday".utf8) + [0x1A] + Array(" by protesters.".utf8)
        let article = try parser.parse(bytes, format: .text, modified: nil)
        #expect(article.paragraphs == ["The embassy was attacked on Tuesday by protesters."])
        #expect(article.warnings.contains { $0.contains("control character") })
    }
}
