import ArgumentParser
import ControlProtocol

extension Tidingsctl {
    /// `tidingsctl articles`: every tracked file and what it became.
    struct Articles: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List tracked files: path, publication date, title, events and parse status."
        )

        @OptionGroup var global: GlobalOptions

        @Flag(name: .long, help: "Only files that failed to parse.")
        var errors = false

        @OptionGroup var page: PageOptions

        func run() throws {
            let params = ArticlesListParams(status: errors ? .error : nil, limit: page.limit, offset: page.offset)
            try global.printCall(.articlesList, params: params, as: [ArticleSummary].self) { articles in
                guard !articles.isEmpty else {
                    print(errors ? "no files with errors" : "no articles yet")
                    return
                }
                Self.table(for: articles).print()
                page.noteIfMore(shown: articles.count, what: "files")
            }
        }

        static func table(for articles: [ArticleSummary]) -> Table {
            var table = Table(columns: [
                Table.Column(title: "PATH"),
                Table.Column(title: "PUBLISHED"),
                // Cut to the terminal's width on a terminal, to 60 characters in a pipe.
                Table.Column(title: "TITLE", maxWidth: Terminal.isInteractive ? nil : 60, shrinks: true),
                Table.Column(title: "EVENTS", alignment: .right),
                Table.Column(title: "STATUS"),
            ])
            for article in articles {
                let status: Table.Cell
                switch article.status {
                case .ok: status = Table.Cell("ok", style: .green)
                case .error: status = Table.Cell("error: \(article.error ?? "unknown")", style: .red)
                }
                table.append([
                    Table.Cell(article.path),
                    Table.Cell(article.published ?? "-"),
                    article.title.map { Table.Cell($0) } ?? Table.Cell("-", style: .dim),
                    Table.Cell(String(article.events)),
                    status,
                ])
            }
            return table
        }
    }
}
