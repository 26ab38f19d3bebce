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
/// subscribers are told only after the commit.
final class Ingestor: @unchecked Sendable {  // mutable state confined to `queue`
    /// Called on the ingest queue with each batch's committed changes, in seq order.
    var onCommit: @Sendable ([ChangeRecord]) -> Void = { _ in }
    /// Called on the ingest queue whenever the backlog runs empty.
    var onIdle: @Sendable () -> Void = {}
    /// Called on the ingest queue when writing fails (true) or works again (false).
    var onStoreTrouble: @Sendable (String?) -> Void = { _ in }

    private let queue = DispatchQueue(label: "tidings.ingest")
    private let store: EventStore
    private var examiner: FileExaminer
    private var scanner: FolderScanner
    private let logger: Logger
    private let batchSize: Int

    /// Paths waiting, with the strongest reason each was queued for; `order` keeps arrival order.
    private var pending: [String: FileExaminer.Mode] = [:]
    private var order: [String] = []
    private var orderStart = 0
    private var drainScheduled = false
    private var stopped = false
    private var retryDelay: Double = 0
    private let backlogCount = Atomic<Int>(0)

    init(store: EventStore, examiner: FileExaminer, scanner: FolderScanner, logger: Logger, batchSize: Int = 256) {
        self.store = store
        self.examiner = examiner
        self.scanner = scanner
        self.logger = logger
        self.batchSize = batchSize
    }

    /// Paths waiting to be examined.
    var backlog: Int { backlogCount.load(ordering: .relaxed) }

    /// Compares the whole folder with the store and queues every difference.
    func reconcile() {
        queue.async { self.reconcileNow() }
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
                self.enqueue(try self.store.paths(under: relativeFolder), mode: .event)
            } catch {
                self.logger.error("cannot list tracked files", metadata: ["ingest.folder": "\(relativeFolder)", "ingest.error": "\(error)"])
            }
        }
    }

    /// Queues tracked paths under `relativeFolder` ("" for all) to be parsed again; returns how many.
    func reparse(under relativeFolder: String) throws(EventStoreError) -> Int {
        let paths = try store.paths(under: relativeFolder)
        submit(paths, mode: .forced)
        return paths.count
    }

    /// Processes everything queued so far until the backlog is empty; returns the store's complaint
    /// if a batch could not be committed (nothing is retried then).
    func drainToCompletion() -> String? {
        queue.sync {
            while orderStart < order.count, !stopped {
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
        queue.sync { stopped = true }
    }

    // MARK: - On the queue

    private func reconcileNow() {
        let started = DispatchTime.now()
        let onDisk = scanner.scan()
        let stored: [String: StoredFile]
        do {
            stored = try store.allFiles()
        } catch {
            logger.error("cannot read the store to reconcile", metadata: ["ingest.error": "\(error)"])
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
                "reconcile.files": "\(onDisk.count)", "reconcile.changed": "\(changed.count)",
                "reconcile.missing": "\(missing.count)",
                "reconcile.ms": "\((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)",
            ])
        // Sorted so a bulk ingest commits in a stable, readable order.
        enqueue(changed.sorted(), mode: .event)
        enqueue(missing.sorted(), mode: .event)
        if changed.isEmpty, missing.isEmpty, orderStart >= order.count { onIdle() }
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
        backlogCount.store(pending.count, ordering: .relaxed)
        scheduleDrain(after: 0)
    }

    private func scheduleDrain(after delay: Double) {
        guard !drainScheduled, !stopped, orderStart < order.count else { return }
        drainScheduled = true
        let work: @Sendable () -> Void = { [self] in
            drainScheduled = false
            drainBatch()
            if orderStart < order.count {
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

    /// Examines and commits up to `batchSize` queued paths; returns why the commit failed, if it did.
    @discardableResult
    private func drainBatch() -> String? {
        guard !stopped, orderStart < order.count else { return nil }
        let end = min(order.count, orderStart + batchSize)
        let batch = order[orderStart..<end].map { ($0, pending[$0] ?? .event) }

        let updates: [FileUpdate]
        do {
            let stored = try store.files(at: batch.map(\.0))
            updates = examineInParallel(batch, stored: stored)
            let changes = try store.apply(updates)
            if retryDelay > 0 {
                retryDelay = 0
                onStoreTrouble(nil)
            }
            for (path, _) in batch { pending[path] = nil }
            orderStart = end
            compactOrder()
            backlogCount.store(pending.count, ordering: .relaxed)
            log(changes)
            if !changes.isEmpty { onCommit(changes) }
            return nil
        } catch {
            // Keep the batch queued and try again later: nothing is dropped while the disk is full
            // or the database is locked.
            retryDelay = min(max(retryDelay * 2, 0.5), 30)
            logger.error(
                "cannot commit; will retry",
                metadata: ["ingest.error": "\(error)", "ingest.retryInSeconds": "\(retryDelay)"])
            onStoreTrouble("\(error)")
            return "\(error)"
        }
    }

    private func examineInParallel(
        _ batch: [(String, FileExaminer.Mode)], stored: [String: StoredFile]
    ) -> [FileUpdate] {
        let results = Mutex<[FileUpdate?]>(Array(repeating: nil, count: batch.count))
        let examiner = self.examiner
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, batch.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var local: [(Int, FileUpdate)] = []
            for index in stride(from: worker, to: batch.count, by: workers) {
                let (path, mode) = batch[index]
                if let update = examiner.examine(path, stored: stored[path], mode: mode) {
                    local.append((index, update))
                }
            }
            results.withLock { results in
                for (index, update) in local { results[index] = update }
            }
        }
        return results.withLock { $0.compactMap { $0 } }
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

    private func log(_ changes: [ChangeRecord]) {
        for change in changes {
            let level: Logger.Level = change.kind == ChangeKind.fileError ? .warning : .info
            logger.log(
                level: level, "\(change.kind)",
                metadata: [
                    "change.seq": "\(change.seq)", "change.path": "\(change.path ?? "")",
                    "change.payload": "\(change.payload ?? "{}")",
                ])
        }
    }
}
