/// One token of an article body: a word, a number or a punctuation mark, located by UTF-8 byte offsets.
struct Token: Sendable {
    enum Kind: UInt8, Sendable {
        case word, number, period, comma, semicolon, colon, exclamation, question, quote, dash
        case openParen, closeParen, possessive, ellipsis, other
    }

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// Starts with an ASCII capital letter.
        static let capitalized = Flags(rawValue: 1)
        /// `#Iran`: the key is the word without `#`.
        static let hashtag = Flags(rawValue: 2)
        /// `@SecPompeo`: the key keeps the `@`.
        static let handle = Flags(rawValue: 4)
        /// Ends with a period that is part of the token: `U.S.`, `Dec.`, `Gen.`, the initial `J.`.
        static let period = Flags(rawValue: 8)
        /// Every letter is a capital (`US`, `IRGC`, `PRICE`).
        static let allCaps = Flags(rawValue: 16)
        /// The period is an abbreviation's or an initial's (`Gen.`, `J.`), not an acronym's.
        static let abbreviation = Flags(rawValue: 32)
        /// `pro-Iran`, `Iran-backed`: names a backer, not the actor.
        static let affiliation = Flags(rawValue: 64)
        /// Ends in "ly": read as an adverb that may sit inside a verb group ("was partly vandalised").
        static let adverb = Flags(rawValue: 128)
    }

    var start: Int32
    var end: Int32
    /// Vocabulary id of the lowercased word (`’` read as `'`), or -1.
    var id: Int32
    var kind: Kind
    var flags: Flags
    /// Counts newlines before the token: tokens of different blocks never share a sentence.
    var block: Int32
    /// For numbers: the value of the leading digits (capped), else 0.
    var value: Int32
}
