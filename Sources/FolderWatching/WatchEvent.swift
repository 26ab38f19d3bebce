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
    /// A folder that was not watched for a while (see ``unwatchedDirectories(_:)``): compare what is in it
    /// with what is known; its changes were not reported meanwhile. Sent every
    /// ``FolderWatcher/rescanPeriod`` for each unwatched folder, and once more when it is watched again.
    case rescan(String)
    /// The folders that cannot be watched changed (e.g. the watch limit was reached, or is no longer);
    /// empty when every folder is watched again.
    case unwatchedDirectories([String])
}
