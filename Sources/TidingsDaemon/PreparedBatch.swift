internal import Dispatch
internal import EventStore
internal import Foundation

/// A batch of paths being examined in parallel: stat, read, hash and parse are independent per file.
final class PreparedBatch: @unchecked Sendable {  // `results` is written by the pool before `done` is left, read after
    let paths: [(String, FileExaminer.Mode)]
    private let done = DispatchGroup()
    private var results: [FileUpdate?]

    init(_ paths: [(String, FileExaminer.Mode)], stored: [String: StoredFile], examiner: FileExaminer) {
        self.paths = paths
        results = Array(repeating: nil, count: paths.count)
        done.enter()
        DispatchQueue.global().async { [self] in
            let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, paths.count))
            // Each worker fills its own slots (every `workers`-th path), so the workers share nothing and need
            // no lock; concurrentPerform returns once all are done. (A Synchronization.Mutex collected the
            // results before: correct, but invisible to the thread sanitizer, which reported a race.)
            results.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let slots = buffer  // each worker writes only its own indices
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    for index in stride(from: worker, to: paths.count, by: workers) {
                        let (path, mode) = paths[index]
                        slots[index] = examiner.examine(path, stored: stored[path], mode: mode)
                    }
                }
            }
            done.leave()
        }
    }

    /// Waits for the examination to finish; the updates in the batch's order.
    func updates() -> [FileUpdate] {
        done.wait()
        return results.compactMap { $0 }
    }
}
