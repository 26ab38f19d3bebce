import ControlProtocol
import Foundation
import Testing

/// The field names here are the public wire contract: clients in any language depend on them.
struct MessagesTests {
    private static let status = StatusResult(
        state: .watching, root: "/srv/news", files: 3, articles: 2, events: 5, statements: 1, errors: 1, backlog: 0,
        seq: 42, generation: "g1", uptimeSeconds: 192.5, version: "0.1.0", database: "/var/lib/tidings/tidings.sqlite",
        socket: "/run/tidings/control.sock", problems: []
    )

    private static let summary = ArticleSummary(
        path: "world/a.txt", title: "Title", published: "2020-01-08", publishedSource: "header", status: .ok,
        error: nil, events: 2, hash: "ab", size: 10, ingestedAt: "2020-01-08T10:00:00Z"
    )

    @Test func controlMethods_haveTheirWireNames() {
        #expect(ControlMethod.allCases.map(\.rawValue) == [
            "status", "articles.list", "article.get", "changes.subscribe", "changes.unsubscribe", "reparse",
            "events.list", "event.get", "statements.list", "actors.list",
        ])
        #expect(ControlNotification.change == "changes.notify")
        #expect(ControlNotification.lagged == "changes.lagged")
    }

    @Test func changeKinds_haveTheirWireNames() {
        #expect(ChangeKind.all == [
            "article.added", "article.updated", "article.removed", "file.error", "event.added", "event.updated",
            "event.removed", "statement.added", "statement.updated", "statement.removed",
        ])
    }

    @Test func changeNotice_encodesItsWireFieldNames() throws {
        let notice = ChangeNotice(
            seq: 7, kind: ChangeKind.articleAdded, path: "a.txt", generation: "g1", time: "2020-01-08T10:00:00Z",
            data: .object(["title": .string("T")])
        )
        let json = try wireJSON(notice)
        #expect(keys(json) == ["seq", "kind", "path", "generation", "time", "data"])
        #expect(json["seq"] == .int(7))
    }

    @Test func changeNotice_whenPathAndDataNil_omitsThem() throws {
        let notice = ChangeNotice(seq: 1, kind: "event.added", path: nil, generation: "g", time: "t", data: nil)
        #expect(keys(try wireJSON(notice)) == ["seq", "kind", "generation", "time"])
    }

    @Test func changeNotice_decodesADaemonLine() throws {
        let line = #"""
            {"jsonrpc":"2.0","method":"changes.notify","params":{"seq":12,"kind":"file.error","path":"b.txt","generation":"g2","time":"2020-01-08T10:00:00Z","data":{"error":"not UTF-8"}}}
            """#
        let notice = try decode(RPCNotification<ChangeNotice>.self, line).params
        #expect(notice.seq == 12)
        #expect(notice.kind == ChangeKind.fileError)
        #expect(notice.path == "b.txt")
        #expect(notice.summary == "not UTF-8")
    }

    @Test func changeNotice_decodesNullPathAndData() throws {
        // The daemon writes notifications by hand (WireFormat) and spells missing values as null.
        let line = #"""
            {"jsonrpc":"2.0","method":"changes.notify","params":{"seq":3,"kind":"article.removed","path":null,"generation":"g","time":"2026-11-21T09:30:12.345Z","data":null}}
            """#
        let notice = try decode(RPCNotification<ChangeNotice>.self, line).params
        #expect(notice.path == nil)
        #expect(notice.data == nil)
        #expect(notice.summary == nil)
    }

    @Test func articleSummary_whenOptionalsNil_sendsThemAsNull() throws {
        var summary = Self.summary
        summary.title = nil
        summary.published = nil
        summary.publishedSource = nil
        let json = try wireJSON(summary)
        #expect(keys(json) == [
            "path", "title", "published", "publishedSource", "status", "error", "events", "hash", "size", "ingestedAt",
        ])
        #expect(json["title"] == .null)
        #expect(json["published"] == .null)
    }

    @Test func changeNotice_summary_prefersErrorThenTitle() {
        func notice(_ data: JSONValue?) -> ChangeNotice {
            ChangeNotice(seq: 1, kind: "k", path: nil, generation: "g", time: "t", data: data)
        }
        #expect(notice(.object(["title": .string("T")])).summary == "T")
        #expect(notice(.object(["title": .string("T"), "error": .string("E")])).summary == "E")
        #expect(notice(nil).summary == nil)
    }

    @Test func statusResult_encodesItsWireFieldNames() throws {
        #expect(keys(try wireJSON(Self.status)) == [
            "state", "root", "files", "articles", "events", "statements", "errors", "backlog", "seq", "generation",
            "uptimeSeconds", "version", "database", "socket", "problems",
        ])
        #expect(try wireJSON(Self.status)["state"] == .string("watching"))
    }

    @Test func statusResult_roundTrips() throws {
        let data = try JSONEncoder().encode(Self.status)
        #expect(try JSONDecoder().decode(StatusResult.self, from: data) == Self.status)
    }

    @Test func daemonStates_haveTheirWireNames() {
        #expect(DaemonState.allCases.map(\.rawValue) == ["starting", "scanning", "watching", "degraded"])
    }

    @Test func articleSummary_encodesItsWireFieldNames() throws {
        #expect(keys(try wireJSON(Self.summary)) == [
            "path", "title", "published", "publishedSource", "status", "error", "events", "hash", "size", "ingestedAt",
        ])
    }

    @Test func articleDetail_nestsTheSummary() throws {
        let detail = ArticleDetail(article: Self.summary, paragraphs: ["p"], warnings: [])
        let json = try wireJSON(detail)
        #expect(keys(json) == ["article", "paragraphs", "warnings"])
        #expect(json["article"]?["path"] == .string("world/a.txt"))
    }

    @Test func subscribeMessages_encodeTheirWireFieldNames() throws {
        #expect(keys(try wireJSON(SubscribeParams(since: 3, generation: "g"))) == ["since", "generation"])
        #expect(keys(try wireJSON(SubscribeParams())) == [])
        #expect(keys(try wireJSON(SubscribeResult(generation: "g", seq: 9, since: 0, resync: true))) == [
            "generation", "seq", "since", "resync",
        ])
    }

    @Test func otherParams_encodeTheirWireFieldNames() throws {
        #expect(keys(try wireJSON(ArticlesListParams(status: .error, limit: 5))) == ["status", "limit"])
        #expect(try wireJSON(ArticlesListParams(status: .error))["status"] == .string("error"))
        #expect(keys(try wireJSON(PathParams(path: "a"))) == ["path"])
        #expect(keys(try wireJSON(ReparseParams(path: "a"))) == ["path"])
        #expect(keys(try wireJSON(ReparseResult(queued: 1))) == ["queued"])
        #expect(try wireJSON(OKResult()) == .object(["ok": .bool(true)]))
    }

    @Test(arguments: [
        (0.0, "0s"), (0.4, "0s"), (45.0, "45s"), (60.0, "1m"), (192.9, "3m 12s"), (3_600.0, "1h"),
        (7_500.0, "2h 5m"), (358_859.0, "4d 3h"), (-5.0, "0s"), (Double.infinity, "0s"),
    ] as [(Double, String)])
    func compactDuration_formatsTheTwoLargestUnits(seconds: Double, expected: String) {
        #expect(CompactDuration.format(seconds: seconds) == expected)
    }

    @Test func statusResult_uptimeDescription_usesCompactDuration() {
        #expect(Self.status.uptimeDescription == "3m 12s")
    }

    @Test func articleSummary_publishedDescription_namesTheSource() {
        #expect(Self.summary.publishedDescription == "2020-01-08 (header)")
        var unknown = Self.summary
        unknown.published = nil
        #expect(unknown.publishedDescription == nil)
    }
}
