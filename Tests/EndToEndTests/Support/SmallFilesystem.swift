import Foundation
import Glibc

/// A small tmpfs mounted on a test's folder, to fill the disk for real (the tests run as root, which may mount,
/// and which file modes do not stop). Unmounted when released, also when the test failed.
final class SmallFilesystem {
    let path: String
    private var fillers: [String] = []
    private var mounted = false

    init(at path: String, megabytes: Int) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard mount("tidings-test", path, "tmpfs", 0, "size=\(megabytes)m,mode=0750") == 0 else {
            throw HarnessError(
                "cannot mount a \(megabytes) MiB tmpfs on \(path): \(String(cString: strerror(errno))); "
                    + "the test needs root with CAP_SYS_ADMIN")
        }
        mounted = true
    }

    deinit { unmount() }

    /// Unmounts (lazily, so a process still holding a file there does not keep it mounted); once is enough.
    func unmount() {
        if mounted { umount2(path, Int32(MNT_DETACH)) }
        mounted = false
    }

    /// Writes a file until the filesystem says it is full (ENOSPC), then gives `leaving` bytes back; returns how
    /// many bytes it took.
    @discardableResult
    func fill(leaving: Int = 0) throws -> Int {
        let filler = path + "/filler-\(fillers.count)"
        let fd = open(filler, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw HarnessError("cannot create \(filler): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        fillers.append(filler)
        var total = 0
        // Big blocks first, then small ones for the last pages.
        for size in [1 << 20, 4096] {
            let block = [UInt8](repeating: 0xA5, count: size)
            while true {
                let written = block.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if written > 0 {
                    total += written
                    continue
                }
                if written < 0, errno == EINTR { continue }
                if written < 0, errno != ENOSPC {
                    throw HarnessError("cannot fill \(filler): \(String(cString: strerror(errno)))")
                }
                break
            }
        }
        if leaving > 0 {
            total = max(0, total - leaving)
            guard ftruncate(fd, off_t(total)) == 0 else {
                throw HarnessError("cannot shorten \(filler): \(String(cString: strerror(errno)))")
            }
        }
        return total
    }

    /// Deletes what ``fill()`` wrote: the disk has room again.
    func free() throws {
        for filler in fillers where unlink(filler) != 0 {
            throw HarnessError("cannot delete \(filler): \(String(cString: strerror(errno)))")
        }
        fillers = []
    }
}
