import ControlProtocol
import Foundation
import Glibc
import Testing

/// The configuration file: read at start, flags over it, a bad one refused with its line, SIGHUP re-reads it.
struct ConfigurationTests {
    @Test func badConfigurationAtStart_exitsNonZero_namingTheFileAndLine() throws {
        let tree = try TemporaryTree()
        let config = tree.base + "/tidings.toml"
        try "watch = \"\(tree.root)\"\nmax_file_size = lots\n".write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(tree: tree, arguments: ["--config", config])

        let ended = try daemon.waitForExit()
        #expect(ended != .exited(0))
        #expect(daemon.log.contains("\(config):2:"), "\(daemon.diagnostics)")
    }

    @Test func configurationFile_excludePattern_keepsMatchingFilesOut() throws {
        let tree = try TemporaryTree()
        let config = tree.base + "/tidings.toml"
        try "exclude = [\"drafts/*\"]\n".write(toFile: config, atomically: true, encoding: .utf8)
        let seeds = try Seeds.all()
        try tree.dropByRename("drafts/a.txt", seeds[0].bytes)
        try tree.dropByRename("news/b.txt", seeds[1].bytes)
        let daemon = try DaemonProcess(tree: tree, arguments: ["--config", config])
        _ = try daemon.waitUntilWatching()

        #expect(try daemon.articles().map(\.path) == ["news/b.txt"], "\(daemon.diagnostics)")
    }

    @Test func sighupWithBrokenFile_keepsTheOldConfiguration_andSaysWhy_thenAGoodFileApplies() throws {
        let tree = try TemporaryTree()
        let config = tree.base + "/tidings.toml"
        try "log_level = \"info\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(tree: tree, arguments: ["--config", config])
        _ = try daemon.waitUntilWatching()

        try "log_level = \"info\"\nexclude = [\"drafts/*\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        daemon.child.send(SIGHUP)
        let refused = eventually { daemon.log.contains("keeping the old configuration") }
        #expect(refused, "\(daemon.diagnostics)")
        #expect(daemon.log.contains("\(config):"), "the refusal names the file: \(daemon.diagnostics)")
        #expect(try daemon.status().state == .watching)

        // A good file applies: the excluded folder's article goes away, the other stays.
        let seeds = try Seeds.all()
        try tree.dropByRename("drafts/a.txt", seeds[0].bytes)
        try tree.dropByRename("news/b.txt", seeds[1].bytes)
        #expect(eventually { (try? daemon.articles().count) == 2 }, "\(daemon.diagnostics)")
        try "exclude = [\"drafts/*\"]\n".write(toFile: config, atomically: true, encoding: .utf8)
        daemon.child.send(SIGHUP)
        #expect(eventually { (try? daemon.articles().map(\.path)) == ["news/b.txt"] }, "\(daemon.diagnostics)")
        #expect(try daemon.stop() == .exited(0))
    }

    @Test func socketGroup_givesTheSocketToThatGroup_withMode0660() throws {
        let tree = try TemporaryTree()
        let config = tree.base + "/tidings.toml"
        // "daemon" exists on every Debian system.
        try "socket_group = \"daemon\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(tree: tree, arguments: ["--config", config])
        _ = try daemon.waitUntilWatching()

        var info = stat()
        #expect(stat(tree.socket, &info) == 0)
        #expect(info.st_gid == getgrnam("daemon")?.pointee.gr_gid)
        #expect(info.st_mode & 0o777 == 0o660)
    }

    @Test func socketGroupThatDoesNotExist_failsTheStart_sayingSo() throws {
        let tree = try TemporaryTree()
        let config = tree.base + "/tidings.toml"
        try "socket_group = \"no-such-group-tidings\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(tree: tree, arguments: ["--config", config])

        #expect(try daemon.waitForExit() != .exited(0))
        #expect(daemon.log.contains("socket group 'no-such-group-tidings' does not exist"), "\(daemon.diagnostics)")
    }

    @Test func underJournald_eachLogLineCarriesItsSyslogPriority() throws {
        let tree = try TemporaryTree()
        try tree.write("empty.txt", "")
        let daemon = try DaemonProcess(tree: tree, environment: ["JOURNAL_STREAM": "8:12345"])
        _ = try daemon.waitUntilWatching()
        #expect(try daemon.stop() == .exited(0))

        let lines = daemon.log.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("<") }, "\(daemon.diagnostics)")
        #expect(lines.contains { $0.hasPrefix("<6>info tidingsd: started") }, "\(daemon.diagnostics)")
        // The empty file is a warning-level file.error.
        #expect(lines.contains { $0.hasPrefix("<4>warning tidingsd: file.error") }, "\(daemon.diagnostics)")
    }
}
