import ControlProtocol
import Foundation

/// The timeline as one self-contained HTML page: inline CSS, no scripts, no fonts or images to fetch.
///
/// A pure function of its inputs (the time is passed in), so the same events always give the same page.
enum TimelineHTML {
    /// The page: a title, when it was generated, then a section per day (see ``EventTimeline``) with a card
    /// per event, coloured by QuadClass.
    static func render(_ events: [EventSummary], title: String, filters: String?, generatedAt: Date) -> String {
        let timeline = EventTimeline(events: events)
        let articleCount = Set(events.flatMap { $0.articles ?? [] }).count
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="tidingsctl \(escape(TidingsVersion.current))">
            <title>\(escape(filters.map { "\(title): \($0)" } ?? title))</title>
            <style>
            \(stylesheet)
            </style>
            </head>
            <body>
            <header>
            <h1>\(escape(title))</h1>

            """
        if let filters { html += "<p class=\"filters\">\(escape(filters))</p>\n" }
        html += "<p class=\"meta\">Generated <time datetime=\"\(isoTime(generatedAt))\">"
        html += "\(escape(readableTime(generatedAt)))</time> · \(plural(events.count, "event"))"
        html += " from \(plural(articleCount, "article")) · \(plural(timeline.sections.count, "day"))</p>\n"
        html += legend
        html += "</header>\n<main>\n"
        if events.isEmpty {
            html += "<p class=\"empty\">No events\(filters == nil ? " yet" : " match").</p>\n"
        }
        for section in timeline.sections {
            html += self.section(section)
        }
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    private static func section(_ section: EventTimeline.Section) -> String {
        let key = escape(section.key)
        var html = "<section class=\"day\" id=\"d-\(key)\">\n<h2>"
        switch section.period {
        case .day, .month:
            html += "<time datetime=\"\(key)\">\(escape(section.title))</time>"
        case .undated:
            html += escape(section.title)
        }
        var count = plural(section.events.count, "event")
        if case .month = section.period { count += " · day unknown" }
        html += " <span class=\"count\">\(count)</span></h2>\n"
        let inDay = if case .day = section.period { true } else { false }
        for event in section.events {
            html += card(event, markApproximate: inDay)
        }
        html += "</section>\n"
        return html
    }

    private static func card(_ event: EventSummary, markApproximate: Bool) -> String {
        let quad = (1...4).contains(event.quadClass) ? event.quadClass : 0
        var html = "<article class=\"event q\(quad)\" id=\"e-\(event.id)\">\n<div class=\"head\">"
        html += "<span class=\"code\" title=\"CAMEO code\">\(escape(event.code))</span> "
        html += "<span class=\"label\">\(escape(event.label))</span>"
        html += "<span class=\"badges\">"
        if markApproximate && event.isApproximate {
            html += "<span class=\"badge approx\" title=\"around \(escape(event.date ?? ""))\">"
            html += "~ approximate date</span>"
        }
        html += "<span class=\"badge quad\">\(escape(event.quadClassName))</span>"
        html += "<span class=\"badge sources\">\(escape(event.sourcesText))</span></span></div>\n"

        html += "<p class=\"actors\">"
        html += actor(event.source, role: "source")
        if event.target != nil || event.source == nil {
            html += "<span class=\"arrow\" aria-label=\"to\">→</span>" + actor(event.target, role: "target")
        }
        if let location = event.location {
            html += "<span class=\"location\">in \(escape(location))</span>"
        }
        html += "</p>\n"
        html += "<p class=\"summary\">\(escape(event.summary))</p>\n"
        html += "<ul class=\"articles\">"
        for path in event.articles ?? [] {
            html += "<li>\(escape(path))</li>"
        }
        html += "</ul>\n</article>\n"
        return html
    }

    private static func actor(_ actor: ActorInfo?, role: String) -> String {
        guard let actor else { return "<span class=\"actor unknown\">unnamed \(role)</span>" }
        var html = "<span class=\"actor\">\(escape(actor.name))"
        if actor.code != actor.name { html += " <abbr class=\"actor-code\">\(escape(actor.code))</abbr>" }
        return html + "</span>"
    }

    /// Text safe in element content and in double- or single-quoted attribute values.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            // Control characters other than tab and newline are not allowed in HTML text.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{7F}": output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }

    private static func isoTime(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// `Sat 21 Nov 2026 02:31 UTC`: UTC, so the page says the same wherever it is opened.
    private static func readableTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE d MMM yyyy HH:mm 'UTC'"
        return formatter.string(from: date)
    }

    private static let legend = """
        <ul class="legend">\
        <li class="q1">verbal cooperation</li>\
        <li class="q2">material cooperation</li>\
        <li class="q3">verbal conflict</li>\
        <li class="q4">material conflict</li>\
        </ul>

        """

    private static let stylesheet = """
        :root {
          --ink: #1d232b; --muted: #5d6875; --line: #dde2e8; --page: #f5f6f8; --card: #ffffff;
          --q1: #2f855a; --q1-bg: #eef8f2; --q2: #2b6cb0; --q2-bg: #edf4fc;
          --q3: #c05621; --q3-bg: #fdf3ec; --q4: #c53030; --q4-bg: #fdeeee; --q0: #718096; --q0-bg: #f2f4f7;
        }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--page); color: var(--ink);
          font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        header, main { max-width: 960px; margin: 0 auto; padding: 0 24px; }
        header { padding-top: 28px; padding-bottom: 8px; }
        h1 { margin: 0 0 4px; font-size: 28px; }
        .filters { margin: 0 0 4px; font-weight: 600; }
        .meta { margin: 0 0 12px; color: var(--muted); font-size: 13px; }
        .legend { list-style: none; display: flex; flex-wrap: wrap; gap: 8px 18px; margin: 0; padding: 0;
          font-size: 13px; color: var(--muted); }
        .legend li::before { content: ""; display: inline-block; width: 12px; height: 12px; margin-right: 6px;
          border-radius: 3px; vertical-align: -1px; background: var(--c); }
        .legend .q1 { --c: var(--q1); } .legend .q2 { --c: var(--q2); }
        .legend .q3 { --c: var(--q3); } .legend .q4 { --c: var(--q4); }
        .day { margin: 28px 0; }
        .day h2 { position: sticky; top: 0; z-index: 1; margin: 0 0 12px; padding: 8px 0;
          background: var(--page); border-bottom: 2px solid var(--line); font-size: 19px; }
        .day h2 .count { font-size: 13px; font-weight: normal; color: var(--muted); margin-left: 8px; }
        .event { --c: var(--q0); --bg: var(--q0-bg); margin: 0 0 14px; padding: 12px 16px 10px;
          background: var(--card); border: 1px solid var(--line); border-left: 6px solid var(--c);
          border-radius: 6px; }
        .event.q1 { --c: var(--q1); --bg: var(--q1-bg); } .event.q2 { --c: var(--q2); --bg: var(--q2-bg); }
        .event.q3 { --c: var(--q3); --bg: var(--q3-bg); } .event.q4 { --c: var(--q4); --bg: var(--q4-bg); }
        .head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 8px; }
        .code { font: 600 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; color: var(--c); }
        .label { font-weight: 650; font-size: 16px; color: var(--c); }
        .badges { margin-left: auto; display: flex; flex-wrap: wrap; gap: 6px; }
        .badge { font-size: 12px; padding: 1px 8px; border-radius: 10px; background: var(--bg); color: var(--c);
          white-space: nowrap; }
        .badge.sources { background: #eef0f3; color: var(--ink); font-weight: 600; }
        .badge.approx { background: #fff7db; color: #8a6100; }
        .actors { margin: 6px 0 4px; }
        .actor { font-weight: 600; white-space: nowrap; }
        .actor.unknown { font-weight: normal; font-style: italic; color: var(--muted); }
        .actor-code { font: 12px ui-monospace, Menlo, Consolas, monospace; color: var(--muted);
          text-decoration: none; }
        .arrow { margin: 0 8px; color: var(--muted); }
        .location { margin-left: 12px; color: var(--muted); }
        .summary { margin: 6px 0; padding: 6px 12px; background: var(--bg); border-radius: 4px; }
        .articles { margin: 6px 0 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 2px 14px;
          font: 12px/1.6 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; color: var(--muted); }
        .articles li { overflow-wrap: anywhere; }
        .empty { color: var(--muted); font-style: italic; }
        @media print { .day h2 { position: static; } .event { break-inside: avoid; } }
        """
}
