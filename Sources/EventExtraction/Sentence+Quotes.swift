extension Sentence {
    /// Whether the token at `k` is inside double quotes. A sentence with an odd number of them that does not open
    /// on one starts inside a quotation begun in the sentence before ("We are ready. Today we start," he said.).
    func isQuoted(_ k: Int, tokens: [Token], bytes: [UInt8]) -> Bool {
        let quotes = (start..<end).filter { tokens[$0].kind == .quote && Sentence.isDoubleQuote(tokens[$0], bytes) }
        var open = quotes.count % 2 == 1 && quotes.first != start
        for j in quotes where j < k { open.toggle() }
        return open
    }

    /// `"`, `“` or `”`: a single quote is as often an apostrophe ("protesters' demands").
    private static func isDoubleQuote(_ token: Token, _ bytes: [UInt8]) -> Bool {
        let first = bytes[Int(token.start)]
        return first == UInt8(ascii: "\"")
            || (token.end - token.start == 3 && [0x9C, 0x9D].contains(bytes[Int(token.start) + 2]))
    }
}
