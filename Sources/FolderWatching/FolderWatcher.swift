internal import CInotifyTools
internal import Dispatch
internal import Glibc
public import Logging

/// Watches a folder tree with inotify through libinotifytools and reports what changed.
///
/// libinotifytools keeps global state and is not thread-safe, so every call into it happens on one
/// serial queue. Its inotify fd drives a `DispatchSource` read source; the handler drains
/// `inotifytools_next_events(0, 1)` until it returns nothing. No polling.
///
/// Events are hints: the receiver stats and hashes before believing them.
public final class FolderWatcher: @unchecked Sendable {  // state confined to `queue`
    public enum State: Sendable, Equatable {
        case initial
        case running
        case stopped
    }

    /// The absolute root, without a trailing slash.
    public let root: String
    private let queue = DispatchQueue(label: "tidings.watcher")
    private let logger: Logger
    private let handler: @Sendable ([WatchEvent]) -> Void
    private var source: (any DispatchSourceRead)?
    private var state = State.initial
    /// IN_MOVED_FROM of directories waiting for their IN_MOVED_TO, by cookie.
    private var pendingMoves: [UInt32: String] = [:]
    /// Directories that could not be watched (e.g. the watch limit was reached).
    private var unwatched: [String] = []

    static let watchMask = Int32(
        IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ATTRIB | IN_DELETE_SELF
            | IN_MOVE_SELF)

