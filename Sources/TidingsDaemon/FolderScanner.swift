internal import EventStore
internal import FolderWatching
internal import Glibc

/// Walks the watched tree and stats every article file in it.
///
/// Uses `openat`/`fstatat` on directory descriptors (no path re-resolution per file), does not follow
/// symlinks, and skips ignored names. Names that are not UTF-8 are kept losslessly (``FileSystemName``).
struct FolderScanner {
    let root: String
    let rules: PathRules

    /// Every article under `relativeFolder` ("" for the whole tree), by relative path.
    func scan(relativeFolder: String = "") -> [String: FileStat] {
        var found: [String: FileStat] = [:]
        let start = relativeFolder.isEmpty ? root : root + "/" + relativeFolder
        let fd = FileSystemName.withCString(start) { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW) }
        guard fd >= 0 else { return found }
        walk(directoryFD: fd, prefix: relativeFolder.isEmpty ? "" : relativeFolder + "/", depth: 0, into: &found)
        return found
    }

    /// Takes ownership of `directoryFD`.
    private func walk(directoryFD: Int32, prefix: String, depth: Int, into found: inout [String: FileStat]) {
        guard let directory = fdopendir(directoryFD) else {
            close(directoryFD)
            return
        }
        defer { closedir(directory) }
        var subfolders: [(name: String, bytes: [CChar])] = []
        while let entry = readdir(directory) {
            let nameBytes = FileSystemName.entryNameBytes(entry)
            // Decoded from the contiguous array: a lazy view made `decode` take String's slow, copying path
            // (31 % of a 100k restart's CPU).
            let name = FileSystemName.decode(nameBytes)
            let bytes = nameBytes.map { CChar(bitPattern: $0) } + [0]
            if name == "." || name == ".." || rules.isIgnored(name: name) { continue }
            var info = stat()
            guard fstatat(directoryFD, bytes, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                subfolders.append((name, bytes))
            case S_IFREG where rules.format(ofFileNamed: name) != nil
                && rules.isSelected(relativePath: prefix + name, name: name):
                found[prefix + name] = FileStat(info)
            default:
                continue  // symlinks, FIFOs, sockets, devices: not articles
            }
        }
        // Deep trees are walked depth-first with one descriptor per level; 4096 levels is beyond any real folder.
        guard depth < 4096 else { return }
        for (name, bytes) in subfolders {
            let child = openat(directoryFD, bytes, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
            guard child >= 0 else { continue }
            walk(directoryFD: child, prefix: prefix + name + "/", depth: depth + 1, into: &found)
        }
    }
}

extension FileStat {
    init(_ info: stat) {
        self.init(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            mtimeNs: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }
}
