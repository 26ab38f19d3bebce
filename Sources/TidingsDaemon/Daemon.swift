internal import ControlProtocol
internal import Dispatch
internal import EventExtraction
internal import EventStore
internal import FolderWatching
internal import Foundation
internal import Glibc
public import Logging

/// Wires the watcher, the ingestor, the store and the control server together, and runs them.
public final class Daemon: @unchecked Sendable {  // see `Status`: shared state behind locks
    struct Status {
        /// Where the daemon is in its life: `starting`, `scanning` or `watching`.
        var phase = DaemonState.starting
        var problems: [String: String] = [:]

        /// What `status` reports: a running daemon with a problem is `degraded`, also while it scans (a full
        /// disk during the start-up ingest must show).
        var state: DaemonState { phase == .starting || problems.isEmpty ? phase : .degraded }
    }

    public static let version = TidingsVersion.current

    /// The configuration in force; replaced by a reload.
    private let current: Locked<DaemonConfiguration>
    /// Where the configuration comes from, to read it again on SIGHUP.
    private let settings: DaemonSettings?
    /// The settings a reload cannot change while running.
    private let configuration: DaemonConfiguration
    private let logger: Logger
    private let status = Locked(Status())
    private let started = Date()
    private let signalQueue = DispatchQueue(label: "tidings.signals")
    private var signalSources: [any DispatchSourceSignal] = []
    private var lockFD: Int32 = -1
    private var store: EventStore?
    private var ingestor: Ingestor?
    private var watcher: FolderWatcher?
    private var server: ControlServer?
    private let systemd = SystemdNotifier(environment: ProcessInfo.processInfo.environment)
    /// When `STATUS=` was last sent, and whether a later one is scheduled: at most one a second, the last
    /// one never lost.
    private let statusPacing = Locked<(last: Double, scheduled: Bool)>((0, false))

    public init(configuration: DaemonConfiguration, settings: DaemonSettings? = nil, logger: Logger) {
        self.configuration = configuration
        self.current = Locked(configuration)
        self.settings = settings
        self.logger = logger
    }

    /// Which files are articles, from the configuration in force.
    private var rules: PathRules {
        let configuration = current.withLock { $0 }
        return PathRules(include: configuration.include, exclude: configuration.exclude)
    }

    /// Reconciles the folder with the store, ingests everything, commits and returns (`--once`).
    public func runOnce() throws(DaemonError) {
        let ingestor = try prepare()
        if let failure = ingestor.reconcileAndDrain() {
            throw DaemonError("cannot write the store at \(configuration.databasePath): \(failure)")
        }
        let counts = try? store?.counts()
        logger.info(
            "ingest complete",
            metadata: [
                "store.files": "\(counts?.files ?? 0)", "store.errors": "\(counts?.errors ?? 0)",
                "store.seq": "\(counts?.seq ?? 0)",
            ])
        do {
            try store?.markCleanStop()
        } catch {
            throw DaemonError("cannot write the store at \(configuration.databasePath): \(error)")
        }
        releaseLock()
    }

    /// Starts serving: binds the socket, watches the folder, reconciles. Returns once running; signals
    /// (SIGTERM, SIGINT) stop the daemon and exit the process with status 0.
    public func start() throws(DaemonError) {
        let ingestor = try prepare()
        guard let store else { return }
        let listener: UnixSocketListener
        let environment = ProcessInfo.processInfo.environment
        if let inherited = UnixSocketListener.inherited(environment: environment, path: configuration.socketPath) {
            listener = inherited
            logger.info("serving the control socket passed by systemd", metadata: ["daemon.socket": "\(configuration.socketPath)"])
        } else {
            do {
                listener = try UnixSocketListener.bind(path: configuration.socketPath, group: configuration.socketGroup)
            } catch {
                throw DaemonError(error.description)
            }
        }
        let methods = ControlMethods(
            store: store, ingestor: ingestor, root: configuration.root,
            status: { [unowned self] in try currentStatus() })
        var limits = ControlServer.Limits()
        limits.maximumSubscriberBacklog = configuration.maximumSubscriberBacklog
        let server = ControlServer(
            store: store, methods: methods, policy: AccessPolicy(adminGroup: configuration.adminGroup), logger: logger,
            limits: limits)
        self.server = server
        ingestor.onCommit = { [weak self] changes in
            server.publish(changes)
            self?.reportStatus()
        }
        // A commit of four batches can pass a live subscriber's queue limit on its own (docs/design.md).
        ingestor.joinsBatches = { !server.hasSubscribers }
        do {
            try server.start(listener)
        } catch {
            throw DaemonError("cannot serve the control socket: \(error.description)")
        }

        let testSeam = FolderWatcher.TestSeam(environment: environment)
        if testSeam.isActive {
            logger.warning(
                "test seam active: for tests only", metadata: ["daemon.testSeam": "\(environment[FolderWatcher.TestSeam.environmentVariable] ?? "")"])
        }
        let watcher = FolderWatcher(root: configuration.root, logger: logger, testSeam: testSeam) { [weak self] events in
            self?.handle(events)
        }
        do {
            try watcher.start()
        } catch {
            server.stop()
            throw DaemonError("\(error.message)")
        }
        self.watcher = watcher
        reportUnwatched(watcher.unwatchedDirectories)
        installSignalHandlers()
        if testSeam.overflowOnSignal {
            signal(SIGUSR2, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: SIGUSR2, queue: signalQueue)
            source.setEventHandler { [weak watcher] in watcher?.injectOverflow() }
            source.resume()
            signalSources.append(source)
        }
        setPhase(.scanning)
        systemd.startWatchdog(on: server.queue)
        reportStatus(force: true)
        logger.info(
            "started",
            metadata: [
                "daemon.root": "\(configuration.root)", "daemon.socket": "\(configuration.socketPath)",
                "daemon.database": "\(configuration.databasePath)", "daemon.version": "\(Daemon.version)",
            ])
        ingestor.reconcile()
    }

