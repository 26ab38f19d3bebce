import ArticleParsing
import Testing

@testable import EventExtraction

struct EventCodingTests {
    @Test func airstrike_inPassiveVoice_findsUSAsSource() throws {
        let found = events("Soleimani was killed by a U.S. airstrike on Jan. 3 near Baghdad International Airport.")
        let event = try #require(found.first)
        #expect(event.code == "195")
        #expect(event.source?.code.hasPrefix("USA") == true)
        #expect(event.target?.code == "IRNMIL")
        #expect(event.location == "Baghdad")
        #expect(event.date?.day == day("2020-01-03"))
    }

    @Test func passiveWithAgentAfterDate_findsAttackers() throws {
        let event = try #require(
            events("The U.S. Embassy in Baghdad was then attacked on Dec. 31 by a group of enraged militiamen.").first)
        #expect(["18", "19", "14"].contains(event.code.rootCode))
        #expect(event.source?.code == "IRQREB")
        #expect(event.target?.code == "USAGOV")
        #expect(event.date?.day == day("2019-12-31"))
    }

    @Test(arguments: [
        "There are no plans to evacuate Embassy Baghdad.",
        "Iran would be held responsible for any attack.",
        "If the airstrike was not carried out, Iraqi forces would have attacked the embassy.",
        "Iraqi forces didn't attack the protesters.",
        "Iranian officials claimed 80 American soldiers were killed.",
        "Did Russian forces shell Kharkiv?",
    ])
    func negatedOrHypothetical_isNoEvent(sentence: String) {
        #expect(events(sentence).isEmpty, "\(sentence)")
    }

    @Test func threat_subjectIsTargetAndSpeakerIsSource() throws {
        let text = "Iran will be held fully responsible. They will pay a very BIG PRICE! "
            + "— Donald J. Trump (@realDonaldTrump) December 31, 2019"
        let threat = try #require(events(text, published: "2020-01-02").first { $0.code.rootCode == "13" })
        #expect(threat.source?.code == "USAGOV")
        #expect(threat.target?.code.hasPrefix("IRN") == true)
        #expect(threat.date?.day == day("2019-12-31"))
    }

    @Test func rejection_ofAllegations_isCoded12() throws {
        let event = try #require(events("Iran strongly dismissed the allegations.").first)
        #expect(event.code.rootCode == "12")
        #expect(event.source?.code == "IRN")
    }

    @Test func protesters_attacking_isViolentProtest() throws {
        let event = try #require(events("Iraqi protesters attacked the US Embassy in Baghdad on Tuesday.").first)
        #expect(event.code == "145")
        #expect(event.source?.code == "IRQOPP")
        #expect(event.target?.code == "USAGOV")
    }

    // Other conflicts, other wording: nothing here is in the seed articles.
    @Test func shelling_inUkraine() throws {
        let event = try #require(events("Russian forces shelled Kharkiv on Monday.", published: "2022-03-02").first)
        #expect(event.code == "194")
        #expect(event.source?.code == "RUSMIL")
        #expect(event.target?.code == "UKR")
        #expect(event.location == "Kharkiv")
    }

    @Test func meeting_betweenLeaders() throws {
        let event = try #require(
            events("Ukrainian President Volodymyr Zelensky met German Chancellor Olaf Scholz in Berlin.").first)
        #expect(event.code.rootCode == "04")
        #expect(event.source?.code == "UKRGOV")
        #expect(event.target?.code == "DEUGOV")
        #expect(event.location == "Berlin")
    }

    @Test func airstrikesKillingPeople_inGaza() throws {
        let event = try #require(events("Israeli airstrikes killed 12 people in Gaza on Friday.").first)
        #expect(event.code == "195")
        #expect(event.source?.code == "ISRMIL")
        #expect(event.target?.country == "PSE")
        #expect(event.date?.day == day("2020-01-03"))
    }

    @Test func clash_betweenProtestersAndPolice_takesCountryFromPlace() throws {
        let event = try #require(events("Protesters in Nairobi clashed with police on Tuesday.").first)
        #expect(event.source?.code == "KENOPP")
        #expect(event.target?.code == "KENCOP")
        #expect(event.code.quadClass == .materialConflict)
    }

    @Test func condemnation_andAccusation_byIsraeliMinister() {
        let found = events(
            "Israeli Foreign Minister Israel Katz condemned the attack and accused Iran of coordinating the assault.")
        #expect(found.contains { $0.code.rootCode == "11" && $0.source?.code == "ISRGOV" })
        #expect(found.contains { $0.code == "112" && $0.source?.code == "ISRGOV" && $0.target?.code == "IRN" })
    }

    @Test func deployment_isForcePosture() throws {
        let event = try #require(events("Moscow deployed additional troops to Belarus on Sunday.").first)
        #expect(event.code == "154")
        #expect(event.source?.code == "RUSGOV")
    }

    @Test func rangeAndSentence_pointIntoTheBody() throws {
        let a = article(["Pompeo postpones Ukraine visit", "Iraqi forces attacked protesters in Basra on Monday."])
        let event = try #require(sharedExtractor.extract(from: a).first)
        let bytes = Array(a.body.utf8)
        #expect(String(decoding: bytes[event.range], as: UTF8.self) == event.sentence)
        #expect(event.sentenceIndex == 1)
        #expect(event.location == "Basra")
    }
}
