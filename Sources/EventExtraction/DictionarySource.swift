/// The kinds of dictionary files, each a UTF-8 text file with tab-separated columns
/// (see `Dictionaries/README.md`).
public enum DictionaryKind: String, Sendable, CaseIterable {
    case countries
    case roles
    case actors
    case places
    case verbs
    case weapons
    case facilities

    /// The bundled file name, e.g. `actors.tsv`. A user folder may hold this name or `<anything>.actors.tsv`.
    public var fileName: String { rawValue + ".tsv" }
}

/// The text of one dictionary file. Sources are applied in order: a later entry for the same key
/// (alias, country code, verb pattern) replaces an earlier one, which is how user dictionaries win.
public struct DictionarySource: Sendable {
    public var kind: DictionaryKind
    /// Where the text came from, for error messages.
    public var name: String
    public var text: String

    public init(kind: DictionaryKind, name: String, text: String) {
        self.kind = kind
        self.name = name
        self.text = text
    }
}

/// One non-comment line of a dictionary file, split on tabs.
struct DictionaryLine {
    var fields: [String]
    var number: Int
    var source: String

    func field(_ index: Int) -> String { index < fields.count ? fields[index] : "" }

    /// `a|b|c` → ["a", "b", "c"], empty parts dropped.
    func list(_ index: Int) -> [String] {
        field(index).split(separator: "|").map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    static func lines(of source: DictionarySource) -> [DictionaryLine] {
        var result: [DictionaryLine] = []
        var number = 0
        for raw in source.text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let trimmed = String(line).trimmed
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmed }
            result.append(DictionaryLine(fields: fields, number: number, source: source.name))
        }
        return result
    }

    func error(_ message: String) -> DictionaryError {
        DictionaryError(.malformed, "\(source) line \(number): \(message); fix or remove the line")
    }
}

extension String {
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
