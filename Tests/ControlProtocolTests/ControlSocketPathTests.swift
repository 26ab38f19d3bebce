import ControlProtocol
import Testing

struct ControlSocketPathTests {
    @Test func resolve_whenRuntimeDirectorySet_usesIt() {
        let path = ControlSocketPath.resolve(environment: [
            "RUNTIME_DIRECTORY": "/run/tidings", "XDG_RUNTIME_DIR": "/run/user/1000",
        ])
        #expect(path == "/run/tidings/control.sock")
    }

    @Test func resolve_whenRuntimeDirectoryHasSeveralFolders_usesTheFirst() {
        #expect(ControlSocketPath.resolve(environment: ["RUNTIME_DIRECTORY": "/run/tidings:/run/other"])
            == "/run/tidings/control.sock")
    }

    @Test func resolve_whenOnlyXDGRuntimeDirSet_usesATidingsFolderInIt() {
        #expect(ControlSocketPath.resolve(environment: ["XDG_RUNTIME_DIR": "/run/user/1000"])
            == "/run/user/1000/tidings/control.sock")
    }

    @Test func resolve_whenVariablesEmpty_ignoresThem() {
        #expect(ControlSocketPath.resolve(environment: ["RUNTIME_DIRECTORY": "", "XDG_RUNTIME_DIR": "/x"])
            == "/x/tidings/control.sock")
        #expect(ControlSocketPath.resolve(environment: ["XDG_RUNTIME_DIR": ""]) == "/run/tidings/control.sock")
    }

    @Test func resolve_whenNothingSet_usesRunTidings() {
        #expect(ControlSocketPath.resolve(environment: [:]) == "/run/tidings/control.sock")
    }
}

struct ControlSocketPathClientTests {
    @Test func client_prefersItsOwnSocket_whenItExists() {
        let path = ControlSocketPath.resolveForClient(environment: ["XDG_RUNTIME_DIR": "/run/user/1000"]) { _ in true }
        #expect(path == "/run/user/1000/tidings/control.sock")
    }

    @Test func client_fallsBackToTheSystemService_whenOnlyThatOneExists() {
        let path = ControlSocketPath.resolveForClient(environment: ["XDG_RUNTIME_DIR": "/run/user/1000"]) {
            $0 == "/run/tidings/control.sock"
        }
        #expect(path == "/run/tidings/control.sock")
    }

    @Test func client_namesItsOwnDefault_whenNoSocketExists() {
        let path = ControlSocketPath.resolveForClient(environment: ["XDG_RUNTIME_DIR": "/run/user/1000"]) { _ in false }
        #expect(path == "/run/user/1000/tidings/control.sock")
    }
}
