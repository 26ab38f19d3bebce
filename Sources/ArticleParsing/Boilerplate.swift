/// Recognises the page furniture that copying an article from a web page drags along, in the spirit of jusText and
/// trafilatura: rules about short blocks, not about particular sites.
///
/// A paragraph candidate is boilerplate when it is (long paragraphs are always content):
/// - made of symbols only (`* * *`, `|`, `•`), or a single token of at most 4 characters (`XS`, `SM`, `MD`, `LG`);
/// - a navigation or widget label on a line of its own (`Accessibility links`, `Skip to content`, `Breaking News`,
///   `Share this article`, `Advertisement`, `Read more`, `Most popular`…);
/// - a credit, caption or promotion line (`Based on reporting by DPA, AFP`, `Reporting by …; Editing by …`,
///   `Photo: …`, `© 2020 …`, `Sign up for …`, `Read more: …`);
/// - a breadcrumb trail (`News › World › Middle East`) or a byline (`By Jane Doe`);
/// - a dateline (`Published January 2, 2020 10:00 ET`, `Wednesday, 1 January 2020`), whose date the parser keeps.
///
/// Position-based rules (short lines before the title and after the last paragraph) and duplicate removal
/// live in ``ArticleAssembler``.
enum Boilerplate {
    enum Verdict: Equatable {
        case content
        case boilerplate
        /// A line that only gives a date: not a paragraph, but the best hint of the publication day.
        case dateline(CalendarDay)
    }

    /// Lines longer than this are always content: boilerplate is short.
    static let shortLimit = 200

    static func classify(_ line: ArraySlice<UInt8>) -> Verdict {
        guard line.count <= shortLimit else { return .content }
        let words = ByteText.wordCount(line)
        if isSymbolsOnly(line) { return .boilerplate }
        if words == 1, ByteText.scalarCount(line) <= 4, !endsSentence(line) { return .boilerplate }
        if words <= 12, let day = datelineDay(line) { return .dateline(day) }
        if line.count <= 48, labels.contains(label(line)) { return .boilerplate }
        if let first = line.first {
            let initial = ByteText.lowercased(first)
            for prefix in prefixes where prefix[0] == initial && ByteText.hasPrefix(line, lowercase: prefix) {
                return .boilerplate
            }
        }
        for fragment in fragments where ByteText.firstIndex(of: fragment, in: line) != nil { return .boilerplate }
        if words <= 12, separatorCount(line) >= 2 { return .boilerplate }
        if words <= 8, isByline(line) { return .boilerplate }
        return .content
    }

    /// Labels that are boilerplate when they make up a whole line (compared in lowercase, without trailing
    /// punctuation).
    static let labels: Set<String> = [
        "accessibility links", "skip to content", "skip to main content", "skip to navigation", "skip navigation",
        "jump to content", "toggle navigation", "open menu", "close menu", "main menu", "menu", "navigation",
        "search", "close", "home", "sign in", "log in", "login", "sign up", "subscribe", "newsletter",
        "breaking news", "live", "top stories", "latest news", "more stories", "more on this story", "most read",
        "most popular", "trending", "trending now", "related", "related articles", "related stories",
        "related content", "related topics", "see also", "read more", "read next", "continue reading", "show more",
        "load more", "back to top", "next article", "previous article", "next", "previous",
        "share", "share this", "share this article", "share this story", "share this page", "share article",
        "share on facebook", "share on twitter", "share via email", "copy link", "link copied", "tweet", "email",
        "print", "save", "bookmark", "comments", "comment", "view comments", "facebook", "twitter", "whatsapp",
        "linkedin", "reddit", "telegram", "follow us", "advertisement", "advertising", "ad", "sponsored",
        "sponsored content", "promoted", "paid content", "cookie settings", "accept cookies", "privacy policy",
        "terms of use", "terms of service", "contact us", "about us", "all rights reserved", "topics", "tags",
        "watch", "listen", "video", "image", "photo", "getty images", "reuters", "ap", "afp", "text size",
        "font size", "listen to this article", "image copyright", "image caption",
        "media playback is unsupported on your device",
    ]

