internal import ControlProtocol
internal import Dispatch
internal import EventStore
internal import Foundation
internal import Logging
internal import Synchronization

/// Turns paths that may have changed into committed store updates, then hands the changes on.
///
/// One serial queue owns the backlog and is the store's only writer. Each batch is examined in
/// parallel (stat, read, hash, parse are independent per file) and committed in one transaction;
/// subscribers are told only after the commit. The next batch is examined while one commits, so the
/// parsing and the store's work overlap.
final class Ingestor: @unchecked Sendable {  // mutable state confined to `queue`
    /// Called on the ingest queue with each batch's committed changes, in seq order.
    var onCommit: @Sendable ([ChangeRecord]) -> Void = { _ in }
    /// Called on the ingest queue whenever the backlog runs empty.
    var onIdle: @Sendable () -> Void = {}
    /// Called on the ingest queue with the store's error when a commit fails, and with nil when one works again.
    var onStoreTrouble: @Sendable (EventStoreError?) -> Void = { _ in }
    /// Asked on the ingest queue before a transaction takes one more examined batch.
    var joinsBatches: @Sendable () -> Bool = { true }

    private let queue = DispatchQueue(label: "tidings.ingest")
    private let store: EventStore
    private var examiner: FileExaminer
    private var scanner: FolderScanner
    private let logger: Logger
    private let batchSize: Int
    /// The first wait after a failed commit; it doubles with each failure in a row, up to `maximumRetryDelay`.
    private let firstRetryDelay: Double
    private static let maximumRetryDelay: Double = 30
    private static let filesBeforeRelease = 256
    /// How many examined batches one transaction takes at most during a bulk ingest (4,096 files by default).
    private static let batchesPerTransaction = 4

    /// Paths waiting, with the strongest reason each was queued for; `order` keeps arrival order.
    /// A path leaves `pending` when its batch is taken, so queuing it again meanwhile (a new event, a
    /// reparse) examines it once more after that batch.
    private var pending: [String: FileExaminer.Mode] = [:]
    private var order: [String] = []
    private var orderStart = 0
    /// The next batch, taken from the backlog and being examined on the concurrent pool.
    private var prepared: PreparedBatch?
    private var drainScheduled = false
    private var stopped = false
    private var retryDelay: Double = 0
    /// `--once`: a failed commit ends the run instead of being retried.
    private var drainingToCompletion = false
    private var committedSinceRelease = 0
    private let backlogCount = Atomic<Int>(0)

    init(
        store: EventStore, examiner: FileExaminer, scanner: FolderScanner, logger: Logger, batchSize: Int = 1024,
        firstRetryDelay: Double = 0.5
    ) {
        self.store = store
        self.examiner = examiner
        self.scanner = scanner
        self.logger = logger
        self.batchSize = batchSize
        self.firstRetryDelay = firstRetryDelay
    }

    /// Paths waiting to be examined.
    var backlog: Int { backlogCount.load(ordering: .relaxed) }

    /// Compares the whole folder with the store and queues every difference.
    func reconcile() {
        queue.async { self.reconcileNow() }
    }

    /// Compares one folder ("" for all) with what the store holds under it and queues every difference: for
    /// a folder that was not watched for a while (the watch limit).
    func rescan(relativeFolder: String) {
        queue.async { self.reconcileNow(under: relativeFolder) }
    }

    /// Queues relative paths reported by the watcher (or an operator, with `.forced`).
    func submit(_ paths: [String], mode: FileExaminer.Mode) {
        guard !paths.isEmpty else { return }
        queue.async { self.enqueue(paths, mode: mode) }
    }

    /// A folder appeared (created or moved in): queue everything in it.
    func folderAppeared(_ relativeFolder: String) {
        queue.async {
            self.enqueue(Array(self.scanner.scan(relativeFolder: relativeFolder).keys), mode: .scanned)
        }
    }

