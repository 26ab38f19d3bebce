import ArgumentParser
import ControlProtocol

extension Tidingsctl {
    /// `tidingsctl events`: what happened, one event per row, merged across articles.
    struct Events: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List events: date, CAMEO code and label, who did it to whom, where, how many articles.",
            discussion: """
                Dates marked ~ are approximate ("late last month"); ~YYYY-MM is known only to the month. \
                Filters combine with AND. 'tidingsctl show ID' shows one event with every sentence reporting it.
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: EventFilterOptions

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Only events this article reports (relative to the watch root, or absolute inside it).",
                valueName: "path"
            )
        )
        var article: String?

        @OptionGroup var page: PageOptions

        func validate() throws {
            if let article, article.isEmpty { throw ValidationError("--article needs a path") }
        }

        func run() throws {
            // The table shows how many articles, not which: their paths are asked for only with --json.
            let params = filters.params(article: article, page: page, withArticles: global.json)
            try global.printCall(.eventsList, params: params, as: [EventSummary].self) { events in
                guard !events.isEmpty else {
                    let asked = [filters.description, article.map { "article \($0)" }].compactMap { $0 }
                    print(asked.isEmpty ? "no events yet" : "no events match " + asked.joined(separator: ", "))
                    return
                }
                Self.table(for: events).print()
                page.noteIfMore(shown: events.count, what: "events")
            }
        }

        static func table(for events: [EventSummary]) -> Table {
            var table = Table(columns: [
                Table.Column(title: "ID", alignment: .right),
                Table.Column(title: "DATE"),
                Table.Column(title: "CODE"),
                Table.Column(title: "LABEL", maxWidth: 28),
                Table.Column(title: "SOURCE → TARGET", maxWidth: 36),
                Table.Column(title: "WHERE", maxWidth: 14),
                Table.Column(title: "SOURCES", alignment: .right),
                // The last column: cut at the terminal's edge, whole in a pipe.
                Table.Column(title: "SUMMARY", shrinks: true),
            ])
            // Exact dates get a leading space so their digits line up with the `~` of approximate ones.
            let anyApproximate = events.contains { $0.isApproximate }
            for event in events {
                let date = event.isApproximate || !anyApproximate ? event.dateText : " " + event.dateText
                table.append([
                    Table.Cell(String(event.id)),
                    Table.Cell(date, style: event.date == nil || event.isApproximate ? .dim : nil),
                    Table.Cell(event.code),
                    Table.Cell(event.label, style: QuadClass.style(event.quadClass)),
                    Table.Cell(event.actorsText(fittingIn: 36)),
                    event.location.map { Table.Cell($0) } ?? Table.Cell("-", style: .dim),
                    Table.Cell(String(event.articleCount)),
                    Table.Cell(event.summary),
                ])
            }
            return table
        }
    }
}
