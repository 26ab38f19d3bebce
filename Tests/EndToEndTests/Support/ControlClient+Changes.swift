import ControlClient
import ControlProtocol

extension ChangeNotice {
    /// Whether this change is about a file as a whole (`article.*`, `file.error`) rather than about what was
    /// extracted from it (`event.*`, `statement.*`), which a file's ingestion may add any number of.
    var isFileChange: Bool {
        [ChangeKind.articleAdded, ChangeKind.articleUpdated, ChangeKind.articleRemoved, ChangeKind.fileError]
            .contains(kind)
    }

    /// `seq kind path`, for messages.
    var brief: String { "\(seq) \(kind) \(path ?? "-")" }
}

extension ControlClient {
    /// Reads change notices until `count` file changes (see ``ChangeNotice/isFileChange``) arrived, all within
    /// `timeout`; returns those, skipping the `event.*` and `statement.*` notices in between.
    func nextFileChanges(
        _ count: Int, timeout: Duration = Timeouts.standard, daemon: DaemonProcess? = nil
    ) throws -> [ChangeNotice] {
        let deadline = Deadline(after: timeout)
        var fileChanges: [ChangeNotice] = []
        var skipped = 0
        while fileChanges.count < count {
            guard let change = try nextNotification(timeout: deadline.remaining) else {
                throw HarnessError(
                    "expected \(count) file changes within \(timeout), got \(fileChanges.count): "
                        + "\(fileChanges.map(\.brief)) (and \(skipped) event/statement changes)"
                        + (daemon?.diagnostics ?? ""))
            }
            if change.isFileChange { fileChanges.append(change) } else { skipped += 1 }
        }
        return fileChanges
    }

    /// The next file change within `timeout`; throws when none comes.
    func nextFileChange(timeout: Duration = Timeouts.standard, daemon: DaemonProcess? = nil) throws -> ChangeNotice {
        try nextFileChanges(1, timeout: timeout, daemon: daemon)[0]
    }

    /// Reads every change notice (any kind) after `since` up to and including `seq`, all within `timeout`.
    func changes(
        after since: Int64, through seq: Int64, timeout: Duration = Timeouts.standard, daemon: DaemonProcess? = nil
    ) throws -> [ChangeNotice] {
        let deadline = Deadline(after: timeout)
        var changes: [ChangeNotice] = []
        while (changes.last?.seq ?? since) < seq {
            guard let change = try nextNotification(timeout: deadline.remaining) else {
                throw HarnessError(
                    "expected changes through seq \(seq) within \(timeout), got up to "
                        + "\(changes.last?.brief ?? "none")\(daemon?.diagnostics ?? "")")
            }
            changes.append(change)
        }
        return changes
    }
}
