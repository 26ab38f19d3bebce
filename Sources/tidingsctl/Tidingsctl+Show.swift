import ArgumentParser
import ControlProtocol

extension Tidingsctl {
    /// `tidingsctl show PATH`: one article, as the daemon parsed it.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one article: title, date, status, warnings and its paragraphs."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The file, relative to the watch root or absolute inside it.", valueName: "path"))
        var path: String

        func run() throws {
            // Passed as given: the daemon resolves it against its root and refuses paths outside it.
            try global.printCall(.articleGet, params: PathParams(path: path), as: ArticleDetail.self) { detail in
                Self.printDetail(detail)
            }
        }

        static func printDetail(_ detail: ArticleDetail) {
            let article = detail.article
            print(Style.bold(article.title ?? "(untitled)"))
            print()
            var rows: [(String, Table.Cell)] = [
                ("published", Table.Cell(article.publishedDescription ?? "unknown")),
                ("path", Table.Cell(article.path)),
                ("hash", Table.Cell(article.hash)),
                ("events", Table.Cell(String(article.events))),
            ]
            switch article.status {
            case .ok: rows.append(("status", Table.Cell("ok", style: .green)))
            case .error: rows.append(("status", Table.Cell("error: \(article.error ?? "unknown")", style: .red)))
            }
            for warning in detail.warnings {
                rows.append(("warning", Table.Cell(warning, style: .yellow)))
            }
            // Key/value lines are not cut: a hash or an error message is only useful whole.
            Table.keyValue(rows).print(width: nil)
            for paragraph in detail.paragraphs {
                print()
                print(paragraph)
            }
        }
    }
}
