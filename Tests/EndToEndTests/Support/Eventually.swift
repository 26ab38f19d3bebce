import Foundation

/// A harness failure: what was expected, what happened instead, and what the daemon logged.
struct HarnessError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}

/// How long the harness waits. Reached only when something is broken: a healthy run never waits this long,
/// but a loaded 2-core CI machine may take seconds to start a process or deliver an inotify event.
enum Timeouts {
    /// For anything the daemon should do promptly: start, ingest a file, answer, exit.
    static let standard: Duration = .seconds(20)
    /// Between two polls of a condition.
    static let pollInterval: Duration = .milliseconds(20)
}

/// A point in time after which a wait gives up.
struct Deadline {
    let instant: ContinuousClock.Instant

    init(after timeout: Duration) { instant = .now + timeout }

    var hasPassed: Bool { ContinuousClock.now >= instant }

    /// What is left, never negative.
    var remaining: Duration { max(.zero, instant - .now) }

    /// Milliseconds left, rounded up, for `poll(2)`.
    var remainingMilliseconds: Int32 {
        let (seconds, attoseconds) = remaining.components
        return Int32(clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}

/// Polls `condition` until it holds or `timeout` passes; returns whether it held.
///
/// This is the only way the end-to-end tests wait for the daemon besides reading a notification with a
/// timeout: the pause between polls is not synchronization, the condition is.
@discardableResult
func eventually(
    timeout: Duration = Timeouts.standard, _ condition: () throws -> Bool
) rethrows -> Bool {
    let deadline = Deadline(after: timeout)
    while true {
        if try condition() { return true }
        if deadline.hasPassed { return false }
        pauseBetweenPolls()
    }
}

/// Polls `produce` until it returns a value or `timeout` passes; nil when it never did.
func eventuallyValue<Value>(
    timeout: Duration = Timeouts.standard, _ produce: () throws -> Value?
) rethrows -> Value? {
    let deadline = Deadline(after: timeout)
    while true {
        if let value = try produce() { return value }
        if deadline.hasPassed { return nil }
        pauseBetweenPolls()
    }
}

/// The pause between two polls of a condition.
func pauseBetweenPolls() {
    let (seconds, attoseconds) = Timeouts.pollInterval.components
    Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
}
