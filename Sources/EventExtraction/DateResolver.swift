import ArticleParsing

/// A date expression found in a sentence.
struct DateMention: Sendable {
    var start: Int
    var end: Int
    var date: EventDate
    /// "Tuesday's attack": the date belongs to the following noun, not to the clause's verb.
    var possessive: Bool
    /// "a day earlier", "the next day", "hours later": days from the story's previous date, not from the reference
    /// day; `date` is counted from the reference day until the caller anchors it (``anchored(to:)``).
    var shift: Int? = nil
    /// "today", "yesterday", "tonight", "this morning": counted from the day the words are said, which inside a
    /// quotation is the speaker's day, not the article's (``spoken(on:reference:)``).
    var deictic = false

    /// The date counted from the story's previous date `anchor`, when it is one of those that need it.
    func anchored(to anchor: EventDate?) -> DateMention {
        guard let shift, let anchor else { return self }
        var copy = self
        // ("The previous week" is a week's guess even from a day.)
        let precise = anchor.precision == .day && date.precision == .day
        copy.date = EventDate(
            day: anchor.day.adding(days: shift), precision: precise ? .day : .approximate, provenance: .relative)
        return copy
    }

    /// A deictic date said on `speech` rather than on the `reference` day it was resolved against.
    func spoken(on speech: CalendarDay, reference: CalendarDay) -> DateMention {
        guard deictic else { return self }
        var copy = self
        copy.date.day = speech.adding(days: date.day.daysSinceEpoch - reference.daysSinceEpoch)
        return copy
    }
}

/// Resolves date expressions against a reference day (the article's or the quoted post's date), in the
/// manner of HeidelTime's news mode:
/// - a weekday ("on Wednesday", "early Wednesday", "Tuesday's attack") is the most recent such day on or
///   before the reference day — the reference day itself when it is that weekday, since news reports
///   what happened; "next Wednesday" is the next one after it;
/// - "Dec. 31", "December 31", "31 December", "January 1, 2020": explicit; without a year, the year that puts
///   the day closest to the reference day, a day ahead counting as five behind (a "Dec. 31" in an article of
///   2020-01-02 is 2019-12-31, a "Feb. 17" in one of 2022-12-09 is 2022-02-17);
/// - "today", "earlier today", "tonight", "this morning": the reference day; "yesterday", "last night": the
///   day before; "tomorrow": the day after; "N days ago";
/// - "last month", "in December", "December 2019": month precision, mid-month; "late last month",
///   "early December", "earlier this month", "last week": approximate;
/// - "a day earlier", "two days later", "the next day", "the same day", "the next morning", "that night", "hours
///   later": from the story's previous date (the caller anchors them, ``DateMention/anchored(to:)``).
struct DateResolver {
    let lexicon: Lexicon

    func find(in tokens: [Token], _ start: Int, _ end: Int, reference: CalendarDay?) -> [DateMention] {
        guard let reference else { return [] }
        var result: [DateMention] = []
        var i = start
        while i < end {
            if let mention = match(tokens, i, end, reference) {
                // "to hand power to civilians by July 2024", "until Friday", "until the end of Monday", "by midnight
                // on Sunday": a deadline, not when anything happened.
                if mention.possessive || !isDeadline(tokens, before: mention.start, from: start, end) {
                    result.append(mention)
                }
                i = max(mention.end, i + 1)
            } else {
                i += 1
            }
        }
        return result
    }

    /// Whether the words before `i` make a date a deadline: "by", "until" or "till", directly or before "the end
    /// of", "midnight (on)", "noon (on)".
    private func isDeadline(_ tokens: [Token], before i: Int, from start: Int, _ end: Int) -> Bool {
        var k = i - 1
        func previous() -> String? { k >= start ? word(tokens, k, end) : nil }
        if previous() == "on" { k -= 1 }
        if ["midnight", "noon"].contains(previous()) {
            k -= 1
        } else if previous() == "of", k >= start + 2, word(tokens, k - 1, end) == "end",
            word(tokens, k - 2, end) == "the"
        {
            k -= 3
        }
        return ["by", "until", "till"].contains(previous())
    }

