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
///
/// Directories that cannot be watched (the watch limit, `ENOSPC`) are tried again, and reported for a
/// rescan, every ``rescanPeriod`` while there are any: a one-shot timer, so an idle watcher with every
/// directory watched does nothing at all.
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
    private let testSeam: TestSeam
    private var source: (any DispatchSourceRead)?
    /// libinotifytools' inotify descriptor, while running.
    private var inotifyFD: Int32 = -1
    private var state = State.initial
    /// IN_MOVED_FROM of directories waiting for their IN_MOVED_TO, by cookie.
    private var pendingMoves: [UInt32: String] = [:]
    /// Directories that could not be watched (e.g. the watch limit was reached), with a trailing slash.
    private var unwatched: [String] = []
    /// Whether the next retry of ``unwatched`` is scheduled.
    private var retryScheduled = false
    /// How often unwatched directories are tried again and rescanned.
    public let rescanPeriod: Double

    static let watchMask = Int32(
        IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ATTRIB | IN_DELETE_SELF
            | IN_MOVE_SELF)

    /// - Parameters:
    ///   - root: the folder to watch, recursively.
    ///   - handler: called on the watcher's queue with each drained batch of events, in order.
    ///   - testSeam: for the end-to-end tests only; ``TestSeam/none`` in production.
    public init(
        root: String, logger: Logger, testSeam: TestSeam = .none,
        handler: @escaping @Sendable ([WatchEvent]) -> Void
    ) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        self.logger = logger
        self.testSeam = testSeam
        self.rescanPeriod = testSeam.rescanPeriod ?? 60
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
            inotifyFD = fd
            if let error = watchTree(root + "/") {
                inotifytools_cleanup()
                return .failure(error)
            }
            let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
            source.setEventHandler { [weak self] in self?.drain() }
            source.resume()
            self.source = source
            state = .running
            reported = unwatched
            scheduleRetry()
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
            inotifyFD = -1
            state = .stopped
        }
    }

    /// Directories that could not be watched; a periodic rescan must cover them.
    public var unwatchedDirectories: [String] {
        queue.sync { unwatched.map { String($0.dropLast()) } }
    }

    // MARK: - On the queue

    /// Adds watches for `directory` (with a trailing slash) and everything below it.
    /// Returns an error only for the root; failures below it are logged and remembered.
    private func watchTree(_ directory: String, retrying: Bool = false) -> FolderWatcherError? {
        let code: Int32
        if isUnwatchableBySeam(directory) {
            code = ENOSPC
        } else {
            let watched = FileSystemName.withCString(directory) {
                inotifytools_watch_recursively($0, FolderWatcher.watchMask)
            }
            guard watched == 0 else { return nil }
            code = inotifytools_error()
        }
        return failedToWatch(directory, code, retrying: retrying)
    }

    /// The test seam's stand-in for the watch limit: as if `ENOSPC` were reached at folders of that name.
    private func isUnwatchableBySeam(_ directory: String) -> Bool {
        guard let name = testSeam.unwatchableName else { return false }
        return directory.split(separator: "/").last == Substring(name)
    }

    /// Logs and remembers a folder that could not be watched (`code` is the errno); returns an error only for
    /// the root.
    private func failedToWatch(_ directory: String, _ code: Int32, retrying: Bool = false) -> FolderWatcherError? {
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
        logger.log(
            level: retrying ? .debug : .error, "cannot watch folder",
            metadata: ["watch.path": "\(directory)", "watch.error": "\(message)"])
        unwatched.append(directory)
        return directory == root + "/" && code != ENOSPC ? FolderWatcherError(.cannotWatch, message) : nil
    }

    /// Watches `directory` (trailing slash) and every folder below it, each under its name on disk now.
    ///
    /// libinotifytools names every watch, and its names go stale when folders move: its
    /// `inotifytools_replace_filename` edits its tree of names while walking it and skips some (inotify-tools
    /// issues #59 and #130), and watching a folder that the kernel already watches (one moved in before its
    /// new parent was watched) keeps the old name. Events in a folder whose watch has a stale name are reported
    /// under a path that no longer exists, and lost (found by bench/soak.py). The kernel knows which watch a
    /// folder has: adding a watch to a watched folder returns that watch's descriptor. A watch known by another
    /// name is removed and added again under the folder's name; the events it had queued are dropped, so
    /// callers report `directory` as appeared, which rescans it after this.
    private func watchSubtree(_ directory: String) {
        if isUnwatchableBySeam(directory) {
            _ = failedToWatch(directory, ENOSPC)
            return
        }
        let flags = UInt32(bitPattern: FolderWatcher.watchMask) | UInt32(IN_ONLYDIR | IN_DONT_FOLLOW)
        let wd = FileSystemName.withCString(directory) { inotify_add_watch(inotifyFD, $0, flags) }
        guard wd >= 0 else {
            _ = failedToWatch(directory, errno)
            return
        }
        let known = inotifytools_filename_from_wd(wd).map { FileSystemName.decode(cString: $0) }
        if known != directory {
            if let known {
                logger.debug("a watch kept a folder's old name", metadata: ["watch.from": "\(known)", "watch.to": "\(directory)"])
                _ = inotifytools_remove_watch_by_wd(wd)
            }
            guard FileSystemName.withCString(directory, { inotifytools_watch_file($0, FolderWatcher.watchMask) }) != 0 else {
                _ = failedToWatch(directory, inotifytools_error())
                return
            }
        }
        guard let stream = FileSystemName.withCString(directory, { opendir($0) }) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            guard entry.pointee.d_type == DT_DIR else { continue }  // symlinks are not followed
            let name = FileSystemName.entryName(entry)
            if name == "." || name == ".." { continue }
            watchSubtree(directory + name + "/")
        }
    }

    private func drain() {
        var events: [WatchEvent] = []
        while let pointer = inotifytools_next_events(0, 1) {
            translate(pointer, into: &events)
        }
        // A directory moved out of the tree has no IN_MOVED_TO partner.
        for (_, path) in pendingMoves {
            _ = FileSystemName.withCString(path + "/") { inotifytools_remove_watch_by_filename($0) }
            _ = forgetUnwatched(under: path)
            events.append(.directoryRemoved(path))
        }
        pendingMoves.removeAll()
        emit(events)
    }

    /// Hands `events` on, followed by the new list of unwatched directories when it changed.
    private func emit(_ events: [WatchEvent]) {
        var events = events
        if unwatched != reported {
            reported = unwatched
            events.append(.unwatchedDirectories(unwatched.map { String($0.dropLast()) }))
            scheduleRetry()
        }
        if !events.isEmpty { handler(events) }
    }

    /// Directories last reported unwatched.
    private var reported: [String] = []

    /// While some directory is unwatched, tries to watch it again every ``rescanPeriod`` and asks for a
    /// rescan of it (its changes were not seen meanwhile). Nothing is scheduled when all are watched.
    private func scheduleRetry() {
        guard !retryScheduled, !unwatched.isEmpty, state == .running else { return }
        retryScheduled = true
        queue.asyncAfter(deadline: .now() + rescanPeriod) { [weak self] in
            guard let self else { return }
            retryScheduled = false
            guard state == .running else { return }
            let directories = unwatched
            guard !directories.isEmpty else { return }
            unwatched = []
            for directory in directories { _ = watchTree(directory, retrying: true) }
            logger.info(
                "rescanning unwatched folders",
                metadata: ["watch.folders": "\(directories.count)", "watch.stillUnwatched": "\(unwatched.count)"])
            emit(directories.map { .rescan(String($0.dropLast())) })
            scheduleRetry()
        }
    }

    /// Drops `directory` and everything below it from ``unwatched`` (it was moved or deleted); returns
    /// whether there was any.
    private func forgetUnwatched(under directory: String) -> Bool {
        let count = unwatched.count
        unwatched.removeAll { $0.hasPrefix(directory + "/") }
        return unwatched.count != count
    }

    /// Acts as if the kernel had reported `IN_Q_OVERFLOW` (test seam, see ``TestSeam``).
    public func injectOverflow() {
        queue.async { [self] in
            guard state == .running else { return }
            logger.warning("inotify queue overflowed; rescanning everything", metadata: ["watch.injected": "true"])
            emit([.overflow])
        }
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
        let directory = FileSystemName.decode(cString: directoryPointer)  // ends with "/"
        if mask & Int32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
            if directory == root + "/" {
                events.append(.rootRemoved)
            }
            return
        }
        let name = event.len > 0 ? FolderWatcher.name(of: pointer) : ""
        guard !name.isEmpty else { return }
        let path = directory + name
        if let lost = testSeam.droppedName, path.dropFirst(root.count).split(separator: "/").contains(Substring(lost)) {
            return  // the test seam: as if the kernel had lost this event
        }
        let isDirectory = mask & Int32(IN_ISDIR) != 0

        if isDirectory {
            if mask & Int32(IN_CREATE) != 0 {
                watchSubtree(path + "/")
                events.append(.directoryAppeared(path))
            } else if mask & Int32(IN_MOVED_FROM) != 0 {
                pendingMoves[event.cookie] = path
            } else if mask & Int32(IN_MOVED_TO) != 0 {
                if let old = pendingMoves.removeValue(forKey: event.cookie) {
                    // Its watches moved with it: most get their new names here, the rest in watchSubtree, which
                    // also watches a folder made in it just before the move (its IN_CREATE came under the old
                    // name, gone by then).
                    FileSystemName.withCString(old + "/") { old in
                        FileSystemName.withCString(path + "/") { new in inotifytools_replace_filename(old, new) }
                    }
                    _ = forgetUnwatched(under: old)
                    events.append(.directoryRemoved(old))
                }
                watchSubtree(path + "/")
                events.append(.directoryAppeared(path))
            } else if mask & Int32(IN_DELETE) != 0 {
                _ = forgetUnwatched(under: path)
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
        return FileSystemName.decode(bytes[..<end])
    }

    /// File descriptors of this process that are inotify instances.
    private static func inotifyDescriptors() -> Set<Int32> {
        var found: Set<Int32> = []
        guard let directory = opendir("/proc/self/fd") else { return found }
        defer { closedir(directory) }
        var target = [CChar](repeating: 0, count: 64)
        while let entry = readdir(directory) {
            let name = String(decoding: FileSystemName.entryNameBytes(entry), as: UTF8.self)
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
