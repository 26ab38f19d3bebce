import ControlProtocol

extension Tidingsctl.Show {
    /// Prints an event (`show EVENT-ID`): its face, its summary, its articles, then every mention.
    static func printEvent(_ detail: EventDetail) {
        for line in eventLines(detail) { print(line) }
    }

    static func eventLines(_ detail: EventDetail, width: Int = TextWrap.width) -> [String] {
        let event = detail.event
        var lines = [Style.bold("\(event.code) \(event.label)".terminalSafe) + "  " + Style.dim("event \(event.id)")]
        lines.append("")
        var rows: [(String, Table.Cell)] = [
            ("date", Table.Cell(dateDescription(event), style: event.date == nil ? .dim : nil)),
            (
                "class",
                Table.Cell(
                    "\(event.quadClassName) (quad class \(event.quadClass), root code \(event.rootCode))",
                    style: QuadClass.style(event.quadClass))
            ),
            ("source", actorCell(event.source)),
            ("target", actorCell(event.target)),
            ("location", event.location.map { Table.Cell($0) } ?? Table.Cell("unknown", style: .dim)),
            (
                "reported",
                Table.Cell(
                    (event.articleCount == 1 ? "1 article" : "\(event.articleCount) articles") + ", "
                        + (event.mentions == 1 ? "1 mention" : "\(event.mentions) mentions"))
            ),
        ]
        for path in event.articles ?? [] { rows.append(("article", Table.Cell(path))) }
        lines += Table.keyValue(rows).render(width: nil)
        lines.append("")
        lines += TextWrap.lines(event.summary, width: width)

        lines.append("")
        lines.append(Style.bold(detail.mentionList.count == 1 ? "1 mention" : "\(detail.mentionList.count) mentions"))
        for mention in detail.mentionList {
            lines.append("")
            var head = mention.article.terminalSafe + Style.dim("  sentence \(mention.sentenceIndex)")
            head += Style.dim("  confidence " + confidence(mention.confidence))
            lines.append(head)
            // What this sentence says on its own, before merging: it may differ from the event's face.
            var reading = [mention.code, EventSummary.actors(mention.source, mention.target, withCodes: false)]
            if let date = mention.date {
                reading.append(mention.datePrecision == "day" || mention.datePrecision == nil ? date : "~" + date)
            }
            lines.append(Style.dim("    read as: " + reading.joined(separator: ", ").terminalSafe))
            lines += TextWrap.lines(mention.sentence, width: width, indent: "    ")
        }
        return lines
    }

    /// `2019-12-31 (explicit)`, `~2019-12-31 (approximate, relative)`, `undated`.
    private static func dateDescription(_ event: EventSummary) -> String {
        guard event.date != nil else { return "undated" }
        var notes: [String] = []
        if let precision = event.datePrecision, precision != "day" { notes.append(precision) }
        if let provenance = event.dateProvenance {
            notes.append(provenance == "articleDate" ? "from the article's date" : provenance)
        }
        return notes.isEmpty ? event.dateText : "\(event.dateText) (\(notes.joined(separator: ", ")))"
    }

    private static func actorCell(_ actor: ActorInfo?) -> Table.Cell {
        guard let actor else { return Table.Cell("not named", style: .dim) }
        return Table.Cell("\(actor.name) (\(actor.code))")
    }

    /// `0.75`: two decimals, enough to compare mentions.
    private static func confidence(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = String(hundredths % 100)
        return "\(hundredths / 100).\(fraction.count == 1 ? "0" + fraction : fraction)"
    }
}