    private func word(_ tokens: [Token], _ i: Int, _ end: Int) -> String? {
        guard i < end, tokens[i].kind == .word, tokens[i].id >= 0 else { return nil }
        return lexicon.vocabulary.word(tokens[i].id)
    }

    private func month(_ tokens: [Token], _ i: Int, _ end: Int) -> Int? {
        guard i < end, tokens[i].kind == .word, tokens[i].id >= 0 else { return nil }
        let m = Int(lexicon.months[Int(tokens[i].id)])
        // "may" and "march" are also verbs: only capitalized month names count.
        return m > 0 && m <= 12 && tokens[i].flags.contains(.capitalized) ? m : nil
    }

    private func number(_ tokens: [Token], _ i: Int, _ end: Int, _ range: ClosedRange<Int>) -> Int? {
        guard i < end, tokens[i].kind == .number, range.contains(Int(tokens[i].value)) else { return nil }
        return Int(tokens[i].value)
    }

    /// `, 2019` or ` 2019` after a day; "last year" and "this year" after a month ("in April last year").
    private func year(_ tokens: [Token], _ i: Int, _ end: Int, _ reference: CalendarDay) -> (Int, Int)? {
        if let y = number(tokens, i, end, 1900...2100) { return (y, i + 1) }
        if i < end, tokens[i].kind == .comma, let y = number(tokens, i + 1, end, 1900...2100) { return (y, i + 2) }
        if word(tokens, i + 1, end) == "year" {
            switch word(tokens, i, end) {
            case "last": return (reference.year - 1, i + 2)
            case "this": return (reference.year, i + 2)
            default: break
            }
        }
        return nil
    }

    private func match(_ tokens: [Token], _ i: Int, _ end: Int, _ reference: CalendarDay) -> DateMention? {
        let token = tokens[i]
        if token.kind == .number, let d = number(tokens, i, end, 1...31), let m = month(tokens, i + 1, end) {
            // 31 December [2019]
            var next = i + 2
            var y: Int?
            if let (yy, after) = year(tokens, next, end, reference) { y = yy; next = after }
            return explicitDay(m, d, y, reference, i, next, tokens, end)
        }
        // the 7th of October [2023]
        if token.kind == .number, let d = number(tokens, i, end, 1...31), word(tokens, i + 1, end) == "of",
            let m = month(tokens, i + 2, end)
        {
            var next = i + 3
            var y: Int?
            if let (yy, after) = year(tokens, next, end, reference) { y = yy; next = after }
            return explicitDay(m, d, y, reference, i, next, tokens, end)
        }
        if token.kind == .number { return daysAgo(tokens, i, end, reference) ?? dayOfMonth(tokens, i, end, reference) }
        guard token.kind == .word, token.id >= 0 else { return nil }
        let id = Int(token.id)
        let isDateWord = lexicon.classes[id].contains(.dateWord)
        guard isDateWord || lexicon.months[id] > 0 || lexicon.weekdays[id] > 0 else { return nil }
        if lexicon.months[id] > 12 {
            // "in mid-September [2019]": the middle of the month, approximately.
            let m = Int(lexicon.months[id]) - 12
            let y = year(tokens, i + 1, end, reference)
            guard let day = CalendarDay(year: y?.0 ?? nearestYear(month: m, day: 15, reference), month: m, day: 15)
            else { return nil }
            return DateMention(
                start: i, end: y?.1 ?? i + 1, date: EventDate(day: day, precision: .approximate, provenance: .explicit),
                possessive: false)
        }
        let key = isDateWord ? lexicon.vocabulary.word(token.id) : ""
        let modifier = (key == "early" || key == "late" || key == "mid") ? key : nil
        let first = modifier != nil ? i + 1 : i
        if let m = month(tokens, first, end) {
            // December 31[, 2019] / December 2019 / (early|late) December
            if let d = number(tokens, first + 1, end, 1...31), !(tokens[first + 1].value >= 1900) {
                var next = first + 2
                var y: Int?
                if let (yy, after) = year(tokens, next, end, reference) { y = yy; next = after }
                return explicitDay(m, d, y, reference, i, next, tokens, end)
            }
            let y = year(tokens, first + 1, end, reference)
            let preceding = i > 0 ? word(tokens, i - 1, i) : nil
            guard y != nil || modifier != nil || preceding == "in" || preceding == "since" || preceding == "until"
            else { return nil }
            let year = y?.0 ?? nearestYear(month: m, day: 15, reference)
            guard let day = CalendarDay(year: year, month: m, day: modifierDay(modifier, m, year)) else { return nil }
            let precision: EventDate.Precision = modifier == nil ? .month : .approximate
            return DateMention(
                start: i, end: y?.1 ?? first + 1,
                date: EventDate(day: day, precision: precision, provenance: .explicit), possessive: false)
        }
        let weekdayIndex = Int(lexicon.weekdays[id])
        if modifier != nil, first < end, tokens[first].id >= 0, lexicon.weekdays[Int(tokens[first].id)] > 0 {
            return weekday(Int(lexicon.weekdays[Int(tokens[first].id)]) - 1, i, first, tokens, end, reference, nil)
        }
        if weekdayIndex > 0 {
            let before = i > 0 && lexicon.wordClass(tokens[i - 1].id).contains(.dateWord) ? word(tokens, i - 1, end) : nil
            return weekday(weekdayIndex - 1, i, i, tokens, end, reference, before)
        }
        return relative(key, tokens, i, end, reference)
    }

