import ArgumentParser
import ControlProtocol
import Foundation
import Glibc

/// Where output goes and how it looks: colour only on a terminal without `NO_COLOR`.
enum Terminal {
    /// Whether stdout is a terminal (people) rather than a pipe or file (scripts).
    static let isInteractive = isatty(STDOUT_FILENO) == 1

    /// ANSI colour on stdout: only for a terminal, and never when `NO_COLOR` is set (no-color.org).
    static let usesColour = isInteractive && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    /// The terminal's width in columns, or nil when stdout is not a terminal.
    static var columns: Int? {
        guard isInteractive else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let value = Int(text), value > 0 {
            return value
        }
        return 80
    }

    /// Prints `tidingsctl: message` on stderr and returns the error that exits with code 1.
    static func fail(_ message: String) -> ExitCode {
        warn(message)
        return ExitCode.failure
    }

    /// Prints `tidingsctl: message` on stderr.
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("tidingsctl: \(message)\n".utf8))
    }

    /// Prints JSON text (a reply's result, already indented) and a newline, in one write.
    static func printJSON(_ text: [UInt8]) {
        var text = text
        text.append(UInt8(ascii: "\n"))
        flush()  // anything printed before comes first
        FileHandle.standardOutput.write(Data(text))
    }

    /// Prints a JSON value on one line and flushes, for line-by-line consumers (`watch --json | jq`).
    static func printJSONLine(_ value: JSONValue) {
        print(value.rendered(pretty: false))
        flush()
    }

    static func flush() {
        fflush(nil)
    }
}

/// A text style, applied only when ``Terminal/usesColour``.
enum Style: String {
    case bold = "1"
    case dim = "2"
    case red = "31"
    case green = "32"
    case yellow = "33"
    case cyan = "36"

    func callAsFunction(_ text: String) -> String {
        Terminal.usesColour ? "\u{1B}[\(rawValue)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    /// The text with control characters other than newline and tab shown as `�`, so text from articles can
    /// never move the cursor, change colours or retitle the terminal (ESC sequences).
    var terminalSafe: String {
        guard unicodeScalars.contains(where: Self.isUnsafe) else { return self }
        var output = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            output.append(Self.isUnsafe(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(output)
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }
}
