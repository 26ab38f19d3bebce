import ArticleParsing
import Foundation
import Testing

@testable import EventExtraction

/// One extractor for all tests: dictionaries are compiled once.
let sharedExtractor: EventExtractor = {
    do {
        return try EventExtractor.loadDefault(userFolder: nil)
    } catch {
        fatalError("bundled dictionaries failed to load: \(error)")
    }
}()

/// An article of one paragraph per string, published on `published` (YYYY-MM-DD).
func article(_ paragraphs: [String], published: String = "2020-01-09") -> ParsedArticle {
    ParsedArticle(
        title: nil, published: CalendarDay(iso: published), publishedSource: .header, paragraphs: paragraphs)
}

func events(_ text: String, published: String = "2020-01-09") -> [ExtractedEvent] {
    sharedExtractor.extract(from: article([text], published: published))
}

func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }

/// The sentences the extractor reads in a text.
func sentences(_ text: String) -> [String] {
    let lexicon = sharedExtractor.dictionaries.lexicon
    var bytes = Array(text.utf8)
    let tokens = bytes.withUnsafeMutableBufferPointer { lexicon.tokenizer.tokenize(UnsafeBufferPointer($0)) }
    let (found, _) = SentenceSplitter(lexicon: lexicon).split(tokens)
    return found.map {
        String(decoding: bytes[Int(tokens[$0.start].start)..<Int(tokens[$0.end - 1].end)], as: UTF8.self)
    }
}

/// The first date expression in a text, resolved against `reference`.
func resolvedDate(_ text: String, reference: String) -> EventDate? {
    let lexicon = sharedExtractor.dictionaries.lexicon
    var bytes = Array(text.utf8)
    let tokens = bytes.withUnsafeMutableBufferPointer { lexicon.tokenizer.tokenize(UnsafeBufferPointer($0)) }
    return DateResolver(lexicon: lexicon).find(in: tokens, 0, tokens.count, reference: day(reference)).first?.date
}

/// The five seed articles of /work/shared/corpus/seeds, read as the parser would give them: the ` date …`
/// header becomes `published`, lines become paragraphs. 003 and 004 have no header: they are taken as
/// published on 2019-12-31 (the day of the embassy attack it reports as "Tuesday") and 2020-01-09 (a
/// Thursday: "early Wednesday" is 2020-01-08).
enum Seeds {
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus/seeds")
    static let assumedDates = ["003": "2019-12-31", "004": "2020-01-09"]

    static func load(_ prefix: String) throws -> ParsedArticle {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        guard let name = names.first(where: { $0.hasPrefix(prefix) }) else {
            throw SeedError(message: "seed \(prefix)_* missing in \(folder.path)")
        }
        var text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        var published = assumedDates[prefix].flatMap { CalendarDay(iso: $0) }
        if text.hasPrefix(" date ") {
            published = CalendarDay(iso: text.dropFirst(6).prefix(10))
            text = String(text.dropFirst(16))
        }
        let paragraphs = text.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return ParsedArticle(title: nil, published: published, publishedSource: .header, paragraphs: paragraphs)
    }

    static func events(_ prefix: String) throws -> [ExtractedEvent] {
        sharedExtractor.extract(from: try load(prefix))
    }
}

struct SeedError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

extension [ExtractedEvent] {
    /// Each event as its code, sides and day, for a failing expectation's message.
    var described: String {
        "\(map { "\($0.code) \($0.source?.code ?? "-")→\($0.target?.code ?? "-") \($0.date?.day.description ?? "-")" })"
    }

    /// Whether an event has root code `root` and sides whose codes start with `source` and `target` (nil: any,
    /// including none).
    func contains(root: String, source: String?, target: String?) -> Bool {
        contains { event in
            event.code.rootCode == root && (source.map { event.source?.code.hasPrefix($0) == true } ?? true)
                && (target.map { event.target?.code.hasPrefix($0) == true } ?? true)
        }
    }

    /// Events whose root code is one of `roots` and whose actors' codes start with the given prefixes.
    func matching(roots: Set<String>, source: String? = nil, target: String? = nil, on date: String? = nil)
        -> [ExtractedEvent]
    {
        filter { e in
            roots.contains(e.code.rootCode)
                && (source.map { (e.source?.code ?? "").hasPrefix($0) } ?? true)
                && (target.map { (e.target?.code ?? "").hasPrefix($0) } ?? true)
                && (date.map { e.date?.day == CalendarDay(iso: $0) } ?? true)
        }
    }
}
