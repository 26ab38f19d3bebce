import ControlProtocol

/// Events grouped the way a story is told: one section per day, oldest first, shared by the terminal and HTML
/// timelines.
///
/// Events dated to a day or approximately (`datePrecision` `day` or `approximate`) go under their day; those
/// known only to the month go under the month, before its days; undated ones come last.
struct EventTimeline {
    struct Section {
        enum Period: Hashable {
            case day(CalendarDate)
            case month(year: Int, month: Int)
            case undated
        }

        var period: Period
        /// Events in the daemon's order (by date, then id).
        var events: [EventSummary]

        /// `Tue 31 Dec 2019`, `~ December 2019`, `Undated`.
        var title: String {
            switch period {
            case .day(let date): return date.dayTitle
            case .month(let year, let month): return "~ " + CalendarDate.monthTitle(year: year, month: month)
            case .undated: return "Undated"
            }
        }

        /// `2019-12-31`, `2019-12`, `undated`: for HTML anchors and `<time datetime>`.
        var key: String {
            switch period {
            case .day(let date): return date.iso
            case .month(let year, let month):
                return String(CalendarDate(year: year, month: month, day: 1).iso.prefix(7))
            case .undated: return "undated"
            }
        }

        private var order: (Int, Int, Int, Int) {
            switch period {
            case .day(let date): return (0, date.year, date.month, date.day)
            case .month(let year, let month): return (0, year, month, 0)
            case .undated: return (1, 0, 0, 0)
            }
        }

        static func precedes(_ lhs: Section, _ rhs: Section) -> Bool { lhs.order < rhs.order }
    }

    var sections: [Section]

    init(events: [EventSummary]) {
        var sections: [Section] = []
        var indexByPeriod: [Section.Period: Int] = [:]
        for event in events {
            let period = Self.period(of: event)
            if let index = indexByPeriod[period] {
                sections[index].events.append(event)
            } else {
                indexByPeriod[period] = sections.count
                sections.append(Section(period: period, events: [event]))
            }
        }
        // Stable: sections keep their first-seen order when they compare equal (they never do).
        self.sections = sections.enumerated().sorted { lhs, rhs in
            Section.precedes(lhs.element, rhs.element)
                || (!Section.precedes(rhs.element, lhs.element) && lhs.offset < rhs.offset)
        }.map(\.element)
    }

    static func period(of event: EventSummary) -> Section.Period {
        guard let text = event.date, let date = CalendarDate(iso: text) else { return .undated }
        if event.datePrecision == "month" { return .month(year: date.year, month: date.month) }
        return .day(date)
    }
}

extension EventSummary {
    /// The date is a guess around a day ("late last month", "earlier this week") or only a month.
    var isApproximate: Bool { datePrecision == "approximate" || datePrecision == "month" }

    /// `2019-12-31`, `~2019-12-31` (approximate), `~2019-12` (month only), `-` (undated).
    var dateText: String {
        guard let date else { return "-" }
        switch datePrecision {
        case "month": return "~" + date.prefix(7)
        case "approximate": return "~" + date
        default: return date
        }
    }

    /// The articles reporting it, as people count them: `1 source`, `4 sources`.
    var sourcesText: String { articleCount == 1 ? "1 source" : "\(articleCount) sources" }
}
