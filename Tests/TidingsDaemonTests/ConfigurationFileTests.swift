import Foundation
import Testing
import TidingsDaemon

struct ConfigurationFileTests {
    @Test func parse_whenEveryKeyIsSet_readsThemAll() throws {
        let file = try ConfigurationFile.parse(
            """
            # Tidings
            watch = "/srv/news"
            state = "/var/lib/tidings"
            socket = "/run/tidings/control.sock"
            include = ["*.txt", "world/*"]
            exclude = ["drafts/*"]
            max_file_size = 2_000_000
            dictionaries = "/etc/tidings/dictionaries"
            socket_group = "tidings"
            admin_group = "wheel"
            log_level = "debug"
            """, path: "t.toml")
        #expect(file.watch == "/srv/news")
        #expect(file.include == ["*.txt", "world/*"])
        #expect(file.exclude == ["drafts/*"])
        #expect(file.maxFileSize == 2_000_000)
        #expect(file.socketGroup == "tidings")
        #expect(file.adminGroup == "wheel")
        #expect(file.logLevel == "debug")
    }

    @Test func parse_whenSyntaxIsBroken_namesTheFileAndLine() {
        #expect {
            _ = try ConfigurationFile.parse("watch = \"/srv\"\n\nmax_file_size = 12x\n", path: "/etc/tidings/tidings.toml")
        } throws: { error in
            let error = error as? ConfigurationError
            return error?.line == 3 && error?.description.hasPrefix("/etc/tidings/tidings.toml:3: ") == true
        }
    }

    @Test func parse_whenKeyIsUnknown_saysWhichAndListsTheKnownOnes() {
        #expect {
            _ = try ConfigurationFile.parse("watch = \"/srv\"\nwatch_folder = \"/x\"\n", path: "c.toml")
        } throws: { error in
            let error = error as? ConfigurationError
            return error?.line == 2 && error?.message.contains("unknown key 'watch_folder'") == true
                && error?.message.contains("max_file_size") == true
        }
    }

    @Test(arguments: [
        ("max_file_size = \"big\"", "max_file_size"), ("max_file_size = -1", "max_file_size"),
        ("include = \"*.txt\"", "include"), ("log_level = \"loud\"", "log_level"), ("watch = 3", "watch"),
    ])
    func parse_whenValueHasTheWrongType_namesTheKeyAndLine(line: String, key: String) {
        #expect {
            _ = try ConfigurationFile.parse("# first\n\(line)\n", path: "c.toml")
        } throws: { error in
            let error = error as? ConfigurationError
            return error?.line == 2 && error?.message.contains("'\(key)'") == true
        }
    }

    @Test func resolve_flagsWinOverTheFile_andTheFileOverDefaults() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-config-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/tidings.toml"
        try "watch = \"\(folder)\"\nmax_file_size = 500\nlog_level = \"debug\"\nexclude = [\"drafts/*\"]\n"
            .write(toFile: path, atomically: true, encoding: .utf8)

        let settings = DaemonSettings(
            watch: nil, state: folder + "/state", socket: folder + "/c.sock", maximumFileSize: nil, dictionaries: nil,
            logLevel: "warning", configurationFile: path, environment: [:])
        let configuration = try settings.resolve()
        #expect(configuration.root.hasSuffix(folder.split(separator: "/").last.map(String.init) ?? "?"))
        #expect(configuration.maximumFileSize == 500)
        #expect(configuration.logLevel == "warning")
        #expect(configuration.exclude == ["drafts/*"])
        #expect(configuration.configurationFile == path)
    }

    @Test func resolve_withoutAnyFolderToWatch_saysHowToGiveOne() {
        let settings = DaemonSettings(
            watch: nil, state: nil, socket: nil, maximumFileSize: nil, dictionaries: nil, logLevel: nil,
            configurationFile: nil, environment: [:])
        #expect {
            _ = try settings.resolve()
        } throws: { error in
            (error as? DaemonError)?.message.contains("--watch DIR") == true
        }
    }
}