    private func modifierDay(_ modifier: String?, _ month: Int, _ year: Int) -> Int {
        switch modifier {
        case "early": return 5
        case "late": return min(25, CalendarDay.daysIn(month: month, year: year))
        default: return 15
        }
    }

    private func explicitDay(
        _ m: Int, _ d: Int, _ y: Int?, _ reference: CalendarDay, _ start: Int, _ next: Int, _ tokens: [Token],
        _ end: Int
    ) -> DateMention? {
        let year = y ?? nearestYear(month: m, day: d, reference)
        guard let day = CalendarDay(year: year, month: m, day: d) else { return nil }
        let possessive = next < end && tokens[next].kind == .possessive
        return DateMention(
            start: start, end: possessive ? next + 1 : next,
            date: EventDate(day: day, precision: .day, provenance: .explicit), possessive: possessive)
    }

    /// The year that puts month/day closest to the reference day, a day ahead counting as five behind: news
    /// reports what happened ("in July", written in April, is last July), and ties go to the past too.
    func nearestYear(month: Int, day: Int, _ reference: CalendarDay) -> Int {
        var best = reference.year
        var bestDistance = Int.max
        for year in [reference.year - 1, reference.year, reference.year + 1] {
            let d = min(day, CalendarDay.daysIn(month: month, year: year))
            guard let candidate = CalendarDay(year: year, month: month, day: d) else { continue }
            let ahead = candidate.daysSinceEpoch - reference.daysSinceEpoch
            let distance = ahead > 0 ? 5 * ahead : -ahead
            if distance < bestDistance {
                best = year
                bestDistance = distance
            }
        }
        return best
    }

