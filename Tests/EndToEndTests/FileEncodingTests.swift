import ControlClient
import ControlProtocol
import Foundation
import Testing

/// Text that is not plain UTF-8 with LF line ends is still an article: Windows-1252 (with a warning),
/// UTF-16 with a byte-order mark, CRLF line ends, and one line of several megabytes.
struct FileEncodingTests {
    static let story = "Iraqi protesters stormed the café near the embassy in Baghdad on Tuesday, officials said."

    @Test func windows1252AndUTF16AndCRLF_areArticles_windows1252WithAWarningNotAnError() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        let client = try daemon.connect()
        defer { client.close() }
        _ = try client.subscribe(SubscribeParams())

        let title = "Protesters storm café"
        let text = "\(title)\n\n\(Self.story)\n\nThe \u{201C}crowd\u{201D} dispersed by nightfall.\n"
        // é is 0xE9 and the curly quotes 0x93/0x94 in Windows-1252: not valid UTF-8.
        let windows1252 = Array(text.unicodeScalars.map { scalar -> UInt8 in
            switch scalar {
            case "é": 0xE9
            case "\u{201C}": 0x93
            case "\u{201D}": 0x94
            default: UInt8(scalar.value)
            }
        })
        try tree.dropByRename("ansi.txt", windows1252)
        try tree.dropByRename("utf16le.txt", [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        try tree.dropByRename("utf16be.txt", [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        try tree.dropByRename("crlf.txt", Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let changes = try client.nextFileChanges(4, daemon: daemon)

        #expect(changes.allSatisfy { $0.kind == ChangeKind.articleAdded }, "\(changes.map(\.brief))\(daemon.diagnostics)")
        for path in ["ansi.txt", "utf16le.txt", "utf16be.txt", "crlf.txt"] {
            let detail = try client.call(.articleGet, params: PathParams(path: path), as: ArticleDetail.self)
            #expect(detail.article.status == .ok, "\(path): \(detail.article.error ?? "")")
            #expect(detail.article.title == title, "\(path): title \(detail.article.title ?? "nil")")
            let body = detail.paragraphs.joined(separator: "\n")
            #expect(body.contains(Self.story), "\(path): \(detail.paragraphs)")
            #expect(body.contains("\u{201C}crowd\u{201D}"), "\(path): \(detail.paragraphs)")
            #expect(!body.contains("\r"), "\(path): a carriage return was left in \(detail.paragraphs)")
            if path == "ansi.txt" {
                #expect(
                    detail.warnings.contains { $0.contains("not valid UTF-8") && $0.contains("Windows-1252") },
                    "ansi.txt warnings: \(detail.warnings)")
            } else {
                #expect(detail.warnings.isEmpty, "\(path) warnings: \(detail.warnings)")
            }
        }
        #expect(try daemon.status().errors == 0)
    }

    @Test func oneLineOfSeveralMegabytes_underTheLimit_isAnArticle() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        let client = try daemon.connect()
        defer { client.close() }
        _ = try client.subscribe(SubscribeParams())

        // 3 MB with no line end at all: a minified dump, or a crawler that drops newlines.
        var line = Array("Long line report: ".utf8)
        let sentence = Array("The crowd gathered near the square and waited for news from the capital. ".utf8)
        while line.count < 3_000_000 { line += sentence }
        try tree.dropByRename("one-line.txt", line)
        let change = try client.nextFileChange(timeout: .seconds(60), daemon: daemon)

        #expect(change.kind == ChangeKind.articleAdded && change.path == "one-line.txt", "\(change.brief)\(daemon.diagnostics)")
        let rows = try daemon.articles()
        #expect(rows.map(\.status) == [.ok], "\(rows)")
        #expect(rows.first?.size == Int64(line.count))
    }
}
