/// Splits UTF-8 text into ``Token``s in one pass over the bytes. Words are looked up in the vocabulary as
/// they are read (lowercased, `’` read as `'`), so later stages compare integers, never strings.
struct Tokenizer {
    let vocabulary: Vocabulary
    /// Word ids whose trailing period belongs to the word (`Mr.`, `Gen.`, `Dec.`).
    let abbreviations: Set<Int32>

    /// `pro-Iran`, `Iran-backed`, `US-led`, `anti-government`: modifiers that name a backer, not the actor.
    static func isAffiliation(_ key: [UInt8], _ length: Int) -> Bool {
        func hasPrefix(_ p: String) -> Bool {
            let u = Array(p.utf8)
            return length > u.count && Array(key[0..<u.count]) == u
        }
        func hasSuffix(_ p: String) -> Bool {
            let u = Array(p.utf8)
            return length > u.count && Array(key[length - u.count..<length]) == u
        }
        return hasPrefix("pro-") || hasPrefix("anti-") || hasSuffix("-backed") || hasSuffix("-led")
            || hasSuffix("-aligned") || hasSuffix("-allied") || hasSuffix("-linked") || hasSuffix("-affiliated")
            || hasSuffix("-supported") || hasSuffix("-funded") || hasSuffix("-sponsored")
    }

    func tokenize(_ text: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.count / 4)
        var scratch = [UInt8](repeating: 0, count: 64)
        var block: Int32 = 0
        let n = text.count
        var i = 0

        func byte(_ k: Int) -> UInt8 { k < n ? text[k] : 0 }
        func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        // Length of a special punctuation sequence at k (curly quotes, dashes, ellipsis, no-break space), or 0.
        func special(_ k: Int) -> Int {
            let b = byte(k)
            if b == 0xE2 && byte(k + 1) == 0x80 {
                switch byte(k + 2) {
                case 0x80...0x8F, 0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D, 0xA6, 0xA8, 0xAF: return 3
                default: return 0
                }
            }
            if b == 0xC2 && (byte(k + 1) == 0xA0 || byte(k + 1) == 0xAB || byte(k + 1) == 0xBB) { return 2 }
            return 0
        }
        func isApostrophe(_ k: Int) -> Int {
            if byte(k) == 39 { return 1 }
            if byte(k) == 0xE2 && byte(k + 1) == 0x80 && byte(k + 2) == 0x99 { return 3 }
            return 0
        }
        func isWordStart(_ k: Int) -> Bool {
            let b = byte(k)
            if isASCIILetter(b) { return true }
            return b >= 0xC0 && special(k) == 0
        }
        func continuesAfterApostrophe(_ k: Int) -> Bool {
            guard isWordStart(k) else { return false }
            // "Iran's" is a word and a possessive; "Kata'ib" and "didn't" are one word.
            if (byte(k) | 0x20) == 115 && !isWordStart(k + 1) { return false }
            return true
        }
        func utf8Length(_ b: UInt8) -> Int { b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1 }

        func append(_ kind: Token.Kind, _ start: Int, _ end: Int) {
            tokens.append(Token(
                start: Int32(start), end: Int32(end), id: -1, kind: kind, flags: [], block: block, value: 0))
        }

