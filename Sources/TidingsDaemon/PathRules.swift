public import ArticleParsing

/// Which names in the watched tree are articles, and which are ignored.
public struct PathRules: Sendable {
    /// File formats read as articles: `.txt`, `.html`/`.htm` and news-crawler `.json` by default.
    public var formats: Set<ArticleFormat>

    public init(formats: Set<ArticleFormat> = Set(ArticleFormat.allCases)) {
        self.formats = formats
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

    /// Whether a relative path (`a/b/c.txt`) is an article: no ignored component, an article name.
    public func isArticle(relativePath: String) -> Bool {
        let components = relativePath.split(separator: "/")
        guard let name = components.last, format(ofFileNamed: name) != nil else { return false }
        return !components.dropLast().contains { isIgnored(name: $0) }
    }
}
