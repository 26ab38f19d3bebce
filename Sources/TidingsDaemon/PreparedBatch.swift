internal import Dispatch
internal import EventStore
internal import Foundation
internal import Synchronization

/// A batch of paths being examined in parallel: stat, read, hash and parse are independent per file.
final class PreparedBatch: @unchecked Sendable {  // `results` is written by the pool before `done` is left
    let paths: [(String, FileExaminer.Mode)]
    private let done = DispatchGroup()
    private var results: [FileUpdate?]

    init(_ paths: [(String, FileExaminer.Mode)], stored: [String: StoredFile], examiner: FileExaminer) {
        self.paths = paths
        results = Array(repeating: nil, count: paths.count)
        done.enter()
        DispatchQueue.global().async { [self] in
            let examined = Mutex<[(Int, FileUpdate)]>([])
            let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, paths.count))
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var local: [(Int, FileUpdate)] = []
                for index in stride(from: worker, to: paths.count, by: workers) {
                    let (path, mode) = paths[index]
                    if let update = examiner.examine(path, stored: stored[path], mode: mode) {
                        local.append((index, update))
                    }
                }
                examined.withLock { $0 += local }
            }
            for (index, update) in examined.withLock({ $0 }) { results[index] = update }
            done.leave()
        }
    }

    /// Waits for the examination to finish; the updates in the batch's order.
    func updates() -> [FileUpdate] {
        done.wait()
        return results.compactMap { $0 }
    }
}
