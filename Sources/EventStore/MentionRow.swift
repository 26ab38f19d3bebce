internal import ArticleParsing
internal import ControlProtocol
internal import EventExtraction
internal import Foundation
internal import GRDB

/// A stored mention, with what merging and choosing an event's face need.
///
/// A class: faces and the batch's cache pass mentions around by the thousand, and copying a struct of eleven
/// strings retained each of them.
final class MentionRow {
    let id: Int64
    let path: String
    let sentenceIndex: Int
    let sentence: String
    let confidence: Double
    let summaryQuality: Double
    let code: String
    let sourceName: String?
    let sourceCode: String?
    let targetName: String?
    let targetCode: String?
    let location: String?
    let locationCountry: String?
    let day: Int?
    let datePrecision: String?
    let dateProvenance: String?

    static let columns = """
        m.id, f.path, m.sentenceIndex, m.sentence, m.confidence, m.summaryQuality, m.code,
        m.sourceName, m.sourceCode, m.targetName, m.targetCode, m.location, m.locationCountry, m.day,
        m.datePrecision, m.dateProvenance
        """

    init(
        id: Int64, path: String, sentenceIndex: Int, sentence: String, confidence: Double, summaryQuality: Double,
        code: String, sourceName: String?, sourceCode: String?, targetName: String?, targetCode: String?,
        location: String?, locationCountry: String?, day: Int?, datePrecision: String?, dateProvenance: String?
    ) {
        self.id = id
        self.path = path
        self.sentenceIndex = sentenceIndex
        self.sentence = sentence
        self.confidence = confidence
        self.summaryQuality = summaryQuality
        self.code = code
        self.sourceName = sourceName
        self.sourceCode = sourceCode
        self.targetName = targetName
        self.targetCode = targetCode
        self.location = location
        self.locationCountry = locationCountry
        self.day = day
        self.datePrecision = datePrecision
        self.dateProvenance = dateProvenance
    }

    /// Reads a row selected with ``columns``, by position: name lookups dominate on this hot path.
    init(_ row: some ColumnValues) {
        id = row.int64(0) ?? 0
        path = row.text(1) ?? ""
        sentenceIndex = row.int(2) ?? 0
        sentence = row.text(3) ?? ""
        confidence = row.double(4) ?? 0
        summaryQuality = row.double(5) ?? 0
        code = row.text(6) ?? ""
        sourceName = row.text(7)
        sourceCode = row.text(8)
        targetName = row.text(9)
        targetCode = row.text(10)
        location = row.text(11)
        locationCountry = row.text(12)
        day = row.int(13)
        datePrecision = row.text(14)
        dateProvenance = row.text(15)
    }

    /// The row a new mention is stored as, field for field what reading it back gives.
    init(_ event: ExtractedEvent, id: Int64, path: String) {
        self.id = id
        self.path = sqliteText(path)
        sentenceIndex = event.sentenceIndex
        sentence = sqliteText(event.sentence)
        confidence = event.confidence
        summaryQuality = event.summaryQuality
        code = sqliteText(event.code.rawValue)
        sourceName = event.source.map { sqliteText($0.name) }
        sourceCode = event.source.map { sqliteText($0.code) }
        targetName = event.target.map { sqliteText($0.name) }
        targetCode = event.target.map { sqliteText($0.code) }
        location = event.location.map(sqliteText)
        locationCountry = event.locationCountry.map(sqliteText)
        day = event.date?.day.daysSinceEpoch
        datePrecision = event.date?.precision.rawValue
        dateProvenance = event.date?.provenance.rawValue
    }

    var date: EventDate? {
        guard let day, let precision = datePrecision.flatMap(EventDate.Precision.init(rawValue:)),
            let provenance = dateProvenance.flatMap(EventDate.Provenance.init(rawValue:))
        else { return nil }
        return EventDate(day: CalendarDay(daysSinceEpoch: day), precision: precision, provenance: provenance)
    }

    /// Orders mentions by how well they represent their event: confident, precisely dated first; ties broken
    /// by path and sentence so the choice never depends on arrival order.
    static func representsBetter(_ a: MentionRow, _ b: MentionRow) -> Bool {
        if a.confidence != b.confidence { return a.confidence > b.confidence }
        let (pa, pb) = (precisionRank(a.datePrecision), precisionRank(b.datePrecision))
        if pa != pb { return pa < pb }
        return (a.path, a.sentenceIndex) < (b.path, b.sentenceIndex)
    }

    /// Orders mentions by how well their sentence summarizes the event.
    static func summarizesBetter(_ a: MentionRow, _ b: MentionRow) -> Bool {
        if a.summaryQuality != b.summaryQuality { return a.summaryQuality > b.summaryQuality }
        return (a.path, a.sentenceIndex) < (b.path, b.sentenceIndex)
    }