    /// - Parameters:
    ///   - root: the folder to watch, recursively.
    ///   - handler: called on the watcher's queue with each drained batch of events, in order.
    public init(root: String, logger: Logger, handler: @escaping @Sendable ([WatchEvent]) -> Void) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        self.logger = logger
        self.handler = handler
    }

    /// Starts watching the whole tree. Throws when inotify cannot be set up at all; directories that
    /// cannot be watched (watch limit) are reported by ``unwatchedDirectories``.
    public func start() throws(FolderWatcherError) {
        let result: Result<Void, FolderWatcherError> = queue.sync {
            guard state == .initial else { return .success(()) }
            let before = FolderWatcher.inotifyDescriptors()
            guard inotifytools_initialize() != 0 else {
                return .failure(.init(.cannotInitialize, "cannot initialize inotify: \(FolderWatcher.errorText())"))
            }
            guard let fd = FolderWatcher.inotifyDescriptors().subtracting(before).first else {
                return .failure(.init(.cannotInitialize, "cannot find the inotify descriptor in /proc/self/fd"))
            }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            if let error = watchTree(root + "/") {
                inotifytools_cleanup()
                return .failure(error)
            }
            let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
            source.setEventHandler { [weak self] in self?.drain() }
            source.resume()
            self.source = source
            state = .running
            return .success(())
        }
        try result.get()
    }

    /// Stops watching; no handler call happens after this returns.
    public func stop() {
        queue.sync {
            guard state == .running else { return }
            source?.cancel()
            source = nil
            inotifytools_cleanup()
            state = .stopped
        }
    }

    /// Directories that could not be watched; a periodic rescan must cover them.
    public var unwatchedDirectories: [String] {
        queue.sync { unwatched }
    }

    // MARK: - On the queue

    /// Adds watches for `directory` (with a trailing slash) and everything below it.
    /// Returns an error only for the root; failures below it are logged and remembered.
    private func watchTree(_ directory: String) -> FolderWatcherError? {
        guard inotifytools_watch_recursively(directory, FolderWatcher.watchMask) == 0 else { return nil }
        let code = inotifytools_error()
        if code == ENOENT || code == ENOTDIR {
            // Gone or replaced before we got to it: the next event or rescan tells what it became.
            return directory == root + "/"
                ? FolderWatcherError(.rootMissing, "the watch folder \(root) does not exist or is not a folder")
                : nil
        }
        let message: String
        if code == ENOSPC {
            message = "inotify watch limit reached while watching \(directory): raise fs.inotify.max_user_watches "
                + "(sysctl fs.inotify.max_user_watches=524288); until then the folder is rescanned periodically"
        } else {
            message = "cannot watch \(directory): \(String(cString: strerror(code)))"
        }
        logger.error("cannot watch folder", metadata: ["watch.path": "\(directory)", "watch.error": "\(message)"])
        unwatched.append(directory)
        return directory == root + "/" && code != ENOSPC ? FolderWatcherError(.cannotWatch, message) : nil
    }

    private func drain() {
        var events: [WatchEvent] = []
        while let pointer = inotifytools_next_events(0, 1) {
            translate(pointer, into: &events)
        }
        // A directory moved out of the tree has no IN_MOVED_TO partner.
        for (_, path) in pendingMoves {
            _ = inotifytools_remove_watch_by_filename(path + "/")
            events.append(.directoryRemoved(path))
        }
        pendingMoves.removeAll()
        if !events.isEmpty { handler(events) }
    }

    private func translate(_ pointer: UnsafeMutablePointer<inotify_event>, into events: inout [WatchEvent]) {
        let event = pointer.pointee
        let mask = Int32(bitPattern: event.mask)
        if mask & Int32(IN_Q_OVERFLOW) != 0 {
            logger.warning("inotify queue overflowed; rescanning everything")
            events.append(.overflow)
            return
        }
        if mask & Int32(IN_IGNORED) != 0 { return }
        guard let directoryPointer = inotifytools_filename_from_wd(event.wd) else { return }
        let directory = String(cString: directoryPointer)  // ends with "/"
        if mask & Int32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
            if directory == root + "/" {
                events.append(.rootRemoved)
            }
            return
        }
        let name = event.len > 0 ? FolderWatcher.name(of: pointer) : ""
        guard !name.isEmpty else { return }
        let path = directory + name
        let isDirectory = mask & Int32(IN_ISDIR) != 0

        if isDirectory {
            if mask & Int32(IN_CREATE) != 0 {
                _ = watchTree(path + "/")
                events.append(.directoryAppeared(path))
            } else if mask & Int32(IN_MOVED_FROM) != 0 {
                pendingMoves[event.cookie] = path
            } else if mask & Int32(IN_MOVED_TO) != 0 {
                if let old = pendingMoves.removeValue(forKey: event.cookie) {
                    inotifytools_replace_filename(old + "/", path + "/")
                    events.append(.directoryRemoved(old))
                } else {
                    _ = watchTree(path + "/")
                }
                events.append(.directoryAppeared(path))
            } else if mask & Int32(IN_DELETE) != 0 {
                events.append(.directoryRemoved(path))
            }
            return
        }
        if mask & Int32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_ATTRIB) != 0 {
            events.append(.fileChanged(path))
        } else if mask & Int32(IN_DELETE | IN_MOVED_FROM) != 0 {
            events.append(.fileRemoved(path))
        }
    }

    private static func name(of pointer: UnsafeMutablePointer<inotify_event>) -> String {
        // The name follows the fixed header, NUL-padded to `len` bytes.
        let raw = UnsafeMutableRawPointer(pointer).advanced(by: MemoryLayout<inotify_event>.size)
        let length = Int(pointer.pointee.len)
        let bytes = UnsafeRawBufferPointer(start: raw, count: length)
        let end = bytes.firstIndex(of: 0) ?? length
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// File descriptors of this process that are inotify instances.
    private static func inotifyDescriptors() -> Set<Int32> {
        var found: Set<Int32> = []
        guard let directory = opendir("/proc/self/fd") else { return found }
        defer { closedir(directory) }
        var target = [CChar](repeating: 0, count: 64)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let fd = Int32(name) else { continue }
            let length = readlink("/proc/self/fd/\(name)", &target, target.count - 1)
            guard length > 0 else { continue }
            let link = target.prefix(length).map { UInt8(bitPattern: $0) }
            if String(decoding: link, as: UTF8.self) == "anon_inode:inotify" {
                found.insert(fd)
            }
        }
        return found
    }

    private static func errorText() -> String {
        String(cString: strerror(inotifytools_error()))
    }
}
