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
            // Text with no event in it: this measures the folder and the ingest path, not the event store
            // (20,000 mentions of one event are a store benchmark of their own).
            let text = "Weather note \(index)\n\nThe weather stayed mild all day and the garden needed water, note \(index).\n"
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
        // The folder holds exactly these files, so the count says all are tracked; a sample says under which
        // paths (the whole list is more than one reply line may hold).
        for path in expected.sorted().enumerated().filter({ $0.offset % 400 == 0 }).map(\.element) {
            let detail = try daemon.withConnection {
                try $0.call(.articleGet, params: PathParams(path: path), as: ArticleDetail.self)
            }
            #expect(detail.article.status == .ok, "\(path): \(detail.article)")
        }
        print("burst: \(count) files written in \(written), all ingested after \(ingested)")
    }
}
