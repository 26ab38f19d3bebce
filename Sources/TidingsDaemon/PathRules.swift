public import ArticleParsing
internal import Glibc

/// Which names in the watched tree are articles, and which are ignored.
public struct PathRules: Sendable, Equatable {
    /// File formats read as articles: `.txt`, `.html`/`.htm` and news-crawler `.json` by default.
    public var formats: Set<ArticleFormat>
    /// Glob patterns (fnmatch(3)) a file must match one of to be read; every article file when empty.
    /// A pattern without `/` is matched against the file name, one with `/` against the path relative to
    /// the root (where `*` also matches `/`).
    public var include: [String]
    /// Glob patterns, matched the same way, of files never read.
    public var exclude: [String]

    public init(formats: Set<ArticleFormat> = Set(ArticleFormat.allCases), include: [String] = [], exclude: [String] = []) {
        self.formats = formats
        self.include = include
        self.exclude = exclude
    }

    /// Hidden files and editor leftovers: `.*`, `*~`, `*.swp`, `*.tmp`, `.#*`. Applies to folders too
    /// (`.git/` is skipped whole). Atomic writers save to a hidden temporary and rename it, so the
    /// temporary is skipped and the rename's target is seen.
    public func isIgnored(name: some StringProtocol) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".tmp")
    }

    /// The article format of a file name, or nil when the name is not an article.
    public func format(ofFileNamed name: some StringProtocol) -> ArticleFormat? {
        guard !isIgnored(name: name), let dot = name.lastIndex(of: ".") else { return nil }
        guard let format = ArticleFormat(pathExtension: name[name.index(after: dot)...]),
            formats.contains(format)
        else { return nil }
        return format
    }

    /// Whether a relative path (`a/b/c.txt`) is an article: no ignored component, an article name, and
    /// allowed by the include and exclude patterns.
    public func isArticle(relativePath: String) -> Bool {
        let components = relativePath.split(separator: "/")
        guard let name = components.last, format(ofFileNamed: name) != nil else { return false }
        guard !components.dropLast().contains(where: { isIgnored(name: $0) }) else { return false }
        return isSelected(relativePath: relativePath, name: String(name))
    }

    /// The include and exclude patterns' verdict.
    func isSelected(relativePath: String, name: String) -> Bool {
        func matches(_ pattern: String) -> Bool {
            fnmatch(pattern, pattern.contains("/") ? relativePath : name, 0) == 0
        }
        if !include.isEmpty && !include.contains(where: matches) { return false }
        return !exclude.contains(where: matches)
    }
}
