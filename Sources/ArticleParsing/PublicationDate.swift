/// Finding dates in article text: the ` date YYYY-MM-DD` header and explicit dates written in the body.
///
/// Explicit full dates are those with a day, a month and a year:
/// `December 31, 2019`, `Dec. 31, 2019`, `Sept 3rd 2019`, `31 December 2019`, `31 Dec. 2019`, `2019-12-31`.
/// Dates without a year (`Dec. 31`, `on Wednesday`) are left to the event extractor, which resolves them
/// against the publication date.
enum PublicationDate {
    /// The ` date YYYY-MM-DD` header at the very start of a text file.
    struct Header {
        /// The day, or nil when the header names no real day (`2020-02-30`).
        var day: CalendarDay?
        /// The date as written, for warnings.
        var written: String
        /// Where the body starts: right after the date and the spaces that follow it (the body may share the line).
        var bodyStart: Int
    }

    private static let headerKeyword = Array("date".utf8)

    /// Reads the header when the text starts with it (after optional whitespace); `date` is case-insensitive
    /// and may be followed by a colon.
    static func header(in bytes: ArraySlice<UInt8>) -> Header? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let length = bytes[index] == ByteText.newline ? 1 : ByteText.invisibleSpaceLength(bytes, at: index)
            if length == 0 { break }
            index += length
        }
        guard ByteText.hasPrefix(bytes[index...], lowercase: headerKeyword) else { return nil }
        index += 4
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ":") { index += 1 }
        let afterKeyword = index
        while index < bytes.endIndex, ByteText.isBlank(bytes[index]) { index += 1 }
        guard index > afterKeyword || bytes[afterKeyword - 1] == UInt8(ascii: ":"),
            let iso = isoDate(at: index, in: bytes)
        else { return nil }
        var end = iso.end
        guard end == bytes.endIndex || ByteText.isBlank(bytes[end]) || bytes[end] == ByteText.newline else {
            return nil
        }
        let written = ByteText.string(bytes[index..<end])
        while end < bytes.endIndex, ByteText.isBlank(bytes[end]) { end += 1 }
        return Header(day: iso.day, written: written, bodyStart: end)
    }

    /// A date of any supported form starting exactly at `index`, and where it ends.
    /// `index` should be at the start of a word.
    static func date(at index: Int, in bytes: ArraySlice<UInt8>) -> (day: CalendarDay, end: Int)? {
        let byte = bytes[index]
        if ByteText.isDigit(byte) {
            if let iso = isoDate(at: index, in: bytes), let day = iso.day { return (day, iso.end) }
            return dayFirstDate(at: index, in: bytes)
        }
        if ByteText.isUpper(byte) { return monthFirstDate(at: index, in: bytes) }
        return nil
    }

    /// Every explicit full date in the text, in order.
    static func explicitDates(in bytes: ArraySlice<UInt8>, into dates: inout [CalendarDay]) {
        var index = bytes.startIndex
        let end = bytes.endIndex
        var previous: UInt8 = 0x20
        while index < end {
            let byte = bytes[index]
            // Only word starts can begin a date; month names start with one of J F M A S O N D.
            if !ByteText.isAlphanumeric(previous), ByteText.isDigit(byte) || isMonthInitial(byte),
                let found = date(at: index, in: bytes)
            {
                dates.append(found.day)
                index = found.end
                previous = bytes[index - 1]
                continue
            }
            previous = byte
            index += 1
        }
    }

    /// The publication day that the text suggests, when it has explicit full dates.
    ///
    /// The rule: the first dateline (a line that is only a date, such as `Published January 2, 2020 10:00 ET`)
    /// wins; otherwise the latest explicit full date, because an article is written after the events it reports
    /// and quotes (and its quoted posts carry their own dates). Dates after `notAfter` (the file's modification
    /// day) are ignored: they are announced events, not the publication.
    static func inferred(
        datelines: [CalendarDay], mentioned: [CalendarDay], notAfter limit: CalendarDay?
    ) -> CalendarDay? {
        func isPlausible(_ day: CalendarDay) -> Bool { limit.map { day <= $0 } ?? true }
        if let first = datelines.first(where: isPlausible) { return first }
        return mentioned.filter(isPlausible).max()
    }

    // MARK: - Forms

    /// `YYYY-MM-DD` not followed by another digit; `day` is nil when the numbers name no real day.
    static func isoDate(at index: Int, in bytes: ArraySlice<UInt8>) -> (day: CalendarDay?, end: Int)? {
        guard index + 10 <= bytes.endIndex,
            let year = number(in: bytes, from: index, count: 4),
            bytes[index + 4] == UInt8(ascii: "-"),
            let month = number(in: bytes, from: index + 5, count: 2),
            bytes[index + 7] == UInt8(ascii: "-"),
            let day = number(in: bytes, from: index + 8, count: 2)
        else { return nil }
        let end = index + 10
        if end < bytes.endIndex, ByteText.isDigit(bytes[end]) { return nil }
        return (CalendarDay(year: year, month: month, day: day), end)
    }

    /// `December 31, 2019`, `Dec. 31 2019`, `Sept 3rd, 2019`.
    private static func monthFirstDate(at index: Int, in bytes: ArraySlice<UInt8>) -> (day: CalendarDay, end: Int)? {
        guard let month = month(at: index, in: bytes) else { return nil }
        var cursor = month.end
        guard let afterSpace = skipBlanks(in: bytes, from: cursor, atLeast: 1),
            let day = dayNumber(in: bytes, from: afterSpace)
        else { return nil }
        cursor = day.end
        var hadComma = false
        if cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: ",") {
            cursor += 1
            hadComma = true
        }
        guard let yearStart = skipBlanks(in: bytes, from: cursor, atLeast: hadComma ? 0 : 1),
            let year = year(in: bytes, from: yearStart),
            let calendarDay = CalendarDay(year: year, month: month.value, day: day.value)
        else { return nil }
        return (calendarDay, yearStart + 4)
    }

    /// `31 December 2019`, `31 Dec. 2019`, `31st December, 2019`.
    private static func dayFirstDate(at index: Int, in bytes: ArraySlice<UInt8>) -> (day: CalendarDay, end: Int)? {
        guard let day = dayNumber(in: bytes, from: index),
            let monthStart = skipBlanks(in: bytes, from: day.end, atLeast: 1),
            monthStart < bytes.endIndex, ByteText.isUpper(bytes[monthStart]),
            let month = month(at: monthStart, in: bytes)
        else { return nil }
        var cursor = month.end
        if cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: ",") { cursor += 1 }
        guard let yearStart = skipBlanks(in: bytes, from: cursor, atLeast: 1),
            let year = year(in: bytes, from: yearStart),
            let calendarDay = CalendarDay(year: year, month: month.value, day: day.value)
        else { return nil }
        return (calendarDay, yearStart + 4)
    }

    private static let monthNames: [[UInt8]] = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ].map { Array($0.utf8) }

    @inline(__always)
    private static func isMonthInitial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "J"), UInt8(ascii: "F"), UInt8(ascii: "M"), UInt8(ascii: "A"),
            UInt8(ascii: "S"), UInt8(ascii: "O"), UInt8(ascii: "N"), UInt8(ascii: "D"):
            return true
        default:
            return false
        }
    }

    /// A month name (full, or abbreviated to 3 letters or `Sept`, optionally with a period), case-insensitive.
    static func month(at index: Int, in bytes: ArraySlice<UInt8>) -> (value: Int, end: Int)? {
        var end = index
        while end < bytes.endIndex, ByteText.isLetter(bytes[end]), end - index < 10 { end += 1 }
        let length = end - index
        guard length >= 3, length <= 9 else { return nil }
        if end < bytes.endIndex, ByteText.isAlphanumeric(bytes[end]) { return nil }
        for (offset, name) in monthNames.enumerated() {
            let isFull = length == name.count
            let isShort = length == 3 || (offset == 8 && length == 4)
            guard isFull || isShort, length <= name.count else { continue }
            var matches = true
            for position in 0..<length where ByteText.lowercased(bytes[index + position]) != name[position] {
                matches = false
                break
            }
            guard matches else { continue }
            if end < bytes.endIndex, bytes[end] == UInt8(ascii: ".") { end += 1 }
            return (offset + 1, end)
        }
        return nil
    }

    /// A day of the month: one or two digits, optionally with `st`, `nd`, `rd` or `th`.
    private static func dayNumber(in bytes: ArraySlice<UInt8>, from index: Int) -> (value: Int, end: Int)? {
        guard index < bytes.endIndex, ByteText.isDigit(bytes[index]) else { return nil }
        var end = index + 1
        var value = Int(bytes[index] - 0x30)
        if end < bytes.endIndex, ByteText.isDigit(bytes[end]) {
            value = value * 10 + Int(bytes[end] - 0x30)
            end += 1
        }
        if end < bytes.endIndex, ByteText.isDigit(bytes[end]) { return nil }
        guard (1...31).contains(value) else { return nil }
        if end + 1 < bytes.endIndex, ByteText.isLetter(bytes[end]) {
            let suffix = (ByteText.lowercased(bytes[end]), ByteText.lowercased(bytes[end + 1]))
            switch suffix {
            case (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "n"), UInt8(ascii: "d")),
                (UInt8(ascii: "r"), UInt8(ascii: "d")), (UInt8(ascii: "t"), UInt8(ascii: "h")):
                end += 2
            default:
                return nil
            }
            if end < bytes.endIndex, ByteText.isLetter(bytes[end]) { return nil }
        }
        return (value, end)
    }

    /// A plausible four-digit year (1900–2100) not followed by a letter or digit.
    private static func year(in bytes: ArraySlice<UInt8>, from index: Int) -> Int? {
        guard let value = number(in: bytes, from: index, count: 4), (1900...2100).contains(value) else { return nil }
        let end = index + 4
        if end < bytes.endIndex, ByteText.isAlphanumeric(bytes[end]) { return nil }
        return value
    }

    private static func number(in bytes: ArraySlice<UInt8>, from index: Int, count: Int) -> Int? {
        guard index + count <= bytes.endIndex else { return nil }
        var value = 0
        for position in index..<(index + count) {
            let byte = bytes[position]
            guard ByteText.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// The index after at least `minimum` blanks, or nil when there are fewer.
    private static func skipBlanks(in bytes: ArraySlice<UInt8>, from index: Int, atLeast minimum: Int) -> Int? {
        var end = index
        while end < bytes.endIndex, ByteText.isBlank(bytes[end]) { end += 1 }
        return end - index >= minimum ? end : nil
    }
}