    private func weekday(
        _ weekday: Int, _ start: Int, _ dayToken: Int, _ tokens: [Token], _ end: Int, _ reference: CalendarDay,
        _ before: String?
    ) -> DateMention {
        var back = (reference.weekday - weekday + 7) % 7
        if before == "next" { back = -((weekday - reference.weekday + 7) % 7 == 0 ? 7 : (weekday - reference.weekday + 7) % 7) }
        // "this Friday" is the Friday of the reference day's week, Monday to Sunday: ahead of it, a plan.
        if before == "this" { back = (reference.weekday + 6) % 7 - (weekday + 6) % 7 }
        // "last Tuesday" is the previous week's: news says "on Tuesday" for a day of this week (Monday to
        // Saturday; on a Sunday, the week just ended is the last one).
        let daysIntoWeek = reference.weekday == 0 ? 0 : reference.weekday - 1
        if before == "last" && back <= daysIntoWeek { back += 7 }
        var next = dayToken + 1
        // "on Saturday, Oct. 7", "Saturday 7 October": the calendar date that follows says which Saturday.
        let dateStart = next < end && tokens[next].kind == .comma ? next + 1 : next
        if dateStart < end, let explicit = match(tokens, dateStart, end, reference), explicit.date.provenance == .explicit,
            explicit.date.precision == .day
        {
            return DateMention(start: start, end: explicit.end, date: explicit.date, possessive: explicit.possessive)
        }
        // "Wednesday night", "Wednesday morning"
        if let w = word(tokens, next, end), ["night", "morning", "evening", "afternoon"].contains(w) { next += 1 }
        let possessive = next < end && tokens[next].kind == .possessive
        return DateMention(
            start: start, end: possessive ? next + 1 : next,
            date: EventDate(day: reference.adding(days: -back), precision: .day, provenance: .relative),
            possessive: possessive)
    }

    private func relative(
        _ key: String, _ tokens: [Token], _ i: Int, _ end: Int, _ reference: CalendarDay
    ) -> DateMention? {
        // "last week's explosion": a possessive date belongs to its noun (``EventCoder/bindDate``).
        func possessive(after end: Int) -> Bool { end < tokens.count && tokens[end].kind == .possessive }
        func mention(_ length: Int, _ offset: Int, _ precision: EventDate.Precision = .day) -> DateMention {
            let isPossessive = possessive(after: i + length)
            return DateMention(
                start: i, end: i + length + (isPossessive ? 1 : 0),
                date: EventDate(day: reference.adding(days: offset), precision: precision, provenance: .relative),
                possessive: isPossessive, deictic: precision == .day)
        }
        func monthMention(_ length: Int, _ monthsBack: Int, _ modifier: String?) -> DateMention? {
            var year = reference.year
            var month = reference.month - monthsBack
            if month < 1 { month += 12; year -= 1 }
            guard let day = CalendarDay(year: year, month: month, day: modifierDay(modifier, month, year)) else {
                return nil
            }
            let isPossessive = possessive(after: i + length)
            return DateMention(
                start: i, end: i + length + (isPossessive ? 1 : 0),
                date: EventDate(day: day, precision: modifier == nil ? .month : .approximate, provenance: .relative),
                possessive: isPossessive)
        }
        let w1 = word(tokens, i + 1, end)
        let w2 = word(tokens, i + 2, end)
        switch key {
        case "morning", "evening", "night", "afternoon":
            // "the next morning", "that night" ("this morning", "last night" are read from their first word)
            return storyRelative("day", w1, tokens, i, end, reference, part: true)
        case "day", "days", "week", "weeks", "hours":
            // "in the early hours" ("the early hours of Sunday" is read from the weekday).
            if key == "hours", i > 0, word(tokens, i - 1, end) == "early", w1 != "of" {
                return sameStoryDay(from: i - 1, to: i + 1, reference)
            }
            guard w1 == "ago" else {
                // "a week later", "two weeks earlier" count from the story's date; "last week" is read from "last".
                // ("The previous week", "the following week" count from the story's date too.)
                let previous = i > 0 ? word(tokens, i - 1, end) : nil
                let fromStory = !key.hasPrefix("week") || w1 == "later" || w1 == "earlier"
                    || (key == "week" && (previous == "previous" || previous == "following"))
                return fromStory ? storyRelative(key, w1, tokens, i, end, reference) : nil
            }
            // "two weeks ago", "a day ago" (numbers are read by ``daysAgo``)
            guard i > 0, !key.hasPrefix("hour"), let count = word(tokens, i - 1, end).flatMap({ DateResolver.counts[$0] })
            else { return nil }
            let days = key.hasPrefix("week") ? 7 * count : count
            return DateMention(
                start: i - 1, end: i + 2,
                date: EventDate(day: reference.adding(days: -days), precision: days > 2 ? .approximate : .day,
                    provenance: .relative),
                possessive: false)
        case "weekend":
            // "over the weekend", "last weekend", "this past weekend": the weekend just gone, from its Saturday.
            guard i > 0, ["the", "this", "last", "past"].contains(word(tokens, i - 1, end) ?? "") else { return nil }
            return mention(1, -((reference.weekday + 1) % 7), .approximate)
        case "overnight":
            // "overnight into Sunday", "overnight on Saturday": read from the weekday.
            if w1 == "into" || w1 == "on" || w1 == "to" { return nil }
            return sameStoryDay(from: i, to: i + 1, reference)
        case "today", "tonight": return mention(1, 0)
        case "yesterday": return mention(1, -1)
        case "tomorrow": return mention(1, 1)
        case "earlier", "later":
            if w1 == "today" { return mention(2, 0) }
            // "later that day", "earlier that morning", "later in the day": the story's day.
            if w1 == "that", let w2, DateResolver.dayParts.contains(w2) {
                return sameStoryDay(from: i, to: i + 3, reference)
            }
            if w1 == "in", w2 == "the", word(tokens, i + 3, end) == "day" {
                return sameStoryDay(from: i, to: i + 4, reference)
            }
            if w1 == "this", w2 == "month" { return monthMention(3, 0, key == "earlier" ? "early" : "late") }
            if w1 == "this", w2 == "week" { return mention(3, key == "earlier" ? -3 : 0, .approximate) }
            return nil
        case "this":
            if w1 == "morning" || w1 == "afternoon" || w1 == "evening" { return mention(2, 0) }
            if w1 == "month" { return monthMention(2, 0, nil) }
            // "this week", told of the past: the middle of the days of the week gone so far.
            if w1 == "week" { return mention(2, -(weekGone(reference) + 1) / 2, .approximate) }
            return nil
        case "last":
            if w1 == "night" { return mention(2, -1) }
            if w1 == "month" { return monthMention(2, 1, nil) }
            if w1 == "week" { return mention(2, -7, .approximate) }
            return nil
        case "early", "late", "mid":
            if w1 == "last", w2 == "month" { return monthMention(3, 1, key) }
            if w1 == "this", w2 == "month" { return monthMention(3, 0, key) }
            if w1 == "last", w2 == "week" { return mention(3, key == "early" ? -9 : -4, .approximate) }
            return nil
        default:
            break
        }
        return nil
    }