    /// Stops accepting work, finishes the batch in progress, closes the socket.
    public func stop() {
        systemd.notify("STOPPING=1")
        setPhase(.starting)
        watcher?.stop()
        ingestor?.stop()
        do {
            try store?.markCleanStop()
        } catch {
            logger.error("cannot record a clean stop; after a reboot clients will resync", metadata: ["store.error": "\(error)"])
        }
        server?.stop()
        releaseLock()
        logger.info("stopped")
    }

    // MARK: - Start-up

    /// Takes the state folder's lock and opens the store.
    private func prepare() throws(DaemonError) -> Ingestor {
        var info = stat()
        guard stat(configuration.root, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw DaemonError(
                "the watch folder \(configuration.root) does not exist or is not a folder: create it or pass --watch DIR")
        }
        try makeStateDirectory()
        try takeLock()
        let opener = StoreOpener(
            databasePath: configuration.databasePath, stateDirectory: configuration.stateDirectory, logger: logger)
        let store = try opener.open()
        self.store = store
        if store.rotatedAfterUncleanStop {
            logger.warning(
                """
                the machine restarted without a clean stop of the daemon: the last transactions may have been lost, \
                so the store starts a new generation and clients resync; nothing to do
                """,
                metadata: ["store.generation": "\(store.generation)"])
        }
        let (examiner, scanner) = try makeExaminer(configuration)
        let ingestor = Ingestor(
            store: store, examiner: examiner, scanner: scanner, logger: logger, batchSize: configuration.batchSize,
            firstRetryDelay: configuration.storeRetryDelay)
        ingestor.onIdle = { [weak self] in self?.caughtUp() }
        let stateDirectory = configuration.stateDirectory
        let checkRequest = opener.checkRequest
        ingestor.onStoreTrouble = { [weak self] failure in
            // The restart the problem asks for then checks the pages and sets a damaged database aside.
            if failure?.code == .corrupt { _ = Glibc.close(Glibc.open(checkRequest, O_CREAT | O_WRONLY | O_CLOEXEC, 0o640)) }
            self?.setProblem("store", failure.map { Daemon.storeProblem($0, stateDirectory: stateDirectory) })
        }
        self.ingestor = ingestor
        return ingestor
    }

    /// What to do about a damaged database (the restart checks it: ``Ingestor/onStoreTrouble``).
    static let rebuildAdvice = "restart tidingsd to move the database aside and rebuild the store from the folder"

    /// What `status` says while commits fail; the changes stay queued meanwhile.
    private static func storeProblem(_ error: EventStoreError, stateDirectory: String) -> String {
        if error.code == .corrupt {
            return "\(error.message): \(rebuildAdvice); the changes stay queued until then"
        }
        return "cannot write the store in \(stateDirectory) (\(error.message)): free space on its disk or make it "
            + "writable; the changes stay queued and are written when it works again"
    }

    /// The examiner and scanner for a configuration: its rules, size limit and dictionaries.
    private func makeExaminer(_ configuration: DaemonConfiguration) throws(DaemonError) -> (FileExaminer, FolderScanner) {
        let extractor: EventExtractor
        do {
            extractor = try EventExtractor.loadDefault(userFolder: configuration.dictionariesFolder)
        } catch {
            throw DaemonError("\(error)")
        }
        let rules = PathRules(include: configuration.include, exclude: configuration.exclude)
        let examiner = FileExaminer(
            root: configuration.root, rules: rules, extractor: extractor, maximumFileSize: configuration.maximumFileSize)
        return (examiner, FolderScanner(root: configuration.root, rules: rules))
    }

