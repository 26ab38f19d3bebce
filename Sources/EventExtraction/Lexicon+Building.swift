extension Lexicon {
    static let monthNames: [(String, Int)] = [
        ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("april", 4), ("apr", 4),
        ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7), ("august", 8), ("aug", 8),
        ("september", 9), ("sep", 9), ("sept", 9), ("october", 10), ("oct", 10), ("november", 11),
        ("nov", 11), ("december", 12), ("dec", 12),
    ]
    static let weekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    /// Compiles dictionary sources (applied in order; later entries win) on top of the built-in grammar words.
    static func build(_ sources: [DictionarySource]) throws(DictionaryError) -> Lexicon {
        var lexicon = Lexicon()
        for (wordClass, words) in WordClass.table {
            for word in words.split(separator: " ") {
                let id = lexicon.intern(String(word))
                lexicon.classes[Int(id)].formUnion(wordClass)
            }
        }
        // Every irregular past is a verb form, also right after a country ("Russia began air strikes").
        for forms in irregularPasts.values {
            for form in forms { lexicon.classes[Int(lexicon.intern(form))].formUnion(.participle) }
        }
        for word in WordClass.abbreviations.split(separator: " ") {
            lexicon.abbreviations.insert(lexicon.intern(String(word)))
        }
        for (name, month) in monthNames { lexicon.months[Int(lexicon.intern(name))] = Int8(month) }
        // "in mid-September": one hyphenated word, kept as its month plus 12 (``DateResolver``).
        for (name, month) in monthNames {
            lexicon.months[Int(lexicon.intern("mid-" + name))] = Int8(12 + month)
        }
        for (index, name) in weekdayNames.enumerated() {
            lexicon.weekdays[Int(lexicon.intern(name))] = Int8(index + 1)
        }
        // Read by the date resolver around deadlines ("by midnight on Sunday"); they need no class.
        for word in ["midnight", "noon"] { _ = lexicon.intern(word) }
        for kind in DictionaryKind.allCases {
            for source in sources where source.kind == kind {
                try lexicon.apply(source)
            }
        }
        return lexicon
    }

    private mutating func apply(_ source: DictionarySource) throws(DictionaryError) {
        for line in DictionaryLine.lines(of: source) {
            switch source.kind {
            case .countries: try addCountry(line)
            case .roles: try addRole(line)
            case .actors: try addNamedActor(line)
            case .places: try addPlaceLine(line)
            case .weapons: try addWeaponLine(line)
            case .verbs: try addVerbLine(line)
            case .facilities: try addFacilityLine(line)
            }
        }
    }

    private static func isCode(_ text: String, lengths: ClosedRange<Int>) -> Bool {
        lengths.contains(text.utf8.count) && text.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) }
    }

    private mutating func addCountry(_ line: DictionaryLine) throws(DictionaryError) {
        let code = line.field(0)
        let name = line.field(1)
        guard Lexicon.isCode(code, lengths: 3...3), !name.isEmpty else {
            throw line.error("expected ISO3<TAB>Name<TAB>Adjective<TAB>Capitals<TAB>Aliases<TAB>Demonyms")
        }
        let adjective = line.field(2).isEmpty ? name : line.field(2)
        countries[code] = CountryInfo(code: code, name: name, adjective: adjective)
        let piece = ActorPiece(kind: .country, code: code, name: name)
        for phrase in [name, adjective] + line.list(4) + line.list(5) { addActor(phrase, piece) }
        for phrase in [name] + line.list(4) { addPlace(phrase, Place(name: name, country: code)) }
        for capital in line.list(3) {
            addActor(capital, ActorPiece(kind: .capital, code: code, name: name))
            addPlace(capital, Place(name: line.list(3)[0], country: code))
        }
    }

    private mutating func addRole(_ line: DictionaryLine) throws(DictionaryError) {
        let role = line.field(0)
        let kind = line.field(1)
        guard Lexicon.isCode(role, lengths: 3...3), kind == "title" || kind == "group", !line.list(2).isEmpty else {
            throw line.error("expected ROLE<TAB>title|group<TAB>phrase|phrase…")
        }
        for phrase in line.list(2) {
            addActor(phrase, ActorPiece(kind: kind == "title" ? .title : .role, code: role, name: phrase))
        }
    }

    private mutating func addNamedActor(_ line: DictionaryLine) throws(DictionaryError) {
        let code = line.field(0)
        let name = line.field(1)
        guard Lexicon.isCode(code, lengths: 3...12), !name.isEmpty else {
            throw line.error("expected CODE<TAB>Canonical name<TAB>alias|alias…")
        }
        let piece = ActorPiece(kind: .named, code: code, name: name)
        for phrase in [name] + line.list(2) { addActor(phrase, piece) }
    }

    private mutating func addPlaceLine(_ line: DictionaryLine) throws(DictionaryError) {
        let name = line.field(0)
        let country = line.field(1)
        guard !name.isEmpty, country.isEmpty || Lexicon.isCode(country, lengths: 3...3) else {
            throw line.error("expected Canonical name<TAB>ISO3<TAB>alias|alias…")
        }
        let place = Place(name: name, country: country.isEmpty ? nil : country)
        for phrase in [name] + line.list(2) { addPlace(phrase, place) }
    }

    private mutating func addWeaponLine(_ line: DictionaryLine) throws(DictionaryError) {
        guard let code = CAMEOCode(line.field(0)), !line.list(1).isEmpty else {
            throw line.error("expected CAMEO code<TAB>word|phrase…")
        }
        for phrase in line.list(1) { addWeapon(phrase, code) }
    }

    private mutating func addFacilityLine(_ line: DictionaryLine) throws(DictionaryError) {
        let kind = line.field(0)
        guard !kind.isEmpty, kind.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }), !line.list(1).isEmpty else {
            throw line.error("expected kind (lowercase letters, `any` for generic nouns)<TAB>phrase|phrase…")
        }
        for phrase in line.list(1) { addFacility(phrase, kind: kind) }
    }

    private mutating func addVerbLine(_ line: DictionaryLine) throws(DictionaryError) {
        guard let code = CAMEOCode(line.field(0)) else {
            throw line.error("expected a CAMEO code (3 or 4 digits, root 01–20), got \"\(line.field(0))\"")
        }
        let text = line.field(1)
        var elements: [PatternElement] = []
        for part in text.split(separator: " ") {
            switch part {
            case "*": elements.append(.gap)
            case "WEAPON": elements.append(.weapon)
            case "QUOTE": elements.append(.quote)
            default:
                var ids: [Int32] = []
                var orWeapon = false
                for alternative in part.split(separator: "|") {
                    // `strikes|raids|WEAPON`: any weapon is one of the choices (it used to be read as the word
                    // "weapon").
                    if alternative == "WEAPON" {
                        orWeapon = true
                        continue
                    }
                    let word = String(alternative)
                    let forms = word.hasSuffix("+") ? Lexicon.inflections(of: String(word.dropLast())) : [word]
                    for form in forms {
                        let phrase = phraseIDs(form)
                        if phrase.count == 1 { ids.append(phrase[0]) }
                    }
                }
                guard !ids.isEmpty else { throw line.error("empty pattern element in \"\(text)\"") }
                elements.append(.words(ids, orWeapon: orWeapon))
            }
        }
        guard case .words(let anchors, orWeapon: false)? = elements.first else {
            throw line.error("a verb pattern must start with words, got \"\(text)\"")
        }
        var flags: PatternFlags = []
        for flag in line.list(2).flatMap({ $0.split(separator: ",") }) {
            switch flag.trimmingSpaces {
            case "noun": flags.insert(.noun)
            case "subject-target": flags.insert(.subjectIsTarget)
            case "modal-ok": flags.insert(.modalOK)
            case "that-target": flags.insert(.targetInClause)
            case "object-target": flags.insert(.objectIsTarget)
            case "stative": flags.insert(.stative)
            case "from-source": flags.insert(.fromSource)
            case "own-country": flags.insert(.ownCountry)
            case "": break
            default:
                throw line.error(
                    "unknown flag \"\(flag)\" (noun, subject-target, modal-ok, that-target, object-target, stative, "
                        + "from-source, own-country)")
            }
        }
        let pattern = VerbPattern(code: code, elements: elements, flags: flags, text: text)
        for anchor in Set(anchors) {
            var list = patterns[anchor] ?? []
            list.removeAll { $0.text == text && $0.flags.contains(.noun) == flags.contains(.noun) }
            // Patterns with more words first ("launch+ * missiles" before "launch+"; a gap is no word), in the
            // order they were written among equals.
            let words = pattern.wordCount
            list.insert(pattern, at: list.firstIndex { $0.wordCount < words } ?? list.endIndex)
            patterns[anchor] = list
        }
        patternCount += 1
    }

    /// The past forms of irregular verbs, which `word+` adds to the regular ones.
    static let irregularPasts: [String: [String]] = {
        let table = """
            beat beat beaten|begin began begun|blow blew blown|break broke broken|bring brought|build built|
            catch caught|come came|draw drew drawn|drive drove driven|fight fought|flee fled|fly flew flown|
            forbid forbade forbidden|freeze froze frozen|give gave given|go went gone|hold held|keep kept|
            lead led|lose lost|make made|meet met|overthrow overthrew overthrown|pay paid|rebuild rebuilt|
            retake retook retaken|rise rose risen|seek sought|sell sold|send sent|shake shook shaken|shoot shot|
            speak spoke spoken|stand stood|steal stole stolen|strike struck stricken|swear swore sworn|
            take took taken|tear tore torn|tell told|throw threw thrown|undertake undertook undertaken|win won|
            withdraw withdrew withdrawn
            """
        var pasts: [String: [String]] = [:]
        for entry in table.split(separator: "|") {
            let words = entry.split(whereSeparator: \.isWhitespace).map(String.init)
            pasts[words[0]] = Array(words.dropFirst())
        }
        return pasts
    }()

    /// English inflections: attack → attack, attacks, attacked, attacking (and withdrew, withdrawn for
    /// irregular verbs).
    static func inflections(of base: String) -> [String] {
        let scalars = Array(base.unicodeScalars)
        guard let last = scalars.last else { return [] }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        var forms = [base] + (irregularPasts[base] ?? [])
        if last == "e" {
            let stem = String(base.dropLast())
            forms += [base + "s", base + "d", stem + "ing"]
        } else if last == "y", scalars.count > 1, !vowels.contains(Character(scalars[scalars.count - 2])) {
            let stem = String(base.dropLast())
            forms += [stem + "ies", stem + "ied", base + "ing"]
        } else if base.hasSuffix("s") || base.hasSuffix("x") || base.hasSuffix("z") || base.hasSuffix("ch")
            || base.hasSuffix("sh")
        {
            forms += [base + "es", base + "ed", base + "ing"]
        } else {
            forms += [base + "s", base + "ed", base + "ing"]
            // "expel" → "expelled", "plan" → "planning": stress decides whether the consonant doubles
            // ("visited"), so both forms are listed; the one English does not use never occurs.
            let tail = scalars.suffix(3).map(Character.init)
            if tail.count == 3, !vowels.contains(tail[0]), vowels.contains(tail[1]), !vowels.contains(tail[2]),
                !"wxy".contains(tail[2])
            {
                forms += [base + String(tail[2]) + "ed", base + String(tail[2]) + "ing"]
            }
        }
        return forms
    }
}

extension Substring {
    var trimmingSpaces: String { String(self).trimmed }
}