    /// "struck Kyiv overnight", "in the early hours", "later that day": the story's day, whatever part of it (the
    /// caller anchors it to the sentence's or the story's date, else it is the reference day).
    private func sameStoryDay(from start: Int, to end: Int, _ reference: CalendarDay) -> DateMention {
        DateMention(
            start: start, end: end, date: EventDate(day: reference, precision: .day, provenance: .relative),
            possessive: false, shift: 0)
    }

    private static let dayParts: Set<String> = ["day", "morning", "afternoon", "evening", "night"]

    /// Days of the week gone before `day`, Monday 0 … Saturday 5; a Sunday ends the week that news calls "this
    /// week" (6).
    private func weekGone(_ day: CalendarDay) -> Int { day.weekday == 0 ? 6 : day.weekday - 1 }

    private static let counts = ["a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7]

    /// "a day earlier", "two days later", "the next day", "the following day", "the previous day", "the same
    /// day", "hours later": counted from the date the story last gave (``DateMention/shift``); starting at
    /// "day", "days" or "hours", with `w1` the word after it.
    private func storyRelative(
        _ key: String, _ w1: String?, _ tokens: [Token], _ i: Int, _ end: Int, _ reference: CalendarDay,
        part: Bool = false
    ) -> DateMention? {
        let before = i > 0 ? tokens[i - 1] : nil
        let previous = i > 0 ? word(tokens, i - 1, end) : nil
        var start = i - 1
        var shift: Int
        switch (key, w1) {
        case ("hours", "later"?), ("hours", "earlier"?):
            shift = 0
            start = i
            if previous == "just" || previous == "several" || previous == "few" || previous == "two"
                || previous == "three" || before?.kind == .number
            {
                start = i - 1
            }
        case (_, "later"?), (_, "earlier"?):
            var count: Int?
            if let before, before.kind == .number, (1...14).contains(Int(before.value)) { count = Int(before.value) }
            if let previous, let spelled = DateResolver.counts[previous] { count = spelled }
            guard let count, (key == "day" || key == "week") == (count == 1) else { return nil }
            let days = key.hasPrefix("week") ? 7 * count : count
            shift = w1 == "later" ? days : -days
        case ("week", _):
            shift = previous == "previous" ? -7 : 7
            guard start > 0, word(tokens, start - 1, end) == "the" else { return nil }
            return DateMention(
                start: start - 1, end: i + 1,
                date: EventDate(day: reference.adding(days: shift), precision: .approximate, provenance: .relative),
                possessive: false, shift: shift)
        case ("day", _):
            switch previous {
            case "next", "following": shift = 1
            case "previous": shift = -1
            case "same": shift = 0
            case "that" where part: shift = 0
            // "had met the day before.": at the clause's end, from the story's date ("the day before the vote"
            // counts from the vote).
            case "the" where (w1 == "before" || w1 == "after") && (i + 2 >= end || tokens[i + 2].kind != .word):
                shift = w1 == "before" ? -1 : 1
            default: return nil
            }
            if (w1 == "after" || w1 == "before") && previous != "the" { return nil }
            if start > 0, word(tokens, start - 1, end) == "the" { start -= 1 }
        default:
            return nil
        }
        return DateMention(
            start: start, end: w1 == "later" || w1 == "earlier" || (previous == "the" && key == "day") ? i + 2 : i + 1,
            date: EventDate(day: reference.adding(days: shift), precision: .day, provenance: .relative),
            possessive: false, shift: shift)
    }

    /// "on the 12th": that day of the reference month, or of the month before when the reference month has not
    /// reached it (news reports what happened). Not "the 12th day of protests", "the 20th century": only an
    /// ordinal after "on the" that no noun follows.
    func dayOfMonth(_ tokens: [Token], _ i: Int, _ end: Int, _ reference: CalendarDay) -> DateMention? {
        let token = tokens[i]
        guard i >= 2, (1...31).contains(token.value), isOrdinal(token), word(tokens, i - 1, end) == "the",
            word(tokens, i - 2, end) == "on"
        else { return nil }
        if i + 1 < end, tokens[i + 1].kind == .word, !DateResolver.clauseWords.contains(word(tokens, i + 1, end) ?? "")
        {
            return nil
        }
        let d = Int(token.value)
        var (year, month) = (reference.year, reference.month)
        if d > reference.day {
            month -= 1
            if month < 1 { month = 12; year -= 1 }
        }
        guard let day = CalendarDay(year: year, month: month, day: d) else { return nil }
        return DateMention(
            start: i - 1, end: i + 1, date: EventDate(day: day, precision: .day, provenance: .relative),
            possessive: false)
    }

    /// Words after "on the 12th" that go on with the clause, not with the number as a noun phrase.
    private static let clauseWords: Set<String> = ["and", "when", "after", "before", "as", "in", "at", "but", "while"]

    /// "12th", "1st", "22nd", "3rd": the tokenizer keeps an ordinal's suffix in the number's token.
    private func isOrdinal(_ token: Token) -> Bool {
        let digits = token.value >= 10 ? 2 : 1
        return Int(token.end - token.start) == digits + 2
    }

    /// "N days ago" starting at a number token.
    func daysAgo(_ tokens: [Token], _ i: Int, _ end: Int, _ reference: CalendarDay) -> DateMention? {
        guard tokens[i].kind == .number, let unit = word(tokens, i + 1, end), word(tokens, i + 2, end) == "ago" else {
            return nil
        }
        let n = Int(tokens[i].value)
        let days: Int
        switch unit {
        case "day", "days": days = n
        case "week", "weeks": days = 7 * n
        default: return nil
        }
        return DateMention(
            start: i, end: i + 3,
            date: EventDate(day: reference.adding(days: -days), precision: days > 2 ? .approximate : .day,
                provenance: .relative),
            possessive: false)
    }
}
