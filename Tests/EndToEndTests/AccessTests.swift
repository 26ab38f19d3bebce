import Foundation
import Glibc
import Testing

/// Who may do what on the control socket: the peer's credentials decide, not anything the client says.
struct AccessTests {
    /// A daemon whose socket `nobody` can reach (group `nogroup`), with `admin_group` set or not.
    private func daemonReachableByNobody(adminGroup: String?) throws -> (TemporaryTree, DaemonProcess) {
        let tree = try TemporaryTree()
        chmod(tree.base, 0o755)  // mkdtemp made it 0700: nobody could not reach the socket inside
        let config = tree.base + "/tidings.toml"
        var text = "socket_group = \"nogroup\"\n"
        if let adminGroup { text += "admin_group = \"\(adminGroup)\"\n" }
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        try tree.dropByRename("a.txt", try Seeds.all()[0].bytes)
        let daemon = try DaemonProcess(tree: tree, arguments: ["--config", config])
        _ = try daemon.waitUntilWatching()
        return (tree, daemon)
    }

    @Test func anotherUser_mayRead_butNotRunOperatorCommands() throws {
        let (tree, daemon) = try daemonReachableByNobody(adminGroup: nil)
        let ctl = Tidingsctl(tree: tree)
        let nobody = (name: "nobody", group: "nogroup")

        let status = try ctl.run("status", ["--json"], as: nobody)
        #expect(status.termination == .exited(0), "\(status)")
        let reparse = try ctl.run("reparse", as: nobody)
        #expect(reparse.termination == .exited(1), "\(reparse)")
        #expect(reparse.stderr.contains("permission denied"), "\(reparse)")
        #expect(reparse.stderr.contains("(JSON-RPC error -32003)"), "\(reparse)")
        #expect(daemon.log.contains("refused an operator command"), "\(daemon.diagnostics)")

        let asRoot = try ctl.run("reparse")
        #expect(asRoot.termination == .exited(0), "\(asRoot)")
    }

    @Test func memberOfTheAdminGroup_mayRunOperatorCommands() throws {
        let (tree, daemon) = try daemonReachableByNobody(adminGroup: "nogroup")
        let reparse = try withExtendedLifetime(daemon) {
            try Tidingsctl(tree: tree).run("reparse", as: (name: "nobody", group: "nogroup"))
        }
        #expect(reparse.termination == .exited(0), "\(reparse)")
        #expect(reparse.stdout.contains("queued 1"), "\(reparse)")
    }
}
