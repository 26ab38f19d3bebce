import Testing
import TidingsDaemon

struct PathRulesTests {
    @Test(arguments: [
        ("a.txt", true), ("world/iraq.html", true), ("crawl/x.json", true), ("notes.md", false),
        (".hidden.txt", false), ("draft.txt~", false), ("a.txt.swp", false), ("x.tmp", false),
        (".git/a.txt", false), ("dir/.cache/a.txt", false),
    ])
    func isArticle_byNameAndFolders(path: String, expected: Bool) {
        #expect(PathRules().isArticle(relativePath: path) == expected)
    }

    @Test func includePatterns_restrictArticles_byNameOrByPath() {
        let rules = PathRules(include: ["*.txt", "world/*"])
        #expect(rules.isArticle(relativePath: "deep/a.txt"))
        #expect(rules.isArticle(relativePath: "world/b.html"))
        #expect(!rules.isArticle(relativePath: "local/b.html"))
    }

    @Test func excludePatterns_winOverInclude() {
        let rules = PathRules(include: ["*.txt"], exclude: ["drafts/*", "*-old.txt"])
        #expect(rules.isArticle(relativePath: "news/a.txt"))
        #expect(!rules.isArticle(relativePath: "drafts/a.txt"))
        #expect(!rules.isArticle(relativePath: "drafts/deeper/a.txt"))
        #expect(!rules.isArticle(relativePath: "news/a-old.txt"))
    }
}
