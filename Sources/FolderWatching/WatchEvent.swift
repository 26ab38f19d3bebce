/// What the watcher saw, as absolute paths. Hints only: stat before believing.
public enum WatchEvent: Sendable, Equatable {
    /// A file was written and closed, moved in, or had its attributes changed.
    case fileChanged(String)
    /// A file was deleted or moved away.
    case fileRemoved(String)
    /// A directory was created or moved in; it is watched now, and must be scanned
    /// (files can land in it before the watch exists).
    case directoryAppeared(String)
    /// A directory was deleted or moved away: everything tracked below it is gone.
    case directoryRemoved(String)
    /// The kernel dropped events: rescan everything.
    case overflow
    /// The watch root itself was deleted or moved.
    case rootRemoved
}
