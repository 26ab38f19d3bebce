internal import ControlProtocol
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

    /// Built as bytes: a bulk ingest logs a line per article, and string interpolation made each cost as much as
    /// storing the article's statements.
    public func log(event: LogEvent) {
        var line: [UInt8] = []
        line.reserveCapacity(256)
        if journal {
            line.append(UInt8(ascii: "<"))
            line.appendDecimal(UInt64(StderrLogHandler.syslogPriority(event.level)))
            line.append(UInt8(ascii: ">"))
        } else {
            line.appendUTF8(WireFormat.isoTime(Date().timeIntervalSince1970))
            line.append(UInt8(ascii: " "))
        }
        line.appendUTF8(event.level.rawValue)
        line.append(UInt8(ascii: " "))
        line.appendUTF8(label)
        line.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
        line.appendUTF8(event.message.description)
        let merged = metadata.isEmpty ? event.metadata ?? [:] : metadata.merging(event.metadata ?? [:]) { $1 }
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
            line.append(UInt8(ascii: " "))
            line.appendUTF8(key)
            line.append(UInt8(ascii: "="))
            StderrLogHandler.appendQuoted(value.description, to: &line)
        }
        line.append(UInt8(ascii: "\n"))
        line.withUnsafeBytes { FileHandle.standardError.write(Data($0)) }
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
        var bytes: [UInt8] = []
        appendQuoted(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendQuoted(_ value: String, to bytes: inout [UInt8]) {
        let special: (UInt8) -> Bool = {
            $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "=") || (0x0A...0x0D).contains($0)
        }
        guard value.isEmpty || value.utf8.contains(where: special) else { return bytes.appendUTF8(value) }
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "\""):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case UInt8(ascii: "\n"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(UInt8(ascii: "n"))
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
