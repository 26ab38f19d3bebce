internal import Glibc

/// A listening Unix stream socket at a path, created safely.
struct UnixSocketListener {
    let path: String
    let fd: Int32
    /// False for a socket systemd passed in (socket activation): systemd owns its file.
    var ownsPath = true

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Binds `path` with mode 0660 (its folder created 0750 when missing). A stale socket left by a dead
    /// daemon is replaced; a live daemon on the same path is an error.
    /// With `group`, the socket is given to that group, so its members can connect.
    static func bind(path: String, group: String? = nil) throws(Failure) -> UnixSocketListener {
        let capacity = MemoryLayout.size(ofValue: sockaddr_un().sun_path)
        guard path.utf8.count < capacity else {
            throw Failure(description: "socket path \(path) is longer than \(capacity - 1) bytes; pass a shorter --socket")
        }
        try makeParentFolder(of: path)
        try removeStaleSocket(at: path)

        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "cannot create a socket: \(errorText())") }
        var address = socketAddress(path)
        // The mode comes from the umask at bind time: 0660, never world-accessible.
        let previousMask = umask(0o117)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        umask(previousMask)
        guard bound == 0 else {
            let message = errorText()
            Glibc.close(fd)
            throw Failure(description: "cannot bind the control socket \(path): \(message)")
        }
        if let group {
            guard let entry = getgrnam(group) else {
                Glibc.close(fd)
                unlink(path)
                throw Failure(description: "socket group '\(group)' does not exist; create it or change socket_group")
            }
            guard chown(path, uid_t.max, entry.pointee.gr_gid) == 0 else {
                let message = errorText()
                Glibc.close(fd)
                unlink(path)
                throw Failure(description: "cannot give \(path) to group '\(group)': \(message)")
            }
        }
        guard listen(fd, 128) == 0 else {
            let message = errorText()
            Glibc.close(fd)
            throw Failure(description: "cannot listen on \(path): \(message)")
        }
        return UnixSocketListener(path: path, fd: fd)
    }

    /// The listening socket systemd passed (`LISTEN_FDS`, sd_listen_fds(3)), if it passed one to this process.
    static func inherited(environment: [String: String], path: String) -> UnixSocketListener? {
        guard let pid = environment["LISTEN_PID"].flatMap({ Int32($0) }), pid == getpid(),
            let count = environment["LISTEN_FDS"].flatMap({ Int($0) }), count >= 1
        else { return nil }
        let fd: Int32 = 3  // SD_LISTEN_FDS_START
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        return UnixSocketListener(path: path, fd: fd, ownsPath: false)
    }

    /// Closes the socket and removes its file (unless systemd owns it).
    func close() {
        Glibc.close(fd)
        if ownsPath { unlink(path) }
    }

    private static func makeParentFolder(of path: String) throws(Failure) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        let parent = String(path[..<slash])
        if mkdir(parent, 0o750) == 0 || errno == EEXIST { return }
        if errno == ENOENT {
            try makeParentFolder(of: parent)
            if mkdir(parent, 0o750) == 0 || errno == EEXIST { return }
        }
        throw Failure(
            description: "cannot create the socket folder \(parent): \(errorText()); pass --socket PATH in a folder you can write")
    }

    private static func removeStaleSocket(at path: String) throws(Failure) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFSOCK else {
            throw Failure(description: "\(path) exists and is not a socket; remove it or pass another --socket")
        }
        if isServed(path) {
            throw Failure(
                description: "another tidingsd is already serving \(path); stop it first or pass another --socket")
        }
        unlink(path)
    }

    /// Whether something accepts connections at `path`.
    private static func isServed(_ path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { Glibc.close(fd) }
        var address = socketAddress(path)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return result == 0
    }

    /// The address of `path`, which the caller checked fits.
    private static func socketAddress(_ path: String) -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path.utf8)
            raw[path.utf8.count] = 0
        }
        return address
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
