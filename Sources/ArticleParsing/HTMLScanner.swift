/// A forgiving one-pass reader of HTML that keeps what an article needs: `<p>` texts, embedded tweets, the
/// title sources, date metadata, the URL and the language. It is not a full HTML parser: it does not build a tree,
/// and it survives unclosed and misnested tags the way browsers roughly do (a block element ends an open `<p>`).
///
/// Skipped with their content: `script`, `style`, `noscript`, `template`, `textarea`, `nav`, `header`, `footer`,
/// `aside`, `form` (unless it wraps the whole page), `menu`, `dialog`, `select`, `button`, `figure` (images and
/// their captions), `svg`, `iframe`, `object`, `video`, `audio`. An `<h1>` inside a `<header>` still counts as
/// a title.
struct HTMLScanner {
    /// What the scan found.
    struct Page {
        var paragraphs: [[UInt8]] = []
        /// Text outside `<p>` (divs, list items, headings below h1): the fallback when a page has no `<p>`.
        var looseBlocks: [[UInt8]] = []
        var documentTitle: [UInt8]?
        var firstHeading: [UInt8]?
        /// `meta` values by lowercased `name`/`property`/`itemprop`, first occurrence wins.
        var meta: [String: [UInt8]] = [:]
        var jsonLDDatePublished: [UInt8]?
        var publishedTime: [UInt8]?
        var firstTime: [UInt8]?
        var canonicalURL: [UInt8]?
        var language: [UInt8]?
    }

    private(set) var page = Page()
    let bytes: [UInt8]
    private var paragraph = HTMLTextBuffer()
    private var inParagraph = false
    private var loose = HTMLTextBuffer()
    private var tweet = HTMLTextBuffer()
    private var tweetDepth = 0
    private var heading: HTMLTextBuffer?
    private var skipping: (name: String, depth: Int)?

    /// Whether `<form>` content is skipped. Some sites wrap the whole page in one form: the reader scans again
    /// without skipping forms when the first scan finds no paragraph.
    let skipsForms: Bool

    init(bytes: [UInt8], skipsForms: Bool = true) {
        self.bytes = bytes
        self.skipsForms = skipsForms
    }

    static let skippedElements: Set<String> = [
        "nav", "header", "footer", "aside", "form", "select", "button", "svg", "iframe", "object", "video", "audio",
        "figure", "menu", "dialog",
    ]
    static let rawTextElements: Set<String> = ["script", "style", "noscript", "template", "textarea", "title"]
    static let blockElements: Set<String> = Set([
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "td",
        "th", "blockquote", "section", "article", "main", "pre", "hr", "figcaption", "body", "html", "center",
    ]).union(skippedElements)