    /// A folder went away: queue every tracked path below it (they will be found missing).
    func folderRemoved(_ relativeFolder: String) {
        queue.async {
            do {
                // Also the files of the batch being examined: read before the move, they are committed under
                // the old path after it, and must be looked at again (found gone) after that.
                let inFlight = (self.prepared?.paths.map(\.0) ?? []).filter { $0.hasPrefix(relativeFolder + "/") }
                self.enqueue(try self.store.paths(under: relativeFolder) + inFlight, mode: .event)
            } catch {
                self.logger.error("cannot list tracked files", metadata: ["ingest.folder": "\(relativeFolder)", "ingest.error": "\(error)"])
            }
        }
    }

    /// A read found the database damaged: reported as a failed commit would be (``onStoreTrouble``).
    func storeIsDamaged(_ error: EventStoreError) {
        queue.async { self.onStoreTrouble(error) }
    }

    /// Queues tracked paths under `relativeFolder` ("" for all) to be parsed again; returns how many.
    func reparse(under relativeFolder: String) throws(EventStoreError) -> Int {
        let paths = try store.paths(under: relativeFolder)
        submit(paths, mode: .forced)
        return paths.count
    }

    /// `--once`: compares the whole folder with the store and ingests every difference; returns the store's
    /// complaint if a batch could not be committed (nothing is retried then). One block on the queue, so no drain
    /// scheduled by the reconcile can run before the no-retry mode is set.
    func reconcileAndDrain() -> String? {
        queue.sync {
            drainingToCompletion = true
            reconcileNow()
            while hasWork, !stopped {
                if let failure = drainBatch() { return failure }
            }
            return nil
        }
    }

    /// Applies new file rules, size limit or dictionaries (a reload): a reconcile applies new rules to the
    /// folder; `reparseAll` parses every tracked file again (new dictionaries change what is extracted).
    func replace(examiner: FileExaminer, scanner: FolderScanner, reparseAll: Bool) {
        queue.async { [self] in
            self.examiner = examiner
            self.scanner = scanner
            reconcileNow()
            if reparseAll {
                do {
                    enqueue(try store.paths(under: ""), mode: .forced)
                } catch {
                    logger.error("cannot list tracked files to reparse", metadata: ["ingest.error": "\(error)"])
                }
            }
        }
    }

    /// Finishes the batch in progress, then processes nothing more.
    func stop() {
        queue.sync {
            stopped = true
            // Its files are examined again by the next start's reconcile.
            _ = prepared?.updates()
            prepared = nil
        }
    }

    // MARK: - On the queue

    private func reconcileNow(under folder: String = "") {
        let started = DispatchTime.now()
        let onDisk = scanner.scan(relativeFolder: folder)
        let stored: [String: StoredFile]
        do {
            stored = folder.isEmpty ? try store.allFiles() : try store.files(at: store.paths(under: folder))
        } catch {
            logger.error("cannot read the store to reconcile", metadata: ["ingest.error": "\(error)"])
            // Damage that opening the database did not notice (after a clean stop the start-up skips the check).
            if error.code == .corrupt { onStoreTrouble(error) }
            return
        }
        var changed: [String] = []
        for (path, stat) in onDisk where stored[path]?.stat != stat {
            changed.append(path)
        }
        var missing: [String] = []
        for path in stored.keys where onDisk[path] == nil {
            missing.append(path)
        }
        logger.info(
            "reconciled folder with store",
            metadata: [
                "reconcile.folder": "\(folder)", "reconcile.files": "\(onDisk.count)", "reconcile.changed": "\(changed.count)",
                "reconcile.missing": "\(missing.count)",
                "reconcile.ms": "\((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)",
            ])
        // Sorted so a bulk ingest commits in a stable, readable order.
        enqueue(changed.sorted(), mode: .event)
        enqueue(missing.sorted(), mode: .event)
        if changed.isEmpty, missing.isEmpty, !hasWork { onIdle() }
    }

