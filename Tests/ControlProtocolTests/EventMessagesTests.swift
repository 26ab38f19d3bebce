import ControlProtocol
import Foundation
import Testing

/// The wire contract of `events.list`, `event.get`, `statements.list` and `actors.list` (docs/protocol.md).
struct EventMessagesTests {
    private static let event = EventSummary(
        id: 3, date: "2019-12-31", datePrecision: "day", dateProvenance: "explicit", code: "145", rootCode: "14",
        label: "Protest violently, riot", quadClass: 4, source: ActorInfo(name: "Iraqi protesters", code: "IRQOPP"),
        target: ActorInfo(name: "US government", code: "USAGOV"), location: "Baghdad",
        summary: "On 31 December, a number of Iraqi protesters attacked parts of the US Embassy in Baghdad.",
        articles: ["000.txt", "001.txt"], articleCount: 2, mentions: 8
    )

    private static let eventKeys: Set<String> = [
        "id", "date", "datePrecision", "dateProvenance", "code", "rootCode", "label", "quadClass", "source", "target",
        "location", "summary", "articles", "articleCount", "mentions",
    ]

    @Test func eventSummary_encodesItsWireFieldNames() throws {
        let json = try wireJSON(Self.event)
        #expect(keys(json) == Self.eventKeys)
        #expect(json["code"] == .string("145"))
        #expect(json["quadClass"] == .int(4))
        #expect(json["source"]?["code"] == .string("IRQOPP"))
        #expect(json["articles"] == .array([.string("000.txt"), .string("001.txt")]))
        #expect(json["articleCount"] == .int(2))
    }

    @Test func eventSummary_listedWithoutArticles_leavesThemOutAndStillCountsThem() throws {
        var event = Self.event
        event.articles = nil
        let json = try wireJSON(event)
        #expect(keys(json) == Self.eventKeys.subtracting(["articles"]))
        #expect(json["articleCount"] == .int(2))
        let decoded = try JSONDecoder().decode(EventSummary.self, from: JSONEncoder().encode(event))
        #expect(decoded == event)
    }

    @Test func eventSummary_whenUnknown_sendsNullRatherThanLeavingKeysOut() throws {
        var event = Self.event
        event.date = nil
        event.datePrecision = nil
        event.dateProvenance = nil
        event.source = nil
        event.target = nil
        event.location = nil
        let json = try wireJSON(event)
        #expect(keys(json) == Self.eventKeys)
        for key in ["date", "datePrecision", "dateProvenance", "source", "target", "location"] {
            #expect(json[key] == .null, "\(key)")
        }
    }

    @Test func eventSummary_keepsLeadingZerosOfCodes() throws {
        var event = Self.event
        event.code = "0251"
        event.rootCode = "02"
        let decoded = try JSONDecoder().decode(EventSummary.self, from: JSONEncoder().encode(event))
        #expect(decoded.code == "0251")
        #expect(decoded.rootCode == "02")
        #expect(decoded == event)
    }

    @Test func eventDetail_decodesADaemonReply_withMentionActorsLeftOut() throws {
        // A real `event.get` reply, shortened: the second mention names no source, so it has no `source` key.
        let line = #"""
            {"jsonrpc":"2.0","id":8,"result":{"event":{"id":1,"date":"2020-01-01","datePrecision":"day","dateProvenance":"explicit","code":"041","rootCode":"04","label":"Discuss by telephone","quadClass":1,"source":{"name":"Mike Pompeo","code":"USAGOV"},"target":{"name":"Adil Abdul-Mahdi","code":"IRQGOV"},"location":null,"summary":"S","articles":["000.txt","001.txt"],"articleCount":2,"mentions":2},"mentionList":[{"article":"000.txt","sentenceIndex":0,"start":0,"end":149,"sentence":"S","confidence":0.8,"code":"041","source":{"name":"Mike Pompeo","code":"USAGOV"},"target":{"name":"Adil Abdul-Mahdi","code":"IRQGOV"},"date":"2020-01-01","datePrecision":"day"},{"article":"001.txt","sentenceIndex":6,"start":1114,"end":1304,"sentence":"T","confidence":0.35,"code":"041","target":{"name":"Adil Abdul-Mahdi","code":"IRQGOV"}}]}}
            """#
        let detail = try decode(RPCResponse<EventDetail>.self, line).result
        #expect(detail.event.id == 1)
        #expect(detail.event.location == nil)
        #expect(detail.mentionList.count == 2)
        #expect(detail.mentionList[1].source == nil)
        #expect(detail.mentionList[1].date == nil)
        #expect(detail.mentionList[1].target?.name == "Adil Abdul-Mahdi")
    }

    @Test func eventSummary_fromADaemonWithoutArticleCount_countsItsPaths() throws {
        // An `events.list` row as daemons before `articleCount` sent it: always with the paths.
        let row = #"""
            {"id":1,"date":null,"datePrecision":null,"dateProvenance":null,"code":"041","rootCode":"04","label":"Discuss by telephone","quadClass":1,"source":null,"target":null,"location":null,"summary":"S","articles":["000.txt","001.txt","002.txt"],"mentions":4}
            """#
        let event = try decode(EventSummary.self, row)
        #expect(event.articleCount == 3)
        #expect(event.articles == ["000.txt", "001.txt", "002.txt"])
        #expect(throws: DecodingError.self) {
            try decode(EventSummary.self, row.replacingOccurrences(of: #""articles":["000.txt","001.txt","002.txt"],"#, with: ""))
        }
    }

    @Test func eventDetail_encodesItsWireFieldNames() throws {
        let mention = MentionInfo(
            article: "000.txt", sentenceIndex: 3, start: 10, end: 90, sentence: "S", confidence: 0.8, code: "145",
            source: nil, target: nil, date: nil, datePrecision: nil
        )
        let json = try wireJSON(EventDetail(event: Self.event, mentionList: [mention]))
        #expect(keys(json) == ["event", "mentionList"])
        guard case .array(let mentions) = json["mentionList"], let first = mentions.first else {
            Issue.record("mentionList is not a non-empty array")
            return
        }
        #expect(keys(first) == ["article", "sentenceIndex", "start", "end", "sentence", "confidence", "code"])
    }

    @Test func eventsListParams_encodesOnlyTheFiltersGiven() throws {
        let json = try wireJSON(EventsListParams(from: "2019-12-31", actor: "pompeo", limit: 5))
        #expect(keys(json) == ["from", "actor", "limit"])
        #expect(keys(try wireJSON(EventsListParams())) == [])
        #expect(try wireJSON(EventsListParams(withArticles: false))["withArticles"] == .bool(false))
        #expect(keys(try wireJSON(EventIDParams(id: 4))) == ["id"])
    }

    @Test func statementSummary_encodesItsWireFieldNames_withNullHandle() throws {
        let statement = StatementSummary(
            id: 1, author: "Secretary Pompeo", handle: nil, date: "2020-01-01", text: "Spoke today…",
            articles: ["000.txt"]
        )
        let json = try wireJSON(statement)
        #expect(keys(json) == ["id", "author", "handle", "date", "text", "articles"])
        #expect(json["handle"] == .null)
    }

    @Test func actorSummary_encodesItsWireFieldNames() throws {
        let json = try wireJSON(ActorSummary(name: "Iran", code: "IRN", events: 6, mentions: 11))
        #expect(keys(json) == ["name", "code", "events", "mentions"])
        #expect(json["mentions"] == .int(11))
    }
}