    private func makeStateDirectory() throws(DaemonError) {
        do {
            try FileManager.default.createDirectory(
                atPath: configuration.stateDirectory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o750])
        } catch {
            throw DaemonError(
                "cannot create the state folder \(configuration.stateDirectory): \(error.localizedDescription); pass --state DIR")
        }
    }

    /// One daemon per state folder: a second one would write the same database.
    private func takeLock() throws(DaemonError) {
        let path = configuration.stateDirectory + "/tidings.lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else {
            throw DaemonError("cannot open \(path): \(String(cString: strerror(errno))); pass --state DIR")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw DaemonError(
                "another tidingsd is using the state folder \(configuration.stateDirectory); stop it or pass another --state")
        }
        lockFD = fd
    }

    private func releaseLock() {
        if lockFD >= 0 {
            close(lockFD)
            lockFD = -1
        }
    }

    private func installSignalHandlers() {
        for signalNumber in [SIGTERM, SIGINT, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: signalQueue)
            source.setEventHandler { [weak self] in self?.received(signalNumber) }
            source.resume()
            signalSources.append(source)
        }
    }

    private func received(_ signalNumber: Int32) {
        if signalNumber == SIGHUP {
            // RELOADING=1 … READY=1 is the reload handshake systemd expects from ExecReload=.
            systemd.notify("RELOADING=1")
            reload()
            systemd.notify("READY=1")
            return
        }
        logger.info("shutting down", metadata: ["daemon.signal": "\(signalNumber == SIGTERM ? "SIGTERM" : "SIGINT")"])
        stop()
        exit(0)
    }

    /// Reads the configuration again (SIGHUP) and applies what can change while running: log level, include
    /// and exclude patterns, size limit, dictionaries. A file that does not parse changes nothing.
    private func reload() {
        guard let settings else { return }
        let new: DaemonConfiguration
        do {
            new = try settings.resolve()
        } catch {
            logger.error("reload failed; keeping the old configuration", metadata: ["config.error": "\(error.message)"])
            return
        }
        let old = current.withLock { $0 }
        let needRestart = [
            ("watch", new.root != old.root), ("state", new.stateDirectory != old.stateDirectory),
            ("socket", new.socketPath != old.socketPath),
        ].filter(\.1).map(\.0)
        if !needRestart.isEmpty {
            logger.warning(
                "some settings only change with a restart; they keep their old values",
                metadata: ["config.restart": "\(needRestart.joined(separator: ","))"])
        }
        var applied = new
        applied.root = old.root
        applied.stateDirectory = old.stateDirectory
        applied.socketPath = old.socketPath
        current.withLock { $0 = applied }
        StderrLogHandler.setLevel(Logger.Level(rawValue: applied.logLevel) ?? .info)

        let rulesChanged = applied.include != old.include || applied.exclude != old.exclude
        let reparseAll = applied.dictionariesFolder != old.dictionariesFolder || applied.maximumFileSize != old.maximumFileSize
        if rulesChanged || reparseAll, let ingestor {
            do {
                let (examiner, scanner) = try makeExaminer(applied)
                ingestor.replace(examiner: examiner, scanner: scanner, reparseAll: reparseAll)
            } catch {
                logger.error("reload failed; keeping the old rules", metadata: ["config.error": "\(error.message)"])
                current.withLock { $0 = old }
                return
            }
        }
        logger.info(
            "configuration reloaded",
            metadata: [
                "config.file": "\(applied.configurationFile ?? "none")", "config.logLevel": "\(applied.logLevel)",
                "config.rulesChanged": "\(rulesChanged)", "config.reparse": "\(reparseAll)",
            ])
    }

    // MARK: - Running

    private func handle(_ events: [WatchEvent]) {
        guard let ingestor else { return }
        var changed: [String] = []
        for event in events {
            switch event {
            case .fileChanged(let path), .fileRemoved(let path):
                if let relative = relativePath(path), rules.isArticle(relativePath: relative) {
                    changed.append(relative)
                }
            case .directoryAppeared(let path):
                if let relative = relativePath(path), !relative.split(separator: "/").contains(where: rules.isIgnored) {
                    ingestor.submit(changed, mode: .event)
                    changed = []
                    ingestor.folderAppeared(relative)
                }
            case .directoryRemoved(let path):
                if let relative = relativePath(path) {
                    ingestor.submit(changed, mode: .event)
                    changed = []
                    ingestor.folderRemoved(relative)
                }
            case .overflow:
                ingestor.submit(changed, mode: .event)
                changed = []
                setPhase(.scanning)
                ingestor.reconcile()
            case .rescan(let path):
                if let relative = path == configuration.root ? "" : relativePath(path) {
                    ingestor.submit(changed, mode: .event)
                    changed = []
                    ingestor.rescan(relativeFolder: relative)
                }
            case .unwatchedDirectories(let directories):
                reportUnwatched(directories)
            case .rootRemoved:
                logger.critical("the watch folder was removed or moved", metadata: ["daemon.root": "\(configuration.root)"])
                setProblem("root", "the watch folder \(configuration.root) was removed or moved; recreate it and restart")
            }
        }
        ingestor.submit(changed, mode: .event)
    }

    /// Folders the watcher cannot watch make the daemon `degraded` until they are watched again.
    private func reportUnwatched(_ directories: [String]) {
        guard let first = directories.first else {
            setProblem("watch", nil)
            return
        }
        let more = directories.count > 1 ? " and \(directories.count - 1) more" : ""
        let period = Int(watcher?.rescanPeriod ?? 60)
        setProblem(
            "watch",
            "cannot watch \(first)\(more): changes there are found only by a rescan every \(period) s; "
                + "raise fs.inotify.max_user_watches (see the log)")
    }

    private func relativePath(_ absolute: String) -> String? {
        let prefix = configuration.root + "/"
        guard absolute.hasPrefix(prefix) else { return nil }
        return String(absolute.dropFirst(prefix.count))
    }

    private func caughtUp() {
        let wasScanning = status.withLock { status in
            defer { if status.phase == .scanning { status.phase = .watching } }
            return status.phase == .scanning
        }
        if wasScanning {
            // The reconcile listed every file and every stored row: 10 MB and more at 100k files.
            ingestor?.trimHeap()
            // Ready only once the start-up reconcile has caught up: clients then see the whole folder.
            systemd.notify("READY=1")
            reportStatus(force: true)
            let counts = try? store?.counts()
            logger.info(
                "watching",
                metadata: [
                    "store.files": "\(counts?.files ?? 0)", "store.errors": "\(counts?.errors ?? 0)",
                    "store.seq": "\(counts?.seq ?? 0)",
                ])
        }
    }

    /// Sends systemd a one-line summary (`systemctl status` shows it), at most once a second unless forced.
    private func reportStatus(force: Bool = false) {
        guard systemd.isActive else { return }
        let now = Date().timeIntervalSince1970
        let (due, schedule) = statusPacing.withLock { pacing -> (Bool, Bool) in
            if force || now - pacing.last >= 1 {
                pacing.last = now
                return (true, false)
            }
            defer { pacing.scheduled = true }
            return (false, !pacing.scheduled)
        }
        if schedule {
            signalQueue.asyncAfter(deadline: .now() + 1) { [weak self] in
                self?.statusPacing.withLock { $0.scheduled = false }
                self?.reportStatus(force: true)
            }
        }
        guard due, let status = try? currentStatus() else { return }
        systemd.notify(
            "STATUS=\(status.state.rawValue): \(status.articles) articles, \(status.events) events, "
                + "\(status.statements) statements, \(status.errors) errors, backlog \(status.backlog)")
    }

    private func setPhase(_ phase: DaemonState) {
        status.withLock { $0.phase = phase }
    }

    /// Records (or clears, with nil) a problem; any problem makes a running daemon `degraded`.
    private func setProblem(_ key: String, _ problem: String?) {
        status.withLock { $0.problems[key] = problem }
    }

    private func currentStatus() throws -> StatusResult {
        guard let store else { throw RPCError.internalError("the store is not open") }
        // The state first: `watching` is set only after the commit that caught up, so counts read after it
        // include that commit. Read the other way round, a reply could say `watching` with the counts of before.
        let (state, problems) = status.withLock { status in
            (status.state, status.problems.sorted { $0.key < $1.key }.map(\.value))
        }
        let counts = try store.counts()
        return StatusResult(
            state: state, root: configuration.root, files: counts.files, articles: counts.articles,
            events: counts.events, statements: counts.statements, errors: counts.errors,
            backlog: ingestor?.backlog ?? 0, seq: counts.seq, generation: store.generation,
            uptimeSeconds: Date().timeIntervalSince(started), version: Daemon.version,
            database: configuration.databasePath, socket: configuration.socketPath, problems: problems)
    }
}
