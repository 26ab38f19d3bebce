/// A sentence: a token range, and the quoted post it belongs to when its block ends with a post signature.
struct Sentence: Sendable {
    var start: Int
    var end: Int
    var block: Int32
    /// Index into the document's quoted posts.
    var post: Int?
}

/// A quoted post found at the end of a block: `text — Author (@handle) Month D, YYYY`.
struct PostSignature: Sendable {
    /// Token index of the dash that starts the signature; the post's sentences end before it.
    var dash: Int
    var authorStart: Int
    var authorEnd: Int
    var handle: Int?
    var dateStart: Int
    var end: Int
}

/// Splits a token stream into sentences. A period ends a sentence unless it belongs to an abbreviation or an
/// initial (`Gen.`, `Dec.`, `Mr.`, `J.`, kept inside those tokens by the tokenizer) or to an acronym such as
/// `U.S.` followed by anything but a capitalized sentence starter; decimals are single number tokens; closing
/// quotes stay with their sentence; a newline always ends a sentence; a post signature is cut off.
struct SentenceSplitter {
    let lexicon: Lexicon

    func split(_ tokens: [Token]) -> (sentences: [Sentence], posts: [PostSignature]) {
        var sentences: [Sentence] = []
        var posts: [PostSignature] = []
        var blockStart = 0
        while blockStart < tokens.count {
            let block = tokens[blockStart].block
            var blockEnd = blockStart
            while blockEnd < tokens.count && tokens[blockEnd].block == block { blockEnd += 1 }
            var contentEnd = blockEnd
            var postIndex: Int?
            if let post = signature(tokens, blockStart, blockEnd) {
                posts.append(post)
                postIndex = posts.count - 1
                contentEnd = post.dash
            }
            var start = blockStart
            var i = blockStart
            while i < contentEnd {
                let token = tokens[i]
                var boundary = false
                switch token.kind {
                case .period, .exclamation, .question:
                    boundary = true
                case .word where token.flags.contains(.period) && !token.flags.contains(.abbreviation):
                    if i + 1 < contentEnd, tokens[i + 1].kind == .word, tokens[i + 1].flags.contains(.capitalized),
                        lexicon.wordClass(tokens[i + 1].id).contains(.sentenceStarter)
                    {
                        boundary = true
                    }
                default:
                    break
                }
                i += 1
                if boundary {
                    // Closing quotes and brackets belong to the sentence they close.
                    while i < contentEnd && (tokens[i].kind == .quote || tokens[i].kind == .closeParen)
                        && (i + 1 == contentEnd || tokens[i + 1].start > tokens[i].end
                            || tokens[i + 1].kind != .word)
                    {
                        i += 1
                    }
                    sentences.append(Sentence(start: start, end: i, block: block, post: postIndex))
                    start = i
                }
            }
            if start < contentEnd {
                sentences.append(Sentence(start: start, end: contentEnd, block: block, post: postIndex))
            }
            blockStart = blockEnd
        }
        return (sentences, posts)
    }

    /// `— Donald J. Trump (@realDonaldTrump) December 31, 2019` at the end of a block.
    private func signature(_ tokens: [Token], _ start: Int, _ end: Int) -> PostSignature? {
        guard end - start >= 6 else { return nil }
        let last = tokens[end - 1]
        guard last.kind == .number, (1900...2100).contains(last.value) else { return nil }
        var close = end - 2
        while close > start && tokens[close].kind != .closeParen && end - close < 8 { close -= 1 }
        guard close > start + 2, tokens[close].kind == .closeParen else { return nil }
        var open = close - 1
        while open > start && tokens[open].kind != .openParen && close - open < 4 { open -= 1 }
        guard tokens[open].kind == .openParen else { return nil }
        var dash = open - 1
        while dash > start && tokens[dash].kind != .dash && open - dash < 8 { dash -= 1 }
        guard tokens[dash].kind == .dash, dash > start else { return nil }
        var handle: Int?
        for k in open + 1..<close where tokens[k].flags.contains(.handle) { handle = k }
        return PostSignature(
            dash: dash, authorStart: dash + 1, authorEnd: open, handle: handle, dateStart: close + 1, end: end)
    }
}
