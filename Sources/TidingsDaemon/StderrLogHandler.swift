internal import Foundation
public import Logging
internal import Synchronization

/// Writes one line per log record to stderr: time, level, label, message, then `key=value` metadata.
///
/// Under journald (`JOURNAL_STREAM` set) each line starts with its syslog priority (`<3>`, `<4>`, `<6>`…) so
/// the journal files it at the right level, and leaves the time to the journal. The level is shared by
/// every logger of the process so a reload can change it.
public struct StderrLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let journal: Bool

    private static let sharedLevel = Mutex(Logger.Level.info)

    public init(label: String, journal: Bool = false) {
        self.label = label
        self.journal = journal
    }

    /// Sets the level of every logger of the process.
    public static func setLevel(_ level: Logger.Level) {
        sharedLevel.withLock { $0 = level }
    }

    public var logLevel: Logger.Level {
        get { StderrLogHandler.sharedLevel.withLock { $0 } }
        set { StderrLogHandler.setLevel(newValue) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var line =
            journal
            ? "<\(StderrLogHandler.syslogPriority(event.level))>\(event.level) \(label): \(event.message)"
            : "\(WireFormat.isoTime(Date().timeIntervalSince1970)) \(event.level) \(label): \(event.message)"
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        for key in merged.keys.sorted() {
            line += " \(key)=\(StderrLogHandler.quoted("\(merged[key]!)"))"
        }
        line += "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// sd-daemon(3) priorities.
    static func syslogPriority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: return 7
        case .info: return 6
        case .notice: return 5
        case .warning: return 4
        case .error: return 3
        case .critical: return 2
        }
    }

    /// Values with spaces or quotes are quoted so a line stays machine-splittable.
    private static func quoted(_ value: String) -> String {
        guard value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }) || value.isEmpty else {
            return value
        }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"\(escaped)\""
    }
}
