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
                let formatter = ChangeLineFormatter()
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

/// One human line per change: `seq  time  kind  path  title-or-error`.
struct ChangeLineFormatter {
    private let parser = ISO8601DateFormatter()
    private let fractionalParser: ISO8601DateFormatter = {
        let parser = ISO8601DateFormatter()
        parser.formatOptions.insert(.withFractionalSeconds)
        return parser
    }()
    private let today: DateFormatter = Self.formatter("HH:mm:ss")
    private let earlier: DateFormatter = Self.formatter("yyyy-MM-dd HH:mm:ss")

    func line(for change: ChangeNotice) -> String {
        let seq = String(change.seq)
        let kind = change.kind.padding(toLength: max(15, change.kind.count), withPad: " ", startingAt: 0)
        var parts = [
            String(repeating: " ", count: max(0, 6 - seq.count)) + seq,
            Style.dim(time(change.time)),
            Style(for: change.kind).map { $0(kind) } ?? kind,
            change.path ?? "-",
        ]
        if let summary = change.summary {
            parts.append(change.kind == ChangeKind.fileError ? Style.red(summary) : summary)
        }
        return parts.joined(separator: "  ")
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
        case ChangeKind.articleAdded: self = .green
        case ChangeKind.articleUpdated: self = .cyan
        case ChangeKind.articleRemoved, ChangeKind.fileError: self = .red
        default: return nil
        }
    }
}
