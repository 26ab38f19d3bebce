/// Finds the headline of a plain-text article.
///
/// The rule: look at the *leading run*, the lines before the first body paragraph (boilerplate already removed).
/// A line belongs to the leading run when it reads like a heading, or is a short fragment of at most three words
/// that does not end a sentence. The title is the heading-like line of the leading run with the most words
/// (the first one on a tie), provided a body paragraph follows. The other lines of the leading run are page
/// furniture (section names, kickers) and are dropped. Headings later in the body are subheadings and stay
/// paragraphs. When the text starts right away with a body paragraph, there is no title.
///
/// A line reads like a heading when it has 2–30 words (at most 300 bytes), does not start in lowercase, does not
/// end in `.`, `!`, `…`, `,`, `;` or `:` (a question mark is fine) and is not a quoted post.
enum TitleDetection {
    struct Result {
        /// The index of the title among the candidates, if any.
        var title: Int?
        /// How many candidates make up the leading run (the title included).
        var leadingCount: Int
    }

    static func detect(in candidates: [ArraySlice<UInt8>]) -> Result {
        var best: Int?
        var bestWords = 0
        var index = 0
        while index < candidates.count {
            let line = candidates[index]
            let words = ByteText.wordCount(line)
            if isHeadingLike(line, words: words) {
                if words > bestWords {
                    best = index
                    bestWords = words
                }
            } else if !(words <= 3 && !Boilerplate.endsSentence(line)) {
                break
            }
            index += 1
        }
        // A title needs a body after it.
        guard best != nil, index < candidates.count else { return Result(title: nil, leadingCount: 0) }
        return Result(title: best, leadingCount: index)
    }

    static func isHeadingLike(_ line: ArraySlice<UInt8>, words: Int) -> Bool {
        guard line.count <= 300, (2...30).contains(words),
            let first = ByteText.firstSignificantScalar(line), !first.properties.isLowercase
        else { return false }
        switch ByteText.lastSignificantScalar(line) {
        case ".", "!", "\u{2026}", ",", ";", ":", nil: return false
        default: break
        }
        return QuotedPostScanner.signature(in: line) == nil
    }
}
