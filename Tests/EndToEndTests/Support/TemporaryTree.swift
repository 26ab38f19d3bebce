import Foundation
import Glibc

/// A private folder under /tmp for one test: the watched root, the state folder, a short socket path, and
/// room outside the root. Removed with everything in it when released.
///
/// ```
/// /tmp/tdg-Ab12Cd/
///   news/        the watched root
///   state/       the daemon's database and lock
///   outside/     a place to prepare files and folders before moving them in
///   ctl.sock     the control socket (short: sun_path holds 107 bytes)
///   logs/        each process's stderr
/// ```
final class TemporaryTree {
    /// The folder holding everything, symlinks resolved (the daemon reports resolved paths).
    let base: String
    let root: String
    let state: String
    let outside: String
    let socket: String
    let logs: String
    private var logCount = 0

    init() throws {
        var template = Array("/tmp/tdg-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw HarnessError("cannot create a temporary folder under /tmp: \(String(cString: strerror(errno)))")
        }
        guard let resolved = realpath(made, nil) else {
            throw HarnessError("cannot resolve \(String(cString: made)): \(String(cString: strerror(errno)))")
        }
        defer { free(resolved) }
        base = String(cString: resolved)
        root = base + "/news"
        state = base + "/state"
        outside = base + "/outside"
        socket = base + "/ctl.sock"
        logs = base + "/logs"
        for folder in [root, outside, logs] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        precondition(socket.utf8.count < 100, "socket path \(socket) is too long for sun_path")
    }

    deinit {
        try? FileManager.default.removeItem(atPath: base)
    }

    /// The absolute path of `relative` inside the watched root.
    func path(_ relative: String) -> String {
        root + "/" + relative
    }

    /// A fresh file path for one process's stderr.
    func newLogPath(_ name: String) -> String {
        logCount += 1
        return logs + "/\(name)-\(logCount).log"
    }

    // MARK: - Changing the watched tree

    /// Writes `bytes` to a hidden temporary file next to `relative`, then renames it into place: the way
    /// editors, `rsync` and downloaders save atomically. The daemon must see only the final name.
    func dropByRename(_ relative: String, _ bytes: [UInt8]) throws {
        let target = path(relative)
        let folder = (target as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let name = (target as NSString).lastPathComponent
        let temporary = folder + "/.\(name).\(UUID().uuidString.prefix(8)).part"
        try write(bytes, toAbsolutePath: temporary)
        guard rename(temporary, target) == 0 else {
            throw HarnessError("cannot rename \(temporary) to \(target): \(String(cString: strerror(errno)))")
        }
    }

    func dropByRename(_ relative: String, _ text: String) throws {
        try dropByRename(relative, Array(text.utf8))
    }

    /// Writes a file in place (open, write, close), creating its folders: for names the daemon must ignore,
    /// and for files prepared outside the root.
    func write(_ relative: String, _ bytes: [UInt8]) throws {
        let target = path(relative)
        try FileManager.default.createDirectory(
            atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try write(bytes, toAbsolutePath: target)
    }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, Array(text.utf8))
    }

    /// Appends to an existing file (one `write` on an `O_APPEND` descriptor, then close).
    func append(_ relative: String, _ text: String) throws {
        let target = path(relative)
        let fd = open(target, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else {
            throw HarnessError("cannot open \(target) to append: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        try writeAll(fd, Array(text.utf8), path: target)
    }

    /// Sets the file's times to now without changing its bytes, like `touch`.
    func touch(_ relative: String) throws {
        let target = path(relative)
        guard utimes(target, nil) == 0 else {
            throw HarnessError("cannot touch \(target): \(String(cString: strerror(errno)))")
        }
    }

    /// Deletes a file inside the root.
    func remove(_ relative: String) throws {
        let target = path(relative)
        guard unlink(target) == 0 else {
            throw HarnessError("cannot delete \(target): \(String(cString: strerror(errno)))")
        }
    }

    /// Creates a file at `relativeBytes` inside the root: a path given as bytes, which need not be UTF-8
    /// (`caf\xE9.txt`); its folders must exist.
    func write(relativeBytes: [UInt8], _ bytes: [UInt8]) throws {
        let fd = try withRawPath(relativeBytes) { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
        guard fd >= 0 else { throw HarnessError("cannot create \(relativeBytes): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try writeAll(fd, bytes, path: "\(relativeBytes)")
    }

    /// Makes a folder at `relativeBytes` inside the root (bytes, which need not be UTF-8).
    func makeFolder(relativeBytes: [UInt8]) throws {
        guard try withRawPath(relativeBytes, { mkdir($0, 0o755) }) == 0 else {
            throw HarnessError("cannot make folder \(relativeBytes): \(String(cString: strerror(errno)))")
        }
    }

    /// Deletes the file at `relativeBytes` inside the root (bytes, which need not be UTF-8).
    func remove(relativeBytes: [UInt8]) throws {
        guard try withRawPath(relativeBytes, { unlink($0) }) == 0 else {
            throw HarnessError("cannot delete \(relativeBytes): \(String(cString: strerror(errno)))")
        }
    }

    private func withRawPath(_ relativeBytes: [UInt8], _ body: (UnsafePointer<CChar>) -> Int32) throws -> Int32 {
        let target = Array(root.utf8) + [UInt8(ascii: "/")] + relativeBytes + [0]
        return target.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    /// Hands the whole tree (base, root, outside; the state folder the daemon will create) to another user,
    /// for a daemon run as that user (``DaemonProcess`` `as:`): the tests run as root, which reads everything.
    func giveAway(to user: String) throws {
        guard let entry = getpwnam(user) else { throw HarnessError("no user \(user)") }
        let uid = entry.pointee.pw_uid
        let gid = entry.pointee.pw_gid
        for folder in [base, root, outside] {
            guard chown(folder, uid, gid) == 0 else {
                throw HarnessError("cannot chown \(folder) to \(user): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Writes a file at an absolute path (anywhere, e.g. under ``outside``), creating its folders.
    func write(_ bytes: [UInt8], toAbsolutePath target: String) throws {
        try FileManager.default.createDirectory(
            atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw HarnessError("cannot create \(target): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try writeAll(fd, bytes, path: target)
    }

    /// Moves a file or folder with one `rename(2)`, e.g. from ``outside`` into the root.
    func move(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else {
            throw HarnessError("cannot move \(source) to \(destination): \(String(cString: strerror(errno)))")
        }
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw HarnessError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }
}

/// Whether a socket file exists at `path` (not following symlinks).
func isSocket(atPath path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFSOCK
}
