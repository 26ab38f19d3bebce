import ControlClient
import ControlProtocol
import Foundation
import Glibc
import Testing

/// Many files at once: nothing is missed, whether inotify keeps up or overflows (a full rescan then).
struct BurstTests {
    @Test func twentyThousandSmallFiles_createdAsFastAsPossible_areAllIngested() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        let count = 20_000
        let started = ContinuousClock.now

        // Half in the root, half in folders made during the burst (watched, then scanned, as they appear).
        var expected: Set<String> = []
        for index in 0..<count {
            let relative = index % 2 == 0 ? "burst-\(index).txt" : "folder-\(index % 20)/burst-\(index).txt"
            let text = "Report \(index)\n\nOfficials met in Baghdad on Monday to discuss report number \(index).\n"
            try tree.write(relative, Array(text.utf8))
            expected.insert(relative)
        }
        let written = ContinuousClock.now - started
        let status = try daemon.waitForStatus("\(count) files and an empty backlog", timeout: .seconds(120)) {
            $0.files == count && $0.backlog == 0
        }
        let ingested = ContinuousClock.now - started

        #expect(status.errors == 0)
        #expect(status.articles == count)
        #expect(Set(try daemon.articles().map(\.path)) == expected)
        print("burst: \(count) files written in \(written), all ingested after \(ingested)")
    }
}
