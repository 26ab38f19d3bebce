import ControlProtocol
import Foundation
import Testing

/// A subscriber that stops reading must not grow the daemon's memory without bound nor stall anyone:
/// past its queue limit it is told where to resume (`changes.lagged`) and disconnected.
struct SlowSubscriberTests {
    @Test func subscriberThatStopsReading_getsLaggedWithItsCursor_isDisconnected_andNothingIsLost() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        let slow = try RawControlSocket(path: daemon.socket)
        _ = try slow.exchange(#"{"jsonrpc":"2.0","id":1,"method":"changes.subscribe","params":{"since":0}}"#)

        // Enough changes to pass the 8 MiB queue limit while the subscriber reads nothing: a folder of
        // article variants prepared outside, moved in with one rename.
        let seeds = try Seeds.all()
        for index in 0..<1500 {
            let seed = seeds[index % seeds.count].bytes
            try tree.write(Array("Update \(index).\n\n".utf8) + seed, toAbsolutePath: tree.outside + "/bulk/a\(index).txt")
        }
        try tree.move(tree.outside + "/bulk", to: tree.path("bulk"))
        #expect(eventually(timeout: .seconds(120)) { (try? daemon.status())?.files == 1500 }, "\(daemon.diagnostics)")
        // Others were not stalled: the daemon ingested everything and answered status throughout.

        // Now read everything: consecutive changes from 1, then the lagged notice naming the last one, then EOF.
        var expected: Int64 = 1
        var lagged: [String: Any]?
        reading: while true {
            switch slow.nextLine() {
            case .line(let line):
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let params = try #require(object["params"] as? [String: Any])
                if object["method"] as? String == "changes.lagged" {
                    lagged = params
                    continue
                }
                #expect(lagged == nil, "a change after the lagged notice")
                #expect((params["seq"] as? NSNumber)?.int64Value == expected)
                expected += 1
            case .endOfFile:
                break reading
            case .timedOut:
                Issue.record("the slow subscriber was neither fed nor disconnected\(daemon.diagnostics)")
                return
            }
        }
        let notice = try #require(lagged, "no changes.lagged before the disconnect\(daemon.diagnostics)")
        #expect((notice["seq"] as? NSNumber)?.int64Value == expected - 1)
        #expect(daemon.log.contains("subscriber too slow"), "\(daemon.diagnostics)")
        // Nothing is lost: resuming after the cursor replays the rest of the log.
        let head = try daemon.status().seq
        #expect(head > expected - 1, "the limit was never reached: \(expected - 1) changes of \(head)")
        let rest = try daemon.changes(after: expected - 1)
        #expect(rest.first?.seq == expected && rest.last?.seq == head)
    }
}
