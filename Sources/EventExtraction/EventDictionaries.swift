import Foundation

/// The compiled actor, place, weapon and verb dictionaries. Load once and share: extraction never reads files.
public struct EventDictionaries: Sendable {
    let lexicon: Lexicon

    /// Compiles dictionary texts; later sources win over earlier ones for the same alias, country or pattern.
    public init(sources: [DictionarySource]) throws(DictionaryError) {
        lexicon = try Lexicon.build(sources)
    }

    /// Number of verb patterns, for status output.
    public var verbPatternCount: Int { lexicon.patternCount }
    /// Number of countries in the country table.
    public var countryCount: Int { lexicon.countries.count }

    /// The bundled dictionaries (`Dictionaries/` in the package) followed by those of `userFolder`, if given.
    /// A user folder holds files named like the bundled ones (`actors.tsv`) or `<anything>.<kind>.tsv`
    /// (`ukraine.actors.tsv`), applied in name order after the bundled ones, so user entries win.
    public static func load(userFolder: String?) throws(DictionaryError) -> EventDictionaries {
        var sources = try bundledSources()
        if let userFolder { sources += try folderSources(userFolder) }
        return try EventDictionaries(sources: sources)
    }

    /// The texts of the bundled dictionary files.
    public static func bundledSources() throws(DictionaryError) -> [DictionarySource] {
        guard let folder = Bundle.module.url(forResource: "Dictionaries", withExtension: nil) else {
            throw DictionaryError(
                .missing, "the bundled Dictionaries folder is missing from the EventExtraction resources; reinstall")
        }
        var sources: [DictionarySource] = []
        for kind in DictionaryKind.allCases {
            let url = folder.appendingPathComponent(kind.fileName)
            sources.append(DictionarySource(kind: kind, name: url.path, text: try read(url.path)))
        }
        return sources
    }

    /// The texts of the dictionary files in a folder.
    public static func folderSources(_ folder: String) throws(DictionaryError) -> [DictionarySource] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw DictionaryError(
                .unreadable, "cannot list the dictionary folder \(folder): \(error.localizedDescription); "
                    + "check that it exists and is readable")
        }
        var sources: [DictionarySource] = []
        for name in names {
            guard let kind = DictionaryKind.allCases.first(where: {
                name == $0.fileName || name.hasSuffix("." + $0.fileName)
            }) else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            sources.append(DictionarySource(kind: kind, name: path, text: try read(path)))
        }
        return sources
    }

    private static func read(_ path: String) throws(DictionaryError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DictionaryError(.unreadable, "cannot read \(path); check that the file exists and is readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DictionaryError(.unreadable, "\(path) is not UTF-8 text; save it as UTF-8")
        }
        return text
    }
}
