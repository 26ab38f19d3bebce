/// Where the control socket lives when nobody says otherwise.
public enum ControlSocketPath {
    /// `$RUNTIME_DIRECTORY/control.sock` (systemd), else `$XDG_RUNTIME_DIR/tidings/control.sock`,
    /// else `/run/tidings/control.sock` (root, or anyone on a system without XDG_RUNTIME_DIR).
    public static func resolve(environment: [String: String]) -> String {
        if let runtime = environment["RUNTIME_DIRECTORY"], !runtime.isEmpty {
            // systemd may pass several colon-separated folders; the first is ours.
            let first = runtime.split(separator: ":").first.map(String.init) ?? runtime
            return first + "/control.sock"
        }
        if let xdg = environment["XDG_RUNTIME_DIR"], !xdg.isEmpty {
            return xdg + "/tidings/control.sock"
        }
        return "/run/tidings/control.sock"
    }

    /// Where a client looks: the daemon's own default when a socket is there, else the system service's
    /// `/run/tidings/control.sock` when that one is (a user in a login session reaching the service),
    /// else the daemon's default, so the "no daemon at …" message names it.
    public static func resolveForClient(environment: [String: String], exists: (String) -> Bool) -> String {
        let own = resolve(environment: environment)
        let system = "/run/tidings/control.sock"
        if exists(own) || !exists(system) { return own }
        return system
    }
}
