import ControlProtocol

extension EventSummary {
    /// `Iraqi protesters → US government`; `?` for an actor the articles do not name.
    var actorsText: String { Self.actors(source, target, withCodes: false) }

    /// ``actorsText`` in at most `width` characters, cutting each name rather than losing the target:
    /// `Islamic Revolutionary Gu… → Iraq`.
    func actorsText(fittingIn width: Int) -> String {
        let full = actorsText
        guard full.count > width, let source, let target else { return full }
        let room = max(2, width - 3)
        let sourceRoom = max(room - min(target.name.count, room / 2), room / 2)
        let targetRoom = room - min(source.name.count, sourceRoom)
        return Table.truncate(source.name, to: sourceRoom) + " → " + Table.truncate(target.name, to: targetRoom)
    }

    /// `Iraqi protesters (IRQOPP) → US government (USAGOV)`.
    var actorsWithCodes: String { Self.actors(source, target, withCodes: true) }

    static func actors(_ source: ActorInfo?, _ target: ActorInfo?, withCodes: Bool) -> String {
        func text(_ actor: ActorInfo?) -> String {
            guard let actor else { return "?" }
            return withCodes && actor.code != actor.name ? "\(actor.name) (\(actor.code))" : actor.name
        }
        if source == nil && target == nil { return "-" }
        return target == nil ? text(source) : "\(text(source)) → \(text(target))"
    }

    /// `verbal cooperation`, …, `material conflict` (CAMEO's QuadClass).
    var quadClassName: String { QuadClass.name(quadClass) }
}

/// CAMEO's four coarse classes of events: cooperation or conflict, in words or in deeds.
enum QuadClass {
    static func name(_ value: Int) -> String {
        switch value {
        case 1: return "verbal cooperation"
        case 2: return "material cooperation"
        case 3: return "verbal conflict"
        case 4: return "material conflict"
        default: return "class \(value)"
        }
    }

    /// Cooperation in green shades, conflict in yellow (words) and red (deeds).
    static func style(_ value: Int) -> Style? {
        switch value {
        case 1: return .cyan
        case 2: return .green
        case 3: return .yellow
        case 4: return .red
        default: return nil
        }
    }
}

/// Word wrapping for paragraphs printed to the terminal (statements, mention sentences, summaries).
enum TextWrap {
    /// The width to wrap to: the terminal's, else 80 for pipes and files.
    static var width: Int { Terminal.columns ?? 80 }

    /// `text` broken at spaces into lines of at most `width` characters, each starting with `indent`; a word
    /// longer than a line gets a line of its own.
    static func lines(_ text: String, width: Int = TextWrap.width, indent: String = "") -> [String] {
        let room = max(20, width - indent.count)
        var lines: [String] = []
        for paragraph in text.terminalSafe.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                if line.isEmpty {
                    line = String(word)
                } else if line.count + 1 + word.count <= room {
                    line += " " + word
                } else {
                    lines.append(indent + line)
                    line = String(word)
                }
            }
            lines.append(indent + line)
        }
        return lines
    }
}

extension TextWrap {
    /// A run of text in one style, for lines whose parts are coloured differently.
    struct Segment {
        var text: String
        var style: Style?

        init(_ text: String, _ style: Style? = nil) {
            self.text = text
            self.style = style
        }
    }

    /// Styled text broken at spaces into lines of at most `width` characters (not wrapped when `width` is nil);
    /// the first line starts with `indent`, the others with `hangingIndent`. Styles apply per word, after measuring.
    static func lines(_ segments: [Segment], width: Int?, indent: String = "", hangingIndent: String = "") -> [String] {
        var words: [(text: String, style: Style?)] = []
        for segment in segments {
            for word in segment.text.terminalSafe.split(whereSeparator: { $0 == " " || $0 == "\t" || $0.isNewline }) {
                words.append((String(word), segment.style))
            }
        }
        var lines: [String] = []
        var line = ""
        var length = 0
        for word in words {
            let styled = word.style.map { $0(word.text) } ?? word.text
            if length == 0 {
                line = (lines.isEmpty ? indent : hangingIndent) + styled
                length = (lines.isEmpty ? indent : hangingIndent).count + word.text.count
            } else if let width, length + 1 + word.text.count > width {
                lines.append(line)
                line = hangingIndent + styled
                length = hangingIndent.count + word.text.count
            } else {
                line += " " + styled
                length += 1 + word.text.count
            }
        }
        if length > 0 { lines.append(line) }
        return lines
    }
}
