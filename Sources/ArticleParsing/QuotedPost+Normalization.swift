extension QuotedPost {
    /// The post's text reduced to what survives being copied by different sites: the key to deduplicate one post
    /// quoted by several articles.
    ///
    /// Letters are lowercased; punctuation and symbols are removed (so `We’ll` and `We'll` both give `well`,
    /// `#Iran` gives `iran`, `U.S.` gives `us`); runs of whitespace become one space; links (`https://…`,
    /// `pic.twitter.com/…`, `t.co/…`, `www.…`), which differ from copy to copy, are dropped.
    public var normalizedText: String { Self.normalize(text) }

    /// The normalisation behind ``normalizedText``, for any text.
    public static func normalize(_ text: some StringProtocol) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for token in text.split(whereSeparator: { $0.isWhitespace }) where !isLink(token) {
            var piece = String.UnicodeScalarView()
            for scalar in token.unicodeScalars {
                if scalar.isASCII {
                    let value = UInt8(scalar.value)
                    if ByteText.isAlphanumeric(value) { piece.append(Unicode.Scalar(ByteText.lowercased(value))) }
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    piece.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                }
            }
            // A token of punctuation only (a dash, an ellipsis) leaves no trace, not even its space.
            guard !piece.isEmpty else { continue }
            if !output.isEmpty { output.append(" ") }
            output.unicodeScalars.append(contentsOf: piece)
        }
        return output
    }

    private static func isLink(_ token: some StringProtocol) -> Bool {
        let lowered = token.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("www.")
            || lowered.hasPrefix("pic.twitter.com/") || lowered.hasPrefix("t.co/")
    }
}
