internal import Foundation

/// A value behind a pthread mutex (`NSLock`), for the daemon's state shared between its queues.
///
/// Not the Synchronization module's `Mutex`: on Linux it locks with raw futex calls, which ThreadSanitizer does
/// not see, so CI's sanitizer step reported accesses made under that lock as data races (the daemon's status,
/// read by a `status` call while the start-up reconcile set it).
final class Locked<Value>: @unchecked Sendable {  // `value` guarded by `lock`
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
