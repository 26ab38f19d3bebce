internal import Foundation
internal import TOMLKit

/// The settings in `/etc/tidings/tidings.toml` (TOML). Every key is optional; command-line flags win.
///
/// ```toml
/// watch = "/srv/tidings/inbox"
/// include = ["*.txt", "*.html"]
/// exclude = ["drafts/*"]
/// max_file_size = 10_000_000
/// log_level = "info"
/// ```
public struct ConfigurationFile: Equatable, Sendable {
    public var watch: String?
    public var state: String?
    public var socket: String?
    /// Glob patterns a file must match one of to be read (all article files when absent).
    public var include: [String]?
    /// Glob patterns of files never read.
    public var exclude: [String]?
    public var maxFileSize: Int64?
    public var dictionaries: String?
    /// The group the control socket belongs to.
    public var socketGroup: String?
    /// The group whose members may run operator commands (reparse).
    public var adminGroup: String?
    public var logLevel: String?

    public init() {}

    /// Where the file is looked for when `--config` is not given.
    public static let defaultPath = "/etc/tidings/tidings.toml"

    static let keys = [
        "watch", "state", "socket", "include", "exclude", "max_file_size", "dictionaries", "socket_group",
        "admin_group", "log_level",
    ]

    /// Reads and checks the file; the error names the file, the line and what is wrong.
    public static func load(path: String) throws(ConfigurationError) -> ConfigurationFile {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(path: path, line: nil, message: "cannot read the file: \(error.localizedDescription)")
        }
        return try parse(text, path: path)
    }

    /// Parses TOML text; `path` is only for messages.
    public static func parse(_ text: String, path: String) throws(ConfigurationError) -> ConfigurationFile {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(path: path, line: error.source.begin.line, message: error.description)
        } catch {
            throw ConfigurationError(path: path, line: nil, message: "\(error)")
        }
        func fail(_ key: String, _ message: String) -> ConfigurationError {
            ConfigurationError(path: path, line: line(of: key, in: text), message: message)
        }
        for key in table.keys where !keys.contains(key) {
            throw fail(key, "unknown key '\(key)'; known keys: \(keys.joined(separator: ", "))")
        }
        func string(_ key: String) throws(ConfigurationError) -> String? {
            guard let value = table[key] else { return nil }
            guard let string = value.string, !string.isEmpty else { throw fail(key, "'\(key)' must be a non-empty string") }
            return string
        }
        func strings(_ key: String) throws(ConfigurationError) -> [String]? {
            guard let value = table[key] else { return nil }
            guard let array = value.array else { throw fail(key, "'\(key)' must be an array of strings") }
            var strings: [String] = []
            for item in array {
                guard let string = item.string else { throw fail(key, "'\(key)' must be an array of strings") }
                strings.append(string)
            }
            return strings
        }
        var file = ConfigurationFile()
        file.watch = try string("watch")
        file.state = try string("state")
        file.socket = try string("socket")
        file.include = try strings("include")
        file.exclude = try strings("exclude")
        file.dictionaries = try string("dictionaries")
        file.socketGroup = try string("socket_group")
        file.adminGroup = try string("admin_group")
        file.logLevel = try string("log_level")
        if let value = table["max_file_size"] {
            guard let size = value.int, size > 0 else { throw fail("max_file_size", "'max_file_size' must be a positive integer (bytes)") }
            file.maxFileSize = Int64(size)
        }
        if let level = file.logLevel, !DaemonConfiguration.logLevels.contains(level) {
            throw fail("log_level", "'log_level' must be one of \(DaemonConfiguration.logLevels.joined(separator: ", ")), not '\(level)'")
        }
        return file
    }

    /// The 1-based line where `key` is assigned, for messages about its value.
    private static func line(of key: String, in text: String) -> Int? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix(key), trimmed.dropFirst(key.count).drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("=") {
                return index + 1
            }
        }
        return nil
    }
}

/// A configuration file that cannot be used: which file, which line, what is wrong.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String

    public var description: String {
        "\(path)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
