import ArticleParsing
import Testing

@testable import EventExtraction

/// The fifteenth session's date wordings, tested with sentences of its own: "overnight" and "the early hours", "this
/// week", "the previous week" and "the following week", "on the 12th", and acts told in the present, which are the
/// day the article speaks rather than the day the sentences before it told of.
struct DateWordingTests {
    // MARK: Expressions read on their own.

    @Test(arguments: [
        // 2023-05-10 is a Wednesday: the week gone so far is Monday and Tuesday, and its middle is Tuesday.
        ("protests spread this week", "2023-05-10", "2023-05-09", EventDate.Precision.approximate),
        // On a Sunday, "this week" is the week that ends that day.
        ("protests spread this week", "2023-05-14", "2023-05-11", .approximate),
        ("the talks collapsed on the 3rd, officials said", "2023-05-10", "2023-05-03", .day),
        // A day the reference month has not reached yet is of the month before.
        ("the talks collapsed on the 12th, officials said", "2023-05-10", "2023-04-12", .day),
        ("they met on the 20th and agreed", "2023-01-05", "2022-12-20", .day),
        ("drones hit the port overnight", "2023-05-10", "2023-05-10", .day),
        ("drones hit the port in the early hours", "2023-05-10", "2023-05-10", .day),
        // The weekday says which night.
        ("drones hit the port overnight into Sunday", "2023-05-10", "2023-05-07", .day),
        ("drones hit the port in the early hours of Sunday", "2023-05-10", "2023-05-07", .day),
        // "this Friday" is of the reference day's week, Monday to Sunday: 2023-05-24 is a Wednesday.
        ("crowds gathered this Monday", "2023-05-24", "2023-05-22", .day),
        ("talks are due this Friday", "2023-05-24", "2023-05-26", .day),
        ("crowds gathered this Friday", "2023-05-28", "2023-05-26", .day),
    ])
    func expression_resolvesAgainstReferenceDay(text: String, reference: String, expected: String,
        precision: EventDate.Precision)
    {
        let date = resolvedDate(text, reference: reference)
        #expect(date?.day == day(expected), "\(text)")
        #expect(date?.precision == precision, "\(text)")
    }

    @Test(arguments: [
        "the 12th day of protests began on the square",
        "a monument built in the 12th century",
        "they met on the 3rd floor of the ministry",
        "the early hours of talks went well",
    ])
    func ordinalsAndHoursThatAreNoDate_resolveToNothing(text: String) {
        #expect(resolvedDate(text, reference: "2023-05-10") == nil, "\(text)")
    }

    // MARK: Dates counted from the story's.

    @Test func overnight_isTheNightEndingOnTheSentencesOwnDay_evenWhenThatDateComesAfter() throws {
        let found = events(
            "Ukrainian drones struck a Russian oil depot in Bryansk overnight, officials said on Sunday.",
            published: "2023-05-15")
        let strike = try #require(found.first { $0.code.rootCode == "19" }, "\(found.described)")
        #expect(strike.date?.day == day("2023-05-14"), "\(found.described)")
        #expect(strike.date?.precision == .day, "\(found.described)")
    }

    @Test func overnight_inALaterSentence_isTheStorysDay() throws {
        let found = sharedExtractor.extract(from: article([
            "KYIV — Russia fired cruise missiles at Odesa on Saturday. Russian drones also attacked Kharkiv overnight.",
        ], published: "2023-05-15"))
        let drones = try #require(found.first { $0.sentence.hasPrefix("Russian drones") }, "\(found.described)")
        #expect(drones.date?.day == day("2023-05-13"), "\(found.described)")
        #expect(drones.date?.precision == .day, "\(found.described)")
    }

    @Test(arguments: ["Later that day", "Later in the day", "That evening"])
    func laterThatDay_isTheStorysDay_asPreciselyAsIt(opening: String) throws {
        let found = sharedExtractor.extract(from: article([
            "ATHENS — Turkish jets violated Greek airspace on Monday. "
                + "\(opening), Greece summoned the Turkish ambassador.",
        ], published: "2023-05-24"))
        let summons = try #require(found.first { $0.sentence.hasPrefix(opening) }, "\(opening): \(found.described)")
        #expect(summons.date?.day == day("2023-05-22"), "\(opening): \(found.described)")
        #expect(summons.date?.precision == .day, "\(opening): \(found.described)")
    }

    @Test func previousWeek_isAWeekBeforeTheStorysDate_asAnEstimate() throws {
        let found = sharedExtractor.extract(from: article([
            "VILNIUS — Belarus expelled two Lithuanian diplomats on Friday.",
            "Lithuania expelled a Belarusian diplomat the previous week.",
        ], published: "2023-05-24"))
        let earlier = try #require(found.first { $0.sentence.hasPrefix("Lithuania") }, "\(found.described)")
        #expect(earlier.date?.day == day("2023-05-12"), "\(found.described)")
        #expect(earlier.date?.precision == .approximate, "\(found.described)")
    }

    @Test func followingWeek_isAWeekAfterTheStorysDate() throws {
        let found = sharedExtractor.extract(from: article([
            "VILNIUS — Lithuania expelled a Belarusian diplomat on May 5.",
            "The following week, Belarus expelled two Lithuanian diplomats.",
        ], published: "2023-05-24"))
        let later = try #require(found.first { $0.sentence.hasPrefix("The following") }, "\(found.described)")
        #expect(later.date?.day == day("2023-05-12"), "\(found.described)")
    }

    // MARK: Acts told in the present.

    @Test func presentTenseAct_isTheArticlesDay_notTheCarriedOne() throws {
        let found = sharedExtractor.extract(from: article([
            "VILNIUS — Belarus expelled two Lithuanian diplomats on Friday. Lithuania strongly condemns the move.",
        ], published: "2023-05-24"))
        let condemnation = try #require(found.first { $0.code.rootCode == "11" }, "\(found.described)")
        #expect(condemnation.date?.day == day("2023-05-24"), "\(found.described)")
    }

    @Test(arguments: [
        // A narrative's past carries the story's day.
        "Lithuania condemned the move.",
        // A speaker's present is the day of the telling.
        "\"Lithuania condemns the move,\" the minister said.",
    ])
    func pastOrQuotedAct_carriesTheStorysDay(second: String) throws {
        let found = sharedExtractor.extract(from: article([
            "VILNIUS — Belarus expelled two Lithuanian diplomats on Friday. " + second,
        ], published: "2023-05-24"))
        let condemnation = try #require(found.first { $0.code.rootCode == "11" }, "\(second): \(found.described)")
        #expect(condemnation.date?.day == day("2023-05-19"), "\(second): \(found.described)")
    }
}
