import ArticleParsing
import Foundation

/// The real seed articles in `/work/shared/corpus/seeds`, found relative to this file: the package root's
/// sibling `shared/corpus/seeds`.
enum SeedCorpus {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    static var directory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // ArticleParsingTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("../shared/corpus/seeds")
            .standardized
    }

    /// The bytes of the seed whose file name starts with `number` (`"003"`).
    static func bytes(_ number: String) throws -> [UInt8] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw Missing(description: "the seed corpus is missing: expected the seed articles in \(directory.path)")
        }
        guard let name = names.sorted().first(where: { $0.hasPrefix(number + "_") }),
            let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
        else {
            throw Missing(description: "no seed \(number)_*.txt in \(directory.path)")
        }
        return [UInt8](data)
    }

    static func parse(_ number: String, modified: CalendarDay? = nil) throws -> ParsedArticle {
        try ArticleParser().parse(bytes(number), format: .text, modified: modified)
    }
}

func day(_ iso: String) -> CalendarDay {
    CalendarDay(iso: iso)!
}

func parseText(_ text: String, modified: CalendarDay? = nil) throws -> ParsedArticle {
    try ArticleParser().parse(Array(text.utf8), format: .text, modified: modified)
}
