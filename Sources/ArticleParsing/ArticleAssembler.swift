/// The steps every format shares once its text is cut into paragraph candidates: drop boilerplate and
/// duplicates, settle the title, find quoted posts and decide the publication date.
struct ArticleAssembler {
    enum TitleSource {
        /// Plain text: find the headline among the first lines (``TitleDetection``).
        case detect
        /// HTML and JSON: the file names its title (or has none); a paragraph repeating it is dropped.
        case given(String?)
    }

    var titleSource: TitleSource
    /// The date the file states (header line, HTML meta tag, JSON field): wins over everything else.
    var statedDate: CalendarDay?
    var modified: CalendarDay?
    /// Drop short fragments after the last paragraph (`Related Topics`, `Tags`): for text copied from a page.
    var dropsTrailingFragments: Bool
    var warnings: [String]
    var url: String?
    var language: String?

    /// - Parameters:
    ///   - candidates: paragraph candidates, trimmed, in reading order.
    ///   - dateText: where to look for explicit dates when the file states none.
    func assemble(_ candidates: [ArraySlice<UInt8>], dateText: [ArraySlice<UInt8>]) -> ParsedArticle {
        var content: [ArraySlice<UInt8>] = []
        content.reserveCapacity(candidates.count)
        var datelines: [CalendarDay] = []
        for candidate in candidates {
            switch Boilerplate.classify(candidate) {
            case .boilerplate:
                continue
            case .dateline(let day):
                datelines.append(day)
            case .content:
                // A quoted post's signature on a line of its own signs the paragraph before it.
                if let previous = content.last, QuotedPostScanner.isSignatureOnly(candidate) {
                    content[content.count - 1] = (Array(previous) + [0x20] + Array(candidate))[...]
                } else {
                    content.append(candidate)
                }
            }
        }

        // A repeated paragraph (a photo caption printed twice, a pasted block) is kept once. Articles have a few
        // dozen paragraphs: compare directly, and switch to hashing only for long files.
        var kept: [ArraySlice<UInt8>] = []
        kept.reserveCapacity(content.count)
        let hashes = content.count > 64
        var seen = Set<ParagraphKey>()
        for paragraph in content {
            let isRepeat =
                hashes
                ? !seen.insert(ParagraphKey(bytes: paragraph)).inserted
                : kept.contains(where: { $0.count == paragraph.count && $0.elementsEqual(paragraph) })
            if !isRepeat { kept.append(paragraph) }
        }

        var title: String?
        switch titleSource {
        case .detect:
            let detected = TitleDetection.detect(in: kept)
            if let index = detected.title {
                title = String(decoding: ByteText.collapsingWhitespace(kept[index]), as: UTF8.self)
                kept.removeFirst(detected.leadingCount)
            }
        case .given(let given):
            title = given
            if let given, !given.isEmpty {
                let titleBytes = ByteText.collapsingWhitespace(Array(given.utf8)[...])
                kept.removeAll {
                    $0.count >= titleBytes.count && $0.count <= titleBytes.count * 2
                        && ByteText.collapsingWhitespace($0) == titleBytes
                }
            }
        }

        if dropsTrailingFragments {
            while kept.count > 1, let last = kept.last, ByteText.wordCount(last) <= 5,
                !Boilerplate.endsSentence(last), QuotedPostScanner.signature(in: last) == nil
            {
                kept.removeLast()
            }
        }

        var article = ParsedArticle(
            title: title, published: nil, publishedSource: nil, paragraphs: [], warnings: warnings,
            url: url, language: language
        )
        article.paragraphs.reserveCapacity(kept.count)
        for (index, paragraph) in kept.enumerated() {
            article.paragraphs.append(ByteText.paragraphString(paragraph))
            if let post = QuotedPostScanner.scan(paragraph) {
                article.statements.append(post)
                article.statementParagraphs.append(index)
            }
        }
        if kept.isEmpty {
            article.warnings.append(
                "found no article paragraphs, only page furniture (navigation, credits, captions) or a title"
            )
        }

        if let statedDate {
            article.published = statedDate
            article.publishedSource = .header
        } else {
            var mentioned: [CalendarDay] = []
            for text in dateText { PublicationDate.explicitDates(in: text, into: &mentioned) }
            if let day = PublicationDate.inferred(datelines: datelines, mentioned: mentioned, notAfter: modified) {
                article.published = day
                article.publishedSource = .text
            } else if let modified {
                article.published = modified
                article.publishedSource = .mtime
            }
        }
        return article
    }
}

/// A paragraph's bytes as a set key, hashed as one block (an array's own hashing feeds the hasher byte by byte).
private struct ParagraphKey: Hashable {
    var bytes: ArraySlice<UInt8>

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func == (lhs: ParagraphKey, rhs: ParagraphKey) -> Bool {
        lhs.bytes.count == rhs.bytes.count && lhs.bytes.elementsEqual(rhs.bytes)
    }
}
