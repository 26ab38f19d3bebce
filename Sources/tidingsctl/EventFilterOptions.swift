import ArgumentParser
import ControlProtocol
import Foundation

/// The filters `events` and `timeline` share; they combine with AND, as `events.list` does.
struct EventFilterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Only events on or after this day.", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Only events on or before this day.", valueName: "YYYY-MM-DD"))
    var to: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Only events whose source or target name or code contains this text.", valueName: "text")
    )
    var actor: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Only events whose CAMEO code starts with this: 19 finds 190…1956.", valueName: "code")
    )
    var code: String?

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, CalendarDate(iso: value) == nil {
                throw ValidationError("\(name) must be a date as YYYY-MM-DD, not '\(value)'")
            }
        }
        // Dates as YYYY-MM-DD sort like the days they name.
        if let from, let to, from > to {
            throw ValidationError("--from \(from) is after --to \(to): no event can match")
        }
        if let code, code.isEmpty || code.count > 4 || !code.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw ValidationError(
                "--code must be a CAMEO code or prefix of 1 to 4 digits (e.g. 19 or 0251), not '\(code)'")
        }
        if let actor, actor.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--actor needs some text to look for")
        }
    }

    /// The `events.list` params for these filters.
    func params(article: String? = nil, page: PageOptions, withArticles: Bool) -> EventsListParams {
        EventsListParams(
            from: from, to: to, actor: actor, code: code, article: article, limit: page.limit, offset: page.offset,
            withArticles: withArticles ? nil : false)  // the default, as an older daemon reads it
    }

    /// `actor Pompeo, code 19, from 2019-12-31`: what was asked for, for titles; nil without filters.
    var description: String? {
        var parts: [String] = []
        if let actor { parts.append("actor “\(actor)”") }
        if let code { parts.append("code \(code)") }
        switch (from, to) {
        case (let from?, let to?): parts.append(from == to ? "on \(from)" : "\(from) to \(to)")
        case (let from?, nil): parts.append("from \(from)")
        case (nil, let to?): parts.append("until \(to)")
        case (nil, nil): break
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
