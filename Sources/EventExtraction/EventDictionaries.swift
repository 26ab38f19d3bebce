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
        let folder = try bundledFolder()
        var sources: [DictionarySource] = []
        for kind in DictionaryKind.allCases {
            let url = folder.appendingPathComponent(kind.fileName)
            sources.append(DictionarySource(kind: kind, name: url.path, text: try read(url.path)))
        }
        return sources
    }

    /// SwiftPM's resource bundle is a folder next to the executable. Its generated `Bundle.module` stops the
    /// process (a trap, exit 132, no message) when the bundle is missing, as after copying `tidingsd` without
    /// it; looking for the folder here lets the daemon say what is wrong instead.
    static let bundleName = "Tidings_EventExtraction.resources"

    static func bundledFolder() throws(DictionaryError) -> URL {
        let executableFolder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        let candidates = [Bundle.main.bundleURL, executableFolder].map {
            $0.appendingPathComponent(bundleName).appendingPathComponent("Dictionaries")
        }
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) { return found }
        throw DictionaryError(
            .missing,
            "the bundled dictionaries (\(bundleName)/Dictionaries) are not next to the executable in "
                + "\(Bundle.main.bundleURL.path); install tidingsd with Deploy/install.sh, which copies them, "
                + "or run it from its build folder")
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
