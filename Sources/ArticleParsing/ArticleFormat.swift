/// The file formats Tidings reads articles from, chosen by file extension.
public enum ArticleFormat: String, Sendable, CaseIterable {
    /// Plain text (`.txt`), optionally starting with a ` date YYYY-MM-DD` header.
    case text
    /// A saved web page (`.html`, `.htm`).
    case html
    /// A news-please JSON record (`.json`): `title`, `maintext`, `date_publish`, `url`, `language`.
    case json

    /// The format for a file extension (case-insensitive, without the dot), or nil when Tidings does not read
    /// such files.
    public init?(pathExtension: some StringProtocol) {
        switch pathExtension.lowercased() {
        case "txt": self = .text
        case "html", "htm": self = .html
        case "json": self = .json
        default: return nil
        }
    }
}