    mutating func scan() {
        var index = 0
        let count = bytes.count
        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else {
                var end = index + 1
                while end < count, bytes[end] != UInt8(ascii: "<") { end += 1 }
                appendText(index..<end)
                index = end
                continue
            }
            index = readMarkup(at: index)
        }
        finishParagraph()
        finishLoose()
        if tweetDepth > 0 { finishTweet() }
    }

    // MARK: - Markup

    /// Reads the markup at `index` (a `<`) and returns where the text resumes.
    private mutating func readMarkup(at index: Int) -> Int {
        let count = bytes.count
        guard index + 1 < count else { return count }
        let next = bytes[index + 1]
        if next == UInt8(ascii: "!") {
            if index + 3 < count, bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") {
                return find(Array("-->".utf8), from: index + 4).map { $0 + 3 } ?? count
            }
            return tagEnd(from: index + 2)
        }
        if next == UInt8(ascii: "?") { return tagEnd(from: index + 2) }
        let closing = next == UInt8(ascii: "/")
        let nameStart = closing ? index + 2 : index + 1
        guard nameStart < count, ByteText.isLetter(bytes[nameStart]) else {
            appendText(index..<(index + 1))  // a literal `<`
            return index + 1
        }
        var nameEnd = nameStart
        while nameEnd < count, ByteText.isAlphanumeric(bytes[nameEnd]) || bytes[nameEnd] == UInt8(ascii: "-") {
            nameEnd += 1
        }
        let name = String(decoding: bytes[nameStart..<nameEnd].lazy.map(ByteText.lowercased), as: UTF8.self)
        if closing {
            endTag(name)
            return tagEnd(from: nameEnd)
        }
        var attributes: [(name: String, value: [UInt8])] = []
        let end: Int
        if Self.attributeElements.contains(name) {
            end = readAttributes(from: nameEnd, into: &attributes)
        } else {
            end = tagEnd(from: nameEnd)
        }
        return startTag(name, attributes: attributes, contentStart: end)
    }

    private static let attributeElements: Set<String> = ["meta", "link", "html", "time", "blockquote", "script"]

    private mutating func startTag(
        _ name: String, attributes: [(name: String, value: [UInt8])], contentStart: Int
    ) -> Int {
        if Self.rawTextElements.contains(name) {
            let close = find(closingTag: name, from: contentStart)
            if skipping == nil, heading == nil {
                rawText(name, attributes: attributes, content: contentStart..<close)
            }
            return tagEnd(from: close + 1)
        }
        if let current = skipping {
            if name == current.name { skipping?.depth += 1 }
            if name == "h1", current.name == "header", page.firstHeading == nil { heading = HTMLTextBuffer() }
            return contentStart
        }
        switch name {
        case "meta": readMeta(attributes)
        case "link":
            if value("rel", in: attributes).map({ ByteText.lowercasedString($0) }) == "canonical",
                page.canonicalURL == nil
            {
                page.canonicalURL = value("href", in: attributes)
            }
        case "html": page.language = page.language ?? value("lang", in: attributes)
        case "time": readTime(attributes)
        case "br": appendSpace()
        default: break
        }
        if tweetDepth > 0 {
            if name == "blockquote" { tweetDepth += 1 }
            if name == "p" || name == "br" || name == "div" { tweet.appendSpace() }
            return contentStart
        }
        // A self-closed element (`<iframe … />`) has no content to skip.
        let selfClosed = contentStart >= 2 && bytes[contentStart - 2] == UInt8(ascii: "/")
        if Self.skippedElements.contains(name), !selfClosed, name != "form" || skipsForms {
            breakBlock()
            skipping = (name, 1)
            return contentStart
        }
        if Self.blockElements.contains(name) { breakBlock() }
        switch name {
        case "p": inParagraph = true
        case "h1" where page.firstHeading == nil: heading = HTMLTextBuffer()
        case "blockquote":
            let classes = value("class", in: attributes).map { ByteText.lowercasedString($0) } ?? ""
            if classes.contains("tweet") { tweetDepth = 1 }
        default: break
        }
        return contentStart
    }

    private mutating func endTag(_ name: String) {
        if let current = skipping {
            if name == "h1", heading != nil { finishHeading() }
            if name == current.name {
                skipping?.depth -= 1
                if skipping?.depth == 0 { skipping = nil }
            }
            return
        }
        if tweetDepth > 0 {
            if name == "blockquote" {
                tweetDepth -= 1
                if tweetDepth == 0 { finishTweet() }
            } else if name == "p" {
                tweet.appendSpace()
            }
            return
        }
        if name == "h1", heading != nil {
            finishHeading()
            return
        }
        if Self.blockElements.contains(name) { breakBlock() }
    }

    // MARK: - Metadata

    private mutating func readMeta(_ attributes: [(name: String, value: [UInt8])]) {
        guard let content = value("content", in: attributes) else { return }
        for key in ["property", "name", "itemprop", "http-equiv"] {
            guard let raw = value(key, in: attributes) else { continue }
            let name = ByteText.lowercasedString(raw)
            if page.meta[name] == nil { page.meta[name] = content }
        }
    }

    private mutating func readTime(_ attributes: [(name: String, value: [UInt8])]) {
        guard let datetime = value("datetime", in: attributes) else { return }
        let itemprop = value("itemprop", in: attributes).map { ByteText.lowercasedString($0) }
        if itemprop == "datepublished" || attributes.contains(where: { $0.name == "pubdate" }) {
            if page.publishedTime == nil { page.publishedTime = datetime }
        }
        if page.firstTime == nil { page.firstTime = datetime }
    }

    private mutating func rawText(_ name: String, attributes: [(name: String, value: [UInt8])], content: Range<Int>) {
        switch name {
        case "title" where page.documentTitle == nil:
            var buffer = HTMLTextBuffer()
            buffer.append(bytes, content)
            page.documentTitle = buffer.bytes
        case "script":
            guard page.jsonLDDatePublished == nil,
                let type = value("type", in: attributes), ByteText.lowercasedString(type).contains("ld+json"),
                let key = find(Array("\"datePublished\"".utf8), from: content.lowerBound), key < content.upperBound
            else { return }
            var cursor = key + 15
            while cursor < content.upperBound, bytes[cursor] != UInt8(ascii: "\"") { cursor += 1 }
            let start = cursor + 1
            guard start < content.upperBound, let end = find(Array("\"".utf8), from: start), end < content.upperBound
            else { return }
            page.jsonLDDatePublished = Array(bytes[start..<end])
        default:
            break
        }
    }

    // MARK: - Text

    private mutating func appendText(_ range: Range<Int>) {
        if heading != nil {
            heading?.append(bytes, range)
        } else if skipping != nil {
            return
        } else if tweetDepth > 0 {
            tweet.append(bytes, range)
        } else if inParagraph {
            paragraph.append(bytes, range)
        } else {
            loose.append(bytes, range)
        }
    }

    private mutating func appendSpace() {
        if heading != nil {
            heading?.appendSpace()
        } else if inParagraph {
            paragraph.appendSpace()
        } else {
            loose.appendSpace()
        }
    }

    private mutating func breakBlock() {
        finishParagraph()
        finishLoose()
    }

    private mutating func finishParagraph() {
        if inParagraph, !paragraph.bytes.isEmpty { page.paragraphs.append(paragraph.bytes) }
        paragraph = HTMLTextBuffer()
        inParagraph = false
    }

    private mutating func finishLoose() {
        if !loose.bytes.isEmpty { page.looseBlocks.append(loose.bytes) }
        loose = HTMLTextBuffer()
    }

    private mutating func finishTweet() {
        if !tweet.bytes.isEmpty { page.paragraphs.append(tweet.bytes) }
        tweet = HTMLTextBuffer()
        tweetDepth = 0
    }

    private mutating func finishHeading() {
        if let heading, !heading.bytes.isEmpty, page.firstHeading == nil { page.firstHeading = heading.bytes }
        heading = nil
    }
}
