import ControlProtocol
import Glibc
import Testing

/// The daemon speaks sd_notify(3) to the socket systemd names in `$NOTIFY_SOCKET`.
struct SystemdNotifyTests {
    @Test func notifySocket_getsReadyAfterReconcile_statusWatchdogAtHalfInterval_andStoppingOnSigterm() throws {
        let tree = try TemporaryTree()
        let seeds = try Seeds.all()
        for (index, seed) in seeds.enumerated() {
            try tree.dropByRename("seed-\(index).txt", seed.bytes)
        }
        let notify = try NotifySocket(path: tree.base + "/notify.sock")
        // 400 ms watchdog: pings every 200 ms.
        let daemon = try DaemonProcess(
            tree: tree, environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "400000"])

        guard let beforeReady = notify.messages(until: "READY=1") else {
            Issue.record("no READY=1 within the deadline\(daemon.diagnostics)")
            return
        }
        // READY=1 comes only once the start-up reconcile has stored the whole folder.
        let status = try daemon.status()
        #expect(status.files == seeds.count, "\(daemon.diagnostics)")
        let statusLines = beforeReady.flatMap(\.lines).filter { $0.hasPrefix("STATUS=") }
        #expect(!statusLines.isEmpty, "no STATUS= before READY=1: \(beforeReady.map(\.text))")

        var pings: [Double] = []
        var sawStatus = false
        while pings.count < 6, let message = notify.next() {
            if message.lines.contains("WATCHDOG=1") { pings.append(message.at) }
            if message.lines.contains(where: { $0.hasPrefix("STATUS=") && $0.contains("\(seeds.count) articles") }) {
                sawStatus = true
            }
        }
        #expect(pings.count == 6, "\(daemon.diagnostics)")
        let gaps = zip(pings.dropFirst(), pings).map { $0 - $1 }
        // Half of WATCHDOG_USEC, with room for a loaded machine; never slower than the full interval.
        #expect(gaps.allSatisfy { $0 > 0.1 && $0 < 0.4 }, "gaps between WATCHDOG=1: \(gaps)")
        #expect(sawStatus || statusLines.contains { $0.contains("\(seeds.count) articles") }, "\(statusLines)")

        daemon.child.send(SIGTERM)
        #expect(notify.messages(until: "STOPPING=1") != nil, "no STOPPING=1 after SIGTERM\(daemon.diagnostics)")
        #expect(try daemon.waitForExit() == .exited(0))
    }
}