    /// Line starts that mark credits, captions and promotions (lowercase).
    static let prefixes: [[UInt8]] = [
        "based on reporting by", "reporting by", "additional reporting by", "(reporting by", "editing by",
        "writing by", "compiled by", "photo:", "photo by", "photos:", "photograph:", "image:", "image source",
        "image caption", "image copyright", "picture:", "file photo", "copyright 19", "copyright 20",
        "copyright (c)", "copyright \u{00A9}", "(c) 19", "(c) 20", "follow us on",
        "follow @", "click here", "sign up for", "sign up to", "subscribe to", "subscribe for", "read more:",
        "read more at", "read also:", "also read:", "read next:", "related:", "related article:", "see also:",
        "share this", "share on ", "share via", "sponsored by", "advertisement -", "we use cookies",
        "this site uses cookies", "by using this site", "this story has been updated",
        "this article was originally published", "this article originally appeared", "more:", "watch:",
        "listen:", "tags:", "topics:", "filed under",
    ].map { Array($0.utf8) }

    /// Fragments that mark a short line as a credit wherever they appear.
    static let fragments: [[UInt8]] = ["\u{00A9}", "all rights reserved", "All rights reserved"].map { Array($0.utf8) }

    /// The line in lowercase without trailing punctuation, for comparison with ``labels``.
    private static func label(_ line: ArraySlice<UInt8>) -> String {
        var end = line.endIndex
        while end > line.startIndex {
            switch line[end - 1] {
            case UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"),
                UInt8(ascii: " "):
                end -= 1
                continue
            default:
                break
            }
            break
        }
        return String(decoding: line[line.startIndex..<end].lazy.map(ByteText.lowercased), as: UTF8.self)
    }

    private static func isSymbolsOnly(_ line: ArraySlice<UInt8>) -> Bool {
        var hasNonASCII = false
        for byte in line {
            if ByteText.isAlphanumeric(byte) { return false }
            if byte >= 0x80 { hasNonASCII = true }
        }
        guard hasNonASCII else { return true }
        for scalar in String(decoding: line, as: UTF8.self).unicodeScalars
        where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            return false
        }
        return true
    }

    static func endsSentence(_ line: ArraySlice<UInt8>) -> Bool {
        switch ByteText.lastSignificantScalar(line) {
        case ".", "!", "?", "\u{2026}": return true
        default: return false
        }
    }

    /// Counts breadcrumb separators: ` | `, ` > `, ` » `, ` › `, ` / `, ` • `.
    private static func separatorCount(_ line: ArraySlice<UInt8>) -> Int {
        var count = 0
        var index = line.startIndex
        while index + 2 < line.endIndex {
            if line[index] == 0x20 {
                var next = index + 1
                switch line[next] {
                case UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "/"):
                    next += 1
                case 0xC2 where line[next + 1] == 0xBB:  // »
                    next += 2
                case 0xE2
                where next + 2 < line.endIndex && line[next + 1] == 0x80
                    && (line[next + 2] == 0xBA || line[next + 2] == 0xA2):  // › •
                    next += 3
                default:
                    index += 1
                    continue
                }
                if next < line.endIndex, line[next] == 0x20 { count += 1 }
                index = next
                continue
            }
            index += 1
        }
        return count
    }

    private static let byPrefix = Array("by ".utf8)

    /// `By Jane Doe`, `By Jane Doe and John Roe, Reuters`: `By` and a capitalised name, no sentence end.
    private static func isByline(_ line: ArraySlice<UInt8>) -> Bool {
        let start = line.startIndex
        guard line.count > 4, ByteText.hasPrefix(line, lowercase: byPrefix), ByteText.isUpper(line[start + 3])
        else { return false }
        return !endsSentence(line)
    }

    private static let datelineWords: Set<String> = [
        "published", "updated", "posted", "last", "first", "date", "dated", "on", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    ]

    /// The day of a line that is only a date, optionally after `Published`, `Updated:`, a weekday and the like,
    /// and optionally followed by a time and zone (at most 4 short words).
    static func datelineDay(_ line: ArraySlice<UInt8>) -> CalendarDay? {
        guard line.count <= 80 else { return nil }
        var index = line.startIndex
        var skipped = 0
        while index < line.endIndex, skipped < 4 {
            if let date = PublicationDate.date(at: index, in: line) {
                let rest = line[date.end...]
                guard rest.count <= 24, ByteText.wordCount(rest) <= 4 else { return nil }
                return date.day
            }
            var end = index
            while end < line.endIndex, ByteText.isLetter(line[end]) { end += 1 }
            guard end > index,
                datelineWords.contains(String(decoding: line[index..<end].lazy.map(ByteText.lowercased), as: UTF8.self))
            else { return nil }
            skipped += 1
            index = end
            while index < line.endIndex,
                ByteText.isBlank(line[index]) || line[index] == UInt8(ascii: ":") || line[index] == UInt8(ascii: ",")
            {
                index += 1
            }
        }
        return nil
    }
}