    private static func precisionRank(_ precision: String?) -> Int {
        switch precision {
        case "day": return 0
        case "month": return 1
        case "approximate": return 2
        default: return 3
        }
    }
}

/// The face of an event, derived from its mentions; equal faces mean subscribers see no change.
///
/// A class, as ``MentionRow`` is: the writer's cache and the change records it returns hand faces around by the
/// thousand, and copying a struct of thirteen strings retained each of them.
final class EventFace: Equatable, Sendable {
    let id: Int64
    let code: String
    let rootCode: String
    let quadClass: Int
    let label: String
    let date: String?
    let datePrecision: String?
    let dateProvenance: String?
    let sourceName: String?
    let sourceCode: String?
    let targetName: String?
    let targetCode: String?
    let location: String?
    let summary: String
    let mentionCount: Int
    let articleCount: Int
    /// Every name and code any mention gives a source or target, each on a line of its own (`\nPompeo\nUSAGOV\n`),
    /// in byte order: what `events.list`'s actor filter matches. Not sent to clients.
    let actors: String

    /// Derives the face from all of the event's mentions (at least one, in id order), `picks` being theirs.
    convenience init(id: Int64, mentions: [MentionRow], picks: FaceMentions) {
        self.init(
            id: id, picks: picks, mentionCount: mentions.count, articleCount: EventFace.distinctPaths(mentions),
            actors: EventFace.actorLines(mentions))
    }

    /// The face after `added` joined an event whose stored face is `old`, `picks` being those of the new
    /// mentions and of the old face's own (``StoredPicks``): the event's other mentions need not be read.
    /// The new mentions' articles are not among the event's (see ``EventCache``).
    convenience init(updating old: EventFace, picks: FaceMentions, added: [MentionRow]) {
        self.init(
            id: old.id, picks: picks, mentionCount: old.mentionCount + added.count,
            articleCount: old.articleCount + EventFace.distinctPaths(added),
            actors: EventFace.actorLines(added, adding: old.actors))
    }

    private init(id: Int64, picks: FaceMentions, mentionCount: Int, articleCount: Int, actors: String) {
        let best = picks.best
        let code = CAMEOCode(best.code) ?? "010"
        self.id = id
        self.code = code.rawValue
        rootCode = code.rootCode
        quadClass = code.quadClass.rawValue
        label = code.label
        date = picks.dated?.date?.day.description
        datePrecision = picks.dated?.datePrecision
        dateProvenance = picks.dated?.dateProvenance
        // Actors and place from the best mention that names them: a mention without a target does not
        // hide the target another article gives.
        sourceName = picks.withSource?.sourceName
        sourceCode = picks.withSource?.sourceCode
        targetName = picks.withTarget?.targetName
        targetCode = picks.withTarget?.targetCode
        location = picks.withLocation?.location
        summary = picks.summary.sentence
        self.mentionCount = mentionCount
        self.articleCount = articleCount
        self.actors = actors
    }

    /// `existing` (an ``actors`` value) with the names and codes of `mentions` added.
    private static func actorLines(_ mentions: [MentionRow], adding existing: String = "") -> String {
        // A handful of names per event: a list searched in full is cheaper than a set's hashing. Mostly a new
        // article names the event's actors as the others did, and `existing` is then the answer as it is.
        var names: [String] = []
        names.reserveCapacity(4 * mentions.count)
        func add(_ name: String?) {
            if let name, !names.contains(name), existing.isEmpty || !EventFace.hasLine(existing, name) {
                names.append(name)
            }
        }
        for mention in mentions {
            add(mention.sourceName)
            add(mention.sourceCode)
            add(mention.targetName)
            add(mention.targetCode)
        }
        guard !names.isEmpty else { return existing }
        if !existing.isEmpty { names += existing.split(separator: "\n").map(String.init) }
        // Byte order, as SQLite's (migration v5 fills the column for events stored before it).
        names.sort(by: EventFace.precedesByBytes)
        var lines: [UInt8] = [UInt8(ascii: "\n")]
        lines.reserveCapacity(names.reduce(1) { $0 + $1.utf8.count + 1 })
        for name in names {
            lines.appendUTF8(name)
            lines.append(UInt8(ascii: "\n"))
        }
        return String(decoding: lines, as: UTF8.self)
    }

