import ArgumentParser
import ControlClient
import ControlProtocol
import Foundation
import Glibc

extension Tidingsctl {
    /// `tidingsctl watch`: the live change feed, optionally resumed from a cursor.
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print each change the daemon commits, as it happens, until interrupted.",
            discussion: """
                With --since, every change after that seq is replayed first, then live changes follow, with no \
                gap and no duplicate. To resume, pass the seq and generation of the last change you handled; \
                if the store was rebuilt since, the daemon replays everything (a note goes to stderr).
                With --json, each change is one JSON object per line, flushed at once.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Option(name: .long, help: ArgumentHelp("Replay the changes after this seq first.", valueName: "seq"))
        var since: Int64?

        @Option(name: .long, help: ArgumentHelp("The generation --since belongs to.", valueName: "id"))
        var generation: String?

        func validate() throws {
            if let since, since < 0 { throw ValidationError("--since must be 0 or more, not \(since)") }
            if generation != nil, since == nil {
                throw ValidationError("--generation needs --since: it names the history that seq belongs to")
            }
        }

        func run() throws {
            // Ctrl-C is how people stop watching: that is success, not failure.
            signal(SIGINT) { _ in _exit(0) }
            try global.withClient { client in
                let subscription = try client.subscribe(SubscribeParams(since: since, generation: generation))
                report(subscription)
                let formatter = ChangeLineFormatter(width: Terminal.columns)
                var cursor = (seq: subscription.since, generation: subscription.generation)
                do {
                    while let notification = try client.nextRawNotification() {
                        guard notification.method == ControlNotification.change else { continue }
                        let change = try notification.decodeParams(as: ChangeNotice.self)
                        if global.json {
                            Terminal.printJSONLine(notification.params ?? .null)
                        } else {
                            print(formatter.line(for: change))
                            Terminal.flush()
                        }
                        cursor = (change.seq, change.generation)
                    }
                } catch var error as ControlClientError {
                    // Whatever ended the feed, say how to pick it up again without a gap.
                    error.message +=
                        "; resume with 'tidingsctl watch --since \(cursor.seq) --generation \(cursor.generation)'"
                    throw error
                }
            }
        }

        private func report(_ subscription: SubscribeResult) {
            if subscription.resync {
                let cursor = since.map { "cursor \($0)" } ?? "the cursor"
                let owner = generation.map { " of generation \($0)" } ?? ""
                Terminal.warn(
                    "\(cursor)\(owner) does not belong to this store (generation \(subscription.generation), "
                        + "seq \(subscription.seq)); replaying every change from the start"
                )
            } else if !global.json, isatty(STDERR_FILENO) == 1 {
                let start = since.map { "after seq \($0)" } ?? "from seq \(subscription.seq)"
                Terminal.warn(
                    "watching \(global.socket) \(start) (generation \(subscription.generation)); Ctrl-C stops"
                )
            }
        }
    }
}

/// One human line per change: `seq  time  kind  path  detail`, the detail being a file's title or error, an
/// event's label, actors, date and summary, or a statement's author and text.
struct ChangeLineFormatter {
    private let parser = ISO8601DateFormatter()
    private let fractionalParser: ISO8601DateFormatter = {
        let parser = ISO8601DateFormatter()
        parser.formatOptions.insert(.withFractionalSeconds)
        return parser
    }()
    private let today: DateFormatter = Self.formatter("HH:mm:ss")
    private let earlier: DateFormatter = Self.formatter("yyyy-MM-dd HH:mm:ss")

    /// Cut lines at this many columns (the terminal's); nil leaves them whole.
    var width: Int?

    init(width: Int? = nil) {
        self.width = width
    }

    func line(for change: ChangeNotice) -> String {
        let seq = String(change.seq)
        // Wide enough for the longest kind (`statement.updated`) so paths line up.
        let kind = change.kind.padding(toLength: max(17, change.kind.count), withPad: " ", startingAt: 0)
        let path = (change.path ?? "-").terminalSafe
        let plain = [String(repeating: " ", count: max(0, 6 - seq.count)) + seq, time(change.time), kind, path]
        var parts = [plain[0], Style.dim(plain[1]), Style(for: change.kind).map { $0(kind) } ?? kind, plain[3]]
        if var detail = detail(for: change)?.terminalSafe {
            if let width {
                let used = plain.reduce(0) { $0 + $1.count } + 2 * plain.count
                detail = Table.truncate(detail, to: max(20, width - used))
            }
            parts.append(change.kind == ChangeKind.fileError ? Style.red(detail) : detail)
        }
        return parts.joined(separator: "  ")
    }

    /// What to show after the path: the title or error for files, what happened for events, who said what for
    /// statements.
    func detail(for change: ChangeNotice) -> String? {
        guard let data = change.data else { return nil }
        if change.kind.hasPrefix("event.") {
            // `#3 Protest violently, riot: Iraqi protesters → US government, 2019-12-31, 4 articles — On 31 …`
            var text = data["id"]?.intValue.map { "#\($0) " } ?? ""
            text += data["label"]?.stringValue ?? data["code"]?.stringValue ?? "event"
            switch (data["sourceName"]?.stringValue, data["targetName"]?.stringValue) {
            case (let source?, nil): text += ": " + source
            case (let source, let target?): text += ": \(source ?? "?") → \(target)"
            case (nil, nil): break
            }
            if let date = data["date"]?.stringValue {
                let precision = data["datePrecision"]?.stringValue
                text += ", " + (precision == "approximate" || precision == "month" ? "~" + date : date)
            }
            if let articles = data["articleCount"]?.intValue {
                text += articles == 1 ? ", 1 article" : ", \(articles) articles"
            }
            if let summary = data["summary"]?.stringValue { text += " — " + summary }
            return text
        }
        if change.kind.hasPrefix("statement.") {
            // `@SecPompeo (Secretary Pompeo), 2020-01-01, 2 articles: “Spoke today with …”`
            var text = data["handle"]?.stringValue.map { "@\($0)" } ?? data["author"]?.stringValue ?? "someone"
            if data["handle"]?.stringValue != nil, let author = data["author"]?.stringValue {
                text += " (\(author))"
            }
            if let date = data["date"]?.stringValue { text += ", " + date }
            if let articles = data["articles"]?.intValue {
                text += articles == 1 ? ", 1 article" : ", \(articles) articles"
            }
            if let quote = data["text"]?.stringValue { text += ": “\(quote)”" }
            return text
        }
        return change.summary
    }

    /// Local wall-clock time; the date too when it is not today (replayed history).
    private func time(_ iso: String) -> String {
        guard let date = parser.date(from: iso) ?? fractionalParser.date(from: iso) else { return iso }
        let formatter = Calendar.current.isDateInToday(date) ? today : earlier
        return formatter.string(from: date)
    }

    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = format
        return formatter
    }
}

extension Style {
    /// Colours for change kinds: additions green, removals and errors red, updates cyan.
    init?(for kind: String) {
        switch kind {
        case ChangeKind.articleAdded, ChangeKind.eventAdded, ChangeKind.statementAdded: self = .green
        case ChangeKind.articleUpdated, ChangeKind.eventUpdated, ChangeKind.statementUpdated: self = .cyan
        case ChangeKind.articleRemoved, ChangeKind.fileError, ChangeKind.eventRemoved, ChangeKind.statementRemoved:
            self = .red
        default: return nil
        }
    }
}
