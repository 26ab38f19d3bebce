internal import Foundation
public import Logging

/// Writes one line per log record to stderr: time, level, label, message, then `key=value` metadata.
///
/// Under journald (`JOURNAL_STREAM` set) each line starts with its syslog priority (`<3>`, `<4>`, `<6>`…) so
/// the journal files it at the right level, and leaves the time to the journal. The level is shared by
/// every logger of the process so a reload can change it.
public struct StderrLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let journal: Bool

    private static let sharedLevel = Locked(Logger.Level.info)

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

    /// Values with spaces, quotes, `=` or line breaks are quoted so a line stays machine-splittable. Works on
    /// UTF-8 bytes: change payloads make this a hot path at debug level.
    static func quoted(_ value: String) -> String {
        let special: (UInt8) -> Bool = {
            $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "=") || (0x0A...0x0D).contains($0)
        }
        guard value.isEmpty || value.utf8.contains(where: special) else { return value }
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(value.utf8.count + 8)
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }
}