    /// Whether `name` is one of the lines of `lines` (an ``actors`` value: each line ends with a newline and
    /// follows one).
    private static func hasLine(_ lines: String, _ name: String) -> Bool {
        var (lines, name) = (lines, name)
        return lines.withUTF8 { text in
            name.withUTF8 { name in
                let newline = UInt8(ascii: "\n")
                var start = 1  // after the leading newline
                while start + name.count < text.count {
                    // `start` begins a line; it is `name` if the bytes match and a newline ends them.
                    if text[start + name.count] == newline,
                        name.isEmpty || memcmp(text.baseAddress! + start, name.baseAddress!, name.count) == 0
                    {
                        return true
                    }
                    guard let end = text[start...].firstIndex(of: newline) else { return false }
                    start = end + 1
                }
                return false
            }
        }
    }

    /// Whether `a`'s UTF-8 bytes sort before `b`'s (a comparison of the views themselves goes byte by byte
    /// through generic code).
    private static func precedesByBytes(_ a: String, _ b: String) -> Bool {
        var (a, b) = (a, b)
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
    }

    /// How many articles `mentions` come from.
    private static func distinctPaths(_ mentions: [MentionRow]) -> Int {
        mentions.count < 2 ? mentions.count : Set(mentions.map(\.path)).count
    }

    /// Reads a row selected with ``columns``, by position.
    init(_ row: some ColumnValues) {
        id = row.int64(0) ?? 0
        code = row.text(1) ?? ""
        rootCode = row.text(2) ?? ""
        quadClass = row.int(3) ?? 0
        label = row.text(4) ?? ""
        date = row.text(5)
        datePrecision = row.text(6)
        dateProvenance = row.text(7)
        sourceName = row.text(8)
        sourceCode = row.text(9)
        targetName = row.text(10)
        targetCode = row.text(11)
        location = row.text(12)
        summary = row.text(13) ?? ""
        mentionCount = row.int(14) ?? 0
        articleCount = row.int(15) ?? 0
        actors = row.text(16) ?? ""
    }

    /// Every stored field: a face that differs in any of them is rewritten and announced (`refresh`).
    static func == (a: EventFace, b: EventFace) -> Bool {
        a === b
            || (a.id == b.id && a.code == b.code && a.rootCode == b.rootCode && a.quadClass == b.quadClass
                && a.label == b.label && a.date == b.date && a.datePrecision == b.datePrecision
                && a.dateProvenance == b.dateProvenance && a.sourceName == b.sourceName
                && a.sourceCode == b.sourceCode && a.targetName == b.targetName && a.targetCode == b.targetCode
                && a.location == b.location && a.summary == b.summary && a.mentionCount == b.mentionCount
                && a.articleCount == b.articleCount && a.actors == b.actors)
    }

    /// The change payload: every field, null when unknown.
    var json: String {
        var object = JSONObjectWriter(capacity: 512)
        object.field("id", id)
        object.field("code", code)
        object.field("rootCode", rootCode)
        object.field("quadClass", quadClass)
        object.field("label", label)
        object.field("date", date)
        object.field("datePrecision", datePrecision)
        object.field("dateProvenance", dateProvenance)
        object.field("sourceName", sourceName)
        object.field("sourceCode", sourceCode)
        object.field("targetName", targetName)
        object.field("targetCode", targetCode)
        object.field("location", location)
        object.field("summary", summary)
        object.field("mentionCount", mentionCount)
        object.field("articleCount", articleCount)
        return object.finishedString()
    }

    static let columns = """
        id, code, rootCode, quadClass, label, date, datePrecision, dateProvenance, sourceName, sourceCode,
        targetName, targetCode, location, summary, mentionCount, articleCount, actors
        """
    /// How many ``columns`` there are: a column selected after them has this position.
    static let columnCount: Int32 = 17
}

/// The mentions an event's face is taken from: the one that represents it best, the best one with a date, a
/// source, a target and a place, and the best summary. Of equally good ones, the first in id order.
struct FaceMentions {
    var best: MentionRow
    var dated: MentionRow?
    var withSource: MentionRow?
    var withTarget: MentionRow?
    var withLocation: MentionRow?
    var summary: MentionRow

    /// Picks from `mentions` (at least one, in id order) in one pass.
    init(_ mentions: [MentionRow]) {
        func better(_ candidate: MentionRow, than current: MentionRow?) -> Bool {
            current.map { MentionRow.representsBetter(candidate, $0) } ?? true
        }
        best = mentions[0]
        summary = mentions[0]
        for mention in mentions {
            if MentionRow.representsBetter(mention, best) { best = mention }
            if MentionRow.summarizesBetter(mention, summary) { summary = mention }
            if mention.day != nil, better(mention, than: dated) { dated = mention }
            if mention.sourceCode != nil, better(mention, than: withSource) { withSource = mention }
            if mention.targetCode != nil, better(mention, than: withTarget) { withTarget = mention }
            if mention.location != nil, better(mention, than: withLocation) { withLocation = mention }
        }
    }

}