        while i < n {
            let b = text[i]
            if b == 10 {
                block += 1
                i += 1
                continue
            }
            if b == 32 || b == 9 || b == 13 || b == 12 {
                i += 1
                continue
            }
            let sigil = (b == 35 || b == 64) && isWordStart(i + 1)
            if isWordStart(i) || sigil {
                let start = i
                var j = sigil ? i + 1 : i
                let letterStart = j
                // Acronyms with periods: U.S., D.C., U.N.
                if isASCIILetter(byte(j)) && byte(j + 1) == 46 && isASCIILetter(byte(j + 2)) && byte(j + 3) == 46 {
                    while isASCIILetter(byte(j)) && byte(j + 1) == 46 { j += 2 }
                } else {
                    scan: while j < n {
                        let c = text[j]
                        if c < 0x80 {
                            if isASCIILetter(c) || isDigit(c) {
                                j += 1
                            } else if c == 45 && (isWordStart(j + 1) || isDigit(byte(j + 1))) {
                                j += 1
                            } else if c == 39 {
                                if !continuesAfterApostrophe(j + 1) { break scan }
                                j += 1
                            } else {
                                break scan
                            }
                        } else if special(j) != 0 {
                            guard isApostrophe(j) == 3, continuesAfterApostrophe(j + 3) else { break scan }
                            j += 3
                        } else {
                            j += utf8Length(c)
                        }
                    }
                }
                var end = min(j, n)
                // Key: lowercased, curly apostrophe read as straight, without a hashtag's '#'.
                var length = 0
                var k = b == 35 ? letterStart : start
                var flags: Token.Flags = []
                var upper = 0
                var lower = 0
                while k < end && length < 64 {
                    let c = text[k]
                    if c == 0xE2 && isApostrophe(k) == 3 {
                        scratch[length] = 39
                        k += 3
                    } else {
                        if c >= 65 && c <= 90 { upper += 1 } else if c >= 97 && c <= 122 { lower += 1 }
                        scratch[length] = (c >= 65 && c <= 90) ? c | 0x20 : c
                        k += 1
                    }
                    length += 1
                }
                var id: Int32 = -1
                if k >= end {
                    id = scratch.withUnsafeBufferPointer { vocabulary.lookup(UnsafeBufferPointer(rebasing: $0[0..<length])) }
                }
                let first = text[letterStart]
                if first >= 65 && first <= 90 { flags.insert(.capitalized) }
                if upper > 0 && lower == 0 { flags.insert(.allCaps) }
                if b == 35 { flags.insert(.hashtag) }
                if length > 3 && scratch[length - 1] == 121 && scratch[length - 2] == 108 { flags.insert(.adverb) }
                if length > 5, scratch[0..<length].contains(45), Tokenizer.isAffiliation(scratch, length) {
                    flags.insert(.affiliation)
                }
                if b == 64 { flags.insert(.handle) }
                if byte(end - 1) == 46 { flags.insert(.period) }
                // "Gen." "Dec." "Mr." and initials ("Donald J. Trump") keep their period.
                if byte(end) == 46 && !flags.contains(.period) {
                    let initial = end - letterStart == 1 && first >= 65 && first <= 90
                    if initial || (id >= 0 && abbreviations.contains(id)) {
                        end += 1
                        flags.insert([.period, .abbreviation])
                    }
                }
                tokens.append(Token(
                    start: Int32(start), end: Int32(end), id: id, kind: .word, flags: flags, block: block, value: 0))
                i = end
                // Possessive: "Iran's", "corps'", "U.S.'".
                let apostrophe = isApostrophe(i)
                if apostrophe > 0 {
                    if (byte(i + apostrophe) | 0x20) == 115 && !isWordStart(i + apostrophe + 1) {
                        append(.possessive, i, i + apostrophe + 1)
                        i += apostrophe + 1
                    } else if !isWordStart(i + apostrophe), (byte(i - 1) | 0x20) == 115 || byte(i - 1) == 46 {
                        append(.possessive, i, i + apostrophe)
                        i += apostrophe
                    }
                }
                continue
            }
            if isDigit(b) {
                let start = i
                var value = 0
                var j = i
                var inLeading = true
                while j < n {
                    let c = text[j]
                    if isDigit(c) {
                        if inLeading && value < 100_000_000 { value = value * 10 + Int(c - 48) }
                        j += 1
                    } else if (c == 44 || c == 46 || c == 58) && isDigit(byte(j + 1)) {
                        inLeading = false
                        j += 1
                    } else {
                        break
                    }
                }
                // Ordinals: 31st, 2nd, 3rd, 4th.
                let s0 = byte(j) | 0x20
                let s1 = byte(j + 1) | 0x20
                if (s0 == 115 && s1 == 116) || (s0 == 110 && s1 == 100) || (s0 == 114 && s1 == 100)
                    || (s0 == 116 && s1 == 104), !isWordStart(j + 2)
                {
                    j += 2
                }
                tokens.append(Token(
                    start: Int32(start), end: Int32(j), id: -1, kind: .number, flags: [], block: block,
                    value: Int32(value)))
                i = j
                continue
            }
            let specialLength = special(i)
            if specialLength > 0 {
                if specialLength == 3 {
                    switch text[i + 2] {
                    case 0x93, 0x94: append(.dash, i, i + 3)
                    case 0x98, 0x99, 0x9C, 0x9D: append(.quote, i, i + 3)
                    case 0xA6: append(.ellipsis, i, i + 3)
                    case 0xA8: block += 1
                    default: break  // spaces
                    }
                } else if text[i + 1] != 0xA0 {
                    append(.quote, i, i + 2)
                }
                i += specialLength
                continue
            }
            switch b {
            case 46:
                var j = i
                while byte(j) == 46 { j += 1 }
                append(j - i >= 2 ? .ellipsis : .period, i, j)
                i = j
                continue
            case 44: append(.comma, i, i + 1)
            case 59: append(.semicolon, i, i + 1)
            case 58: append(.colon, i, i + 1)
            case 33: append(.exclamation, i, i + 1)
            case 63: append(.question, i, i + 1)
            case 34, 39, 96: append(.quote, i, i + 1)
            case 40, 91: append(.openParen, i, i + 1)
            case 41, 93: append(.closeParen, i, i + 1)
            case 45: append(.dash, i, i + 1)
            default:
                if b >= 0x80 {
                    let length = utf8Length(b)
                    append(.other, i, min(n, i + length))
                    i += length
                    continue
                }
                append(.other, i, i + 1)
            }
            i += 1
        }
        return tokens
    }
}
