import ArgumentParser
import ControlClient
import ControlProtocol
import Foundation

extension Tidingsctl {
    /// `tidingsctl timeline`: the story day by day, in the terminal or as one HTML page.
    struct Timeline: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tell the story day by day: each day's events, with who, what, where and how many articles.",
            discussion: """
                Events dated only approximately are marked ~ under their day; those known only to the month \
                come under the month, before its days; undated events come last. \
                With --html FILE, writes one self-contained page (no scripts, no external files) instead; \
                '--html -' writes it to stdout. With --json, prints the events as 'tidingsctl events --json' does.
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: EventFilterOptions
        @OptionGroup var page: PageOptions

        @Option(name: .long, help: ArgumentHelp("Write the timeline as an HTML page to this file.", valueName: "file"))
        var html: String?

        func validate() throws {
            if let html, html.isEmpty { throw ValidationError("--html needs a file name (or - for stdout)") }
            if html != nil, global.json { throw ValidationError("--html and --json each choose the output: pick one") }
        }

        func run() throws {
            // The text lines count sources; the page and --json list them.
            let params = filters.params(page: page, withArticles: global.json || html != nil)
            if global.json {
                try global.printCall(.eventsList, params: params, as: [EventSummary].self) { _ in }
                return
            }
            let events = try global.withClient { client in
                try client.call(.eventsList, params: params, as: [EventSummary].self)
            }
            if let html {
                try writeHTML(events, to: html)
                return
            }
            guard !events.isEmpty else {
                print(filters.description.map { "no events match \($0)" } ?? "no events yet")
                return
            }
            for line in Self.lines(for: events, width: Terminal.columns) { print(line) }
        }

        private func writeHTML(_ events: [EventSummary], to path: String) throws {
            let page = TimelineHTML.render(
                events, title: "Tidings timeline", filters: filters.description, generatedAt: Date())
            if path == "-" {
                print(page, terminator: "")
                return
            }
            do {
                try Data(page.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw Terminal.fail("cannot write \(path): \((error as NSError).localizedDescription)")
            }
            let days = EventTimeline(events: events).sections.count
            let summary = "\(events.count == 1 ? "1 event" : "\(events.count) events") on "
                + (days == 1 ? "1 day" : "\(days) days")
            Terminal.warn("wrote \(path) (\(summary))")
        }

        /// A bold header per day, then one line per event, wrapped under itself when `width` is given:
        /// `  [4 sources] Iraqi protesters → 145 Protest violently, riot → US government (Baghdad) — …`.
        static func lines(for events: [EventSummary], width: Int?) -> [String] {
            var lines: [String] = []
            for section in EventTimeline(events: events).sections {
                if !lines.isEmpty { lines.append("") }
                lines.append(Style.bold(section.title))
                let inDay = if case .day = section.period { true } else { false }
                for event in section.events {
                    // `~` stands in the margin so the brackets of all lines stay aligned.
                    let mark = inDay && event.isApproximate ? " ~" : "  "
                    typealias Segment = TextWrap.Segment
                    var segments = [Segment("[\(event.sourcesText)]", .dim)]
                    if let source = event.source { segments += [Segment(source.name), Segment("→")] }
                    segments.append(Segment("\(event.code) \(event.label)", QuadClass.style(event.quadClass)))
                    if let target = event.target { segments += [Segment("→"), Segment(target.name)] }
                    if let location = event.location { segments.append(Segment("(\(location))")) }
                    segments.append(Segment("— " + event.summary, .dim))
                    lines += TextWrap.lines(segments, width: width, indent: mark, hangingIndent: "      ")
                }
            }
            return lines
        }
    }
}
