internal import Dispatch
internal import Glibc

/// Tells systemd what the daemon is doing, through the datagram socket named by `$NOTIFY_SOCKET`
/// (sd_notify(3)): `READY=1`, `STATUS=…`, `WATCHDOG=1`, `RELOADING=1`, `STOPPING=1`. Does nothing when the
/// daemon was not started by systemd (no `NOTIFY_SOCKET`).
final class SystemdNotifier: @unchecked Sendable {  // immutable after init; the timer is confined to its queue
    private let address: sockaddr_un?
    private let addressLength: socklen_t
    private let fd: Int32
    /// Half of `$WATCHDOG_USEC` when the watchdog is on for this process, as sd_watchdog_enabled(3) advises.
    let watchdogInterval: Double?
    private var watchdogTimer: (any DispatchSourceTimer)?

    init(environment: [String: String]) {
        var path = environment["NOTIFY_SOCKET"] ?? ""
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        // "@name" is an abstract socket: its name starts with a NUL byte instead of '@'.
        let abstract = path.hasPrefix("@")
        if abstract { path.removeFirst() }
        let bytes = Array(path.utf8)
        if bytes.isEmpty || bytes.count + (abstract ? 1 : 0) >= capacity || !(abstract || path.hasPrefix("/")) {
            self.address = nil
            addressLength = 0
            fd = -1
        } else {
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                let offset = abstract ? 1 : 0
                raw[0] = 0
                for (index, byte) in bytes.enumerated() { raw[offset + index] = byte }
            }
            self.address = address
            let pathOffset = MemoryLayout<sa_family_t>.size
            // One more byte: the leading NUL of an abstract name, or the trailing NUL of a path.
            addressLength = socklen_t(pathOffset + bytes.count + 1)
            fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        }
        let watchdogPID = environment["WATCHDOG_PID"].flatMap { Int32($0) }
        if let usec = environment["WATCHDOG_USEC"].flatMap(Double.init), usec > 0,
            watchdogPID == nil || watchdogPID == getpid()
        {
            watchdogInterval = usec / 2_000_000
        } else {
            watchdogInterval = nil
        }
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// Whether systemd is listening.
    var isActive: Bool { address != nil && fd >= 0 }

    /// Sends one or more `KEY=VALUE` lines.
    func notify(_ state: String) {
        guard var address, fd >= 0 else { return }
        let bytes = Array(state.utf8)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { target in
                bytes.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL), target, addressLength) }
            }
        }
    }

    /// Sends `WATCHDOG=1` at half the watchdog interval from `queue`: if that queue wedges, the pings stop
    /// and systemd restarts the service.
    func startWatchdog(on queue: DispatchQueue) {
        guard let interval = watchdogInterval, isActive else { return }
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now(), repeating: interval, leeway: .milliseconds(Int(interval * 100)))
        timer.setEventHandler { [weak self] in self?.notify("WATCHDOG=1") }
        timer.resume()
        watchdogTimer = timer
    }
}