    private func enqueue(_ paths: [String], mode: FileExaminer.Mode) {
        for path in paths {
            if let existing = pending[path] {
                if existing < mode { pending[path] = mode }
            } else {
                pending[path] = mode
                order.append(path)
            }
        }
        updateBacklog()
        scheduleDrain(after: 0)
    }

    private var hasWork: Bool { orderStart < order.count || prepared != nil }

    private func updateBacklog(committing: Int = 0) {
        backlogCount.store(pending.count + (prepared?.paths.count ?? 0) + committing, ordering: .relaxed)
    }

    private func scheduleDrain(after delay: Double) {
        guard !drainScheduled, !stopped, hasWork else { return }
        drainScheduled = true
        let work: @Sendable () -> Void = { [self] in
            drainScheduled = false
            drainBatch()
            if hasWork {
                scheduleDrain(after: retryDelay)
            } else if !stopped {
                onIdle()
            }
        }
        if delay > 0 {
            queue.asyncAfter(deadline: .now() + delay, execute: work)
        } else {
            queue.async(execute: work)
        }
    }

    /// Commits the prepared batch (examining one first if none is), while the next one is examined;
    /// returns why the commit failed, if it did. During a bulk ingest the transaction goes on with the batches
    /// examined meanwhile, up to ``batchesPerTransaction``, while ``joinsBatches`` allows: one commit for
    /// several batches, with examining and writing still overlapping. A file that trickles in is committed at once.
    @discardableResult
    private func drainBatch() -> String? {
        guard !stopped else { return nil }
        let first: PreparedBatch
        if let prepared {
            first = prepared
        } else {
            do throws(EventStoreError) {
                guard let next = try prepareBatch(excluding: []) else { return nil }
                first = next
            } catch {
                return retryLater(error)
            }
        }
        var committing: [(String, FileExaminer.Mode)] = []
        var busy = Set<String>()
        /// Takes `batch` into the transaction and starts examining the next one.
        func take(_ batch: PreparedBatch) -> [FileUpdate] {
            prepared = nil
            let updates = batch.updates()
            committing += batch.paths
            busy.formUnion(batch.paths.map(\.0))
            // Its files are disjoint from the transaction's, so what the store says of them now stays true
            // after this commit. If the store cannot be read, the next turn tries again.
            prepared = try? prepareBatch(excluding: busy)
            updateBacklog(committing: committing.count)
            return updates
        }
        let updates = take(first)
        var batchesTaken = 1
        do {
            let changes = try store.apply(updates) {
                // (`stopped` cannot change meanwhile: `stop()` waits for this block on the queue.)
                guard batchesTaken < Self.batchesPerTransaction, let next = prepared, joinsBatches() else { return nil }
                batchesTaken += 1
                return take(next)
            }
            if retryDelay > 0 {
                retryDelay = 0
                logger.notice(
                    "the store can be written again; ingesting resumes",
                    metadata: ["ingest.database": "\(store.location)"])
                onStoreTrouble(nil)
            }
            updateBacklog()
            releaseMemoryIfIdle(committed: committing.count)
            log(changes)
            if !changes.isEmpty { onCommit(changes) }
            return nil
        } catch {
            // Keep every batch queued and try again later: nothing is dropped while the disk is full
            // or the database is locked.
            let next = prepared
            _ = next?.updates()
            prepared = nil
            requeueAtFront(committing + (next?.paths ?? []))
            return retryLater(error)
        }
    }

    /// Ingesting grows the store's page cache (up to ``EventStore/writerCacheKiB``); an idle daemon does
    /// not need it. Given back when the backlog runs empty after ``filesBeforeRelease`` or more, so that a
    /// trickle of single files does not close the readers after each one.
    private func releaseMemoryIfIdle(committed: Int) {
        committedSinceRelease += committed
        guard !hasWork, committedSinceRelease >= Self.filesBeforeRelease else { return }
        committedSinceRelease = 0
        releaseMemory()
    }

