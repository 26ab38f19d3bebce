extension FolderWatcher {
    /// Test seam: lets the end-to-end tests reproduce what the kernel does only under pressure (a full
    /// inotify queue, the watch limit) without changing sysctls. Read once at start from the environment
    /// variable `TIDINGS_TEST_SEAM`; unset in production, where every field is nil.
    ///
    /// `TIDINGS_TEST_SEAM` holds comma-separated settings:
    /// - `unwatchable=NAME`: watching a folder named NAME created or moved in while running fails as if
    ///   the watch limit were reached (`ENOSPC`).
    /// - `lose-events=NAME`: every inotify event on a path with a component NAME is dropped, as if the
    ///   kernel had lost it (only a rescan can find those files).
    /// - `rescan-seconds=N`: unwatched folders are retried and rescanned every N seconds instead of 60.
    /// - `overflow-on-sigusr2`: SIGUSR2 makes the watcher act as if the kernel reported `IN_Q_OVERFLOW`.
    public struct TestSeam: Sendable, Equatable {
        public var unwatchableName: String?
        public var droppedName: String?
        public var rescanPeriod: Double?
        public var overflowOnSignal = false

        public static let none = TestSeam()
        public static let environmentVariable = "TIDINGS_TEST_SEAM"

        public init() {}

        /// The seam described by `TIDINGS_TEST_SEAM` in `environment`; ``none`` when unset.
        public init(environment: [String: String]) {
            guard let value = environment[TestSeam.environmentVariable] else { return }
            for setting in value.split(separator: ",") {
                let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
                switch (parts.first, parts.count > 1 ? parts[1] : nil) {
                case ("unwatchable", let name?): unwatchableName = name
                case ("lose-events", let name?): droppedName = name
                case ("rescan-seconds", let seconds?): rescanPeriod = Double(seconds)
                case ("overflow-on-sigusr2", nil): overflowOnSignal = true
                default: continue
                }
            }
        }

        public var isActive: Bool { self != .none }
    }
}
