internal import ArticleParsing
internal import ControlProtocol

/// The mentions an event's face is taken from (``FaceMentions``), as its row keeps them (`faceMentionIds`):
/// each one's id, what ranks it against other mentions and which of the face's parts it gives.
///
/// A batch that adds mentions to a stored event lets them compete with these alone. A pick either keeps its
/// part of the face, which the stored face already shows, or loses it to an added mention; it can never win
/// a part it did not have, since nothing it lost to is gone. So the picks need not be read back from the
/// mention table, which at 100k articles meant a random read for each (11 % of the writer's time).
struct StoredPicks: Equatable {
    struct Pick: Equatable {
        var id: Int64
        var confidence: Double
        var summaryQuality: Double
        var datePrecision: String?
        var sentenceIndex: Int
        var path: String
        var parts: Parts
    }

    /// The parts of the face a pick gives (``FaceMentions``' roles).
    struct Parts: OptionSet, Equatable {
        let rawValue: Int
        static let best = Parts(rawValue: 1)
        static let summary = Parts(rawValue: 2)
        static let dated = Parts(rawValue: 4)
        static let withSource = Parts(rawValue: 8)
        static let withTarget = Parts(rawValue: 16)
        static let withLocation = Parts(rawValue: 32)
    }

    /// In id order.
    var picks: [Pick]

    init(_ faceMentions: FaceMentions) {
        var picks: [Pick] = []
        func add(_ mention: MentionRow?, _ part: Parts) {
            guard let mention else { return }
            if let index = picks.firstIndex(where: { $0.id == mention.id }) {
                picks[index].parts.insert(part)
            } else {
                picks.append(Pick(
                    id: mention.id, confidence: mention.confidence, summaryQuality: mention.summaryQuality,
                    datePrecision: mention.datePrecision, sentenceIndex: mention.sentenceIndex, path: mention.path,
                    parts: part))
            }
        }
        add(faceMentions.best, .best)
        add(faceMentions.summary, .summary)
        add(faceMentions.dated, .dated)
        add(faceMentions.withSource, .withSource)
        add(faceMentions.withTarget, .withTarget)
        add(faceMentions.withLocation, .withLocation)
        self.picks = picks.sorted { $0.id < $1.id }
    }

    // Stored as text, written and read byte by byte (every event a batch stores is written, every one it
    // looks up read): a line per pick, its fields separated by tabs, the scores as the hexadecimal bits of the
    // double (exact, and cheaper than decimal), the path last so that it may hold anything but a newline. Rows
    // written before this format hold ids alone (migration v6), and read as nil.

    /// The column's text; nil when a path holds a newline, which the format cannot keep (the column is then
    /// left without picks, and the event's mentions are read in full the next time it changes).
    var text: String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(96 * picks.count)
        for pick in picks {
            if !bytes.isEmpty { bytes.append(StoredPicks.newline) }
            bytes.appendDecimal(UInt64(bitPattern: pick.id))
            bytes.append(StoredPicks.tab)
            StoredPicks.appendHex(pick.confidence.bitPattern, to: &bytes)
            bytes.append(StoredPicks.tab)
            StoredPicks.appendHex(pick.summaryQuality.bitPattern, to: &bytes)
            bytes.append(StoredPicks.tab)
            bytes.appendUTF8(pick.datePrecision ?? "")
            bytes.append(StoredPicks.tab)
            bytes.appendDecimal(UInt64(pick.sentenceIndex))
            bytes.append(StoredPicks.tab)
            bytes.appendDecimal(UInt64(pick.parts.rawValue))
            bytes.append(StoredPicks.tab)
            let pathStart = bytes.count
            bytes.appendUTF8(pick.path)
            if bytes[pathStart...].contains(StoredPicks.newline) { return nil }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    init?(text: String) {
        var picks: [Pick] = []
        var text = text
        let parsed: Bool = text.withUTF8 { utf8 in
            var position = 0
            func field(_ radix: UInt64) -> UInt64? {
                var value: UInt64 = 0
                let start = position
                while position < utf8.count, utf8[position] != StoredPicks.tab {
                    guard let digit = StoredPicks.digitValue(utf8[position]), digit < radix else { return nil }
                    value = value &* radix &+ digit
                    position += 1
                }
                guard position < utf8.count, position > start else { return nil }
                position += 1  // the tab
                return value
            }
            while position < utf8.count {
                guard let id = field(10), let confidence = field(16), let summaryQuality = field(16) else {
                    return false
                }
                let precisionStart = position
                while position < utf8.count, utf8[position] != StoredPicks.tab { position += 1 }
                guard position < utf8.count else { return false }
                let precision = String(
                    decoding: UnsafeBufferPointer(rebasing: utf8[precisionStart..<position]), as: UTF8.self)
                position += 1
                guard let sentenceIndex = field(10), let parts = field(10) else { return false }
                let pathStart = position
                while position < utf8.count, utf8[position] != StoredPicks.newline { position += 1 }
                let path = String(decoding: UnsafeBufferPointer(rebasing: utf8[pathStart..<position]), as: UTF8.self)
                if position < utf8.count { position += 1 }
                picks.append(Pick(
                    id: Int64(bitPattern: id), confidence: Double(bitPattern: confidence),
                    summaryQuality: Double(bitPattern: summaryQuality),
                    datePrecision: precision.isEmpty ? nil : precision, sentenceIndex: Int(sentenceIndex), path: path,
                    parts: Parts(rawValue: Int(parts))))
            }
            return true
        }
        guard parsed, !picks.isEmpty else { return nil }
        self.picks = picks
    }

    private static let tab = UInt8(ascii: "\t")
    private static let newline = UInt8(ascii: "\n")

    /// All sixteen digits, most significant first.
    private static func appendHex(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 60, through: 0, by: -4) {
            let digit = UInt8(truncatingIfNeeded: value >> UInt64(shift)) & 0xF
            bytes.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        }
    }

    private static func digitValue(_ byte: UInt8) -> UInt64? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt64(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt64(byte - UInt8(ascii: "a") + 10)
        default: nil
        }
    }

    /// The picks as mentions that compete like the real ones: each carries what ranks it, and the face's
    /// fields for the parts it gives (from `face`, which was taken from them); nothing for the other parts,
    /// which it cannot win.
    func mentions(giving face: EventFace) -> [MentionRow] {
        picks.map { MentionRow($0, face: face) }
    }
}

extension MentionRow {
    /// A stored pick standing for its mention (``StoredPicks/mentions(giving:)``).
    convenience init(_ pick: StoredPicks.Pick, face: EventFace) {
        let dated = pick.parts.contains(.dated)
        let withSource = pick.parts.contains(.withSource)
        let withTarget = pick.parts.contains(.withTarget)
        self.init(
            id: pick.id, path: pick.path, sentenceIndex: pick.sentenceIndex,
            sentence: pick.parts.contains(.summary) ? face.summary : "", confidence: pick.confidence,
            summaryQuality: pick.summaryQuality, code: face.code,
            sourceName: withSource ? face.sourceName : nil, sourceCode: withSource ? face.sourceCode : nil,
            targetName: withTarget ? face.targetName : nil, targetCode: withTarget ? face.targetCode : nil,
            location: pick.parts.contains(.withLocation) ? face.location : nil, locationCountry: nil,
            day: dated ? face.date.flatMap { CalendarDay(iso: $0)?.daysSinceEpoch } : nil,
            datePrecision: pick.datePrecision, dateProvenance: dated ? face.dateProvenance : nil)
    }
}