    /// Gives the store's page caches and malloc's free memory back to the system.
    private func releaseMemory() {
        store.releaseMemory()
        trimHeap()
    }

    /// Hands malloc's free memory back to the system (e.g. what the start-up reconcile, which lists every file
    /// and stored row, freed): freed pages otherwise sit in malloc's arenas.
    func trimHeap() {
        _ = mallocTrim(0)
    }

    private func retryLater(_ error: EventStoreError) -> String {
        updateBacklog()
        let action =
            error.code == .corrupt
            ? "restart tidingsd to move the damaged database aside and rebuild it"
            : "free disk space or make the state folder writable"
        guard !drainingToCompletion else {
            // `--once` retries nothing: it stops with the error, and a later run ingests what is left.
            return "\(error); \(action), then run again"
        }
        retryDelay = min(max(retryDelay * 2, firstRetryDelay), Self.maximumRetryDelay)
        logger.error(
            "cannot commit; the batch stays queued and is retried",
            metadata: [
                "ingest.error": "\(error)", "ingest.action": "\(action)", "ingest.retryInSeconds": "\(retryDelay)",
                "ingest.backlog": "\(backlog)",
            ])
        onStoreTrouble(error)
        return "\(error)"
    }

    /// Takes up to `batchSize` queued paths and starts examining them on the concurrent pool; nil when
    /// nothing can be taken. Stops before a path in `busy` (the batch being committed): examined now,
    /// it would be compared with what the store holds before that commit.
    private func prepareBatch(excluding busy: Set<String>) throws(EventStoreError) -> PreparedBatch? {
        var end = orderStart
        while end < order.count, end - orderStart < batchSize, !busy.contains(order[end]) { end += 1 }
        guard end > orderStart else { return nil }
        let paths = order[orderStart..<end].map { ($0, pending[$0] ?? .event) }
        let stored = try store.files(at: paths.map(\.0))
        for (path, _) in paths { pending[path] = nil }
        orderStart = end
        compactOrder()
        return PreparedBatch(paths, stored: stored, examiner: examiner)
    }

    /// Puts the paths of a failed commit back at the head of the backlog, unless queued again meanwhile.
    private func requeueAtFront(_ paths: [(String, FileExaminer.Mode)]) {
        var front: [String] = []
        for (path, mode) in paths {
            if let queued = pending[path] {
                pending[path] = max(queued, mode)
            } else {
                pending[path] = mode
                front.append(path)
            }
        }
        order.insert(contentsOf: front, at: orderStart)
    }

    private func compactOrder() {
        if orderStart == order.count {
            order.removeAll(keepingCapacity: order.count < 100_000)
            orderStart = 0
        } else if orderStart > 4096, orderStart * 2 > order.count {
            order.removeFirst(orderStart)
            orderStart = 0
        }
    }

    /// Files' own changes at info (`file.error` as a warning), the event and statement changes they caused at
    /// debug: a bulk drop logs a line per file rather than a dozen with their JSON (which took 40 % of a 10k
    /// `--once` at the default level), and `--log-level debug` still shows every change.
    private func log(_ changes: [ChangeRecord]) {
        // Most changes are events' and statements' (debug): asking the level once spares a lookup for each.
        let showsDebug = logger.logLevel <= .debug
        for change in changes {
            let level: Logger.Level =
                switch change.kind {
                case ChangeKind.fileError: .warning
                case ChangeKind.articleAdded, ChangeKind.articleUpdated, ChangeKind.articleRemoved: .info
                default: .debug
                }
            if level == .debug, !showsDebug { continue }
            logger.log(
                level: level, "\(change.kind)",
                metadata: [
                    "change.seq": "\(change.seq)", "change.path": "\(change.path ?? "")",
                    "change.payload": "\(change.payload ?? "{}")",
                ])
        }
    }
}

/// glibc's `malloc_trim` (not in the Glibc module map): returns free heap memory to the system.
@_silgen_name("malloc_trim")
private func mallocTrim(_ pad: Int) -> Int32
