import ArticleParsing
import FuzzDriver

/// Feeds each input to ``ArticleParser`` as a text, an HTML and a JSON file. Any parse may throw
/// ``ArticleParseError``; a crash, a trap or a memory error is a bug.
@main
enum FuzzArticleParser {
    static func main() {
        runLibFuzzer(testOneInput)
    }

    static func parse(_ bytes: [UInt8]) {
        let parser = ArticleParser()
        let modified = CalendarDay(year: 2020, month: 1, day: 8)
        for format in ArticleFormat.allCases {
            guard let article = try? parser.parse(bytes, format: format, modified: modified) else { continue }
            // Touch what the daemon reads from an article, so lazily computed parts run too.
            _ = (article.title, article.body, article.statements.count, article.warnings.count)
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzArticleParser.parse(fuzzInput(data, size))
    return 0
}
