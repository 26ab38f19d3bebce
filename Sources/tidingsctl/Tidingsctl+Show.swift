import ArgumentParser
import ControlProtocol

extension Tidingsctl {
    /// `tidingsctl show PATH|EVENT-ID`: one article as the daemon parsed it, or one event and its mentions.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one article (title, date, status, warnings, paragraphs) or one event and its mentions.",
            discussion: """
                An argument of digits only is an event id, as 'tidingsctl events' lists them; anything else is a \
                file. To show a file whose name is all digits, write it as ./NAME.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(
                "An event id, or a file relative to the watch root or absolute inside it.",
                valueName: "path-or-event-id"
            )
        )
        var target: String

        /// The event id when ``target`` is one (digits only).
        var eventID: Int64? {
            guard !target.isEmpty, target.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int64(target)
        }

        func validate() throws {
            if target.isEmpty { throw ValidationError("name a file or an event id") }
            if eventID == nil, target.allSatisfy({ $0.isASCII && $0.isNumber }) {
                throw ValidationError("event id \(target) is too large")
            }
        }

        func run() throws {
            if let eventID {
                try global.printCall(.eventGet, params: EventIDParams(id: eventID), as: EventDetail.self) { detail in
                    Self.printEvent(detail)
                }
                return
            }
            // Passed as given: the daemon resolves it against its root and refuses paths outside it.
            try global.printCall(.articleGet, params: PathParams(path: target), as: ArticleDetail.self) { detail in
                Self.printDetail(detail)
            }
        }

        static func printDetail(_ detail: ArticleDetail) {
            let article = detail.article
            print(Style.bold((article.title ?? "(untitled)").terminalSafe))
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
                print(paragraph.terminalSafe)
            }
        }
    }
}
