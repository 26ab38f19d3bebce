internal import ArticleParsing
internal import Crypto
internal import EventExtraction
internal import EventStore
internal import FolderWatching
internal import Glibc

/// Looks at one file and decides what the store must do about it: stat, read, hash, parse.
///
/// Safe to call concurrently: it touches only the file and its own values.
struct FileExaminer: Sendable {
    /// How a path came to be examined, which decides how much to trust a matching stat.
    enum Mode: Int, Comparable, Sendable {
        /// Found by a scan: a stat equal to the stored one means unchanged (no read).
        case scanned = 0
        /// Reported by inotify: read and hash; an equal hash means unchanged.
        case event = 1
        /// Asked for by an operator: parse again even when the hash is unchanged.
        case forced = 2

        static func < (lhs: Mode, rhs: Mode) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    let root: String
    let rules: PathRules
    let parser = ArticleParser()
    let extractor: EventExtractor
    /// Files larger than this are recorded as errors without being read.
    let maximumFileSize: Int64

    /// What to do about `path` (relative), or nil when nothing changed.
    func examine(_ path: String, stored: StoredFile?, mode: Mode) -> FileUpdate? {
        // The kernel's bytes of the path: names that are not UTF-8 are escaped in `path` (FileSystemName).
        let absolute = FileSystemName.cString(root + "/" + path)
        var info = stat()
        guard lstat(absolute, &info) == 0 else {
            // Gone (or its folder is): forget it. Other lstat failures leave the record alone.
            let code = errno
            return (code == ENOENT || code == ENOTDIR) && stored != nil ? .remove(path: path) : nil
        }
        guard info.st_mode & S_IFMT == S_IFREG, rules.isArticle(relativePath: path) else {
            // Replaced by a folder, a symlink, a FIFO…: no longer an article.
            return stored != nil ? .remove(path: path) : nil
        }
        let fileStat = FileStat(info)
        if mode == .scanned, let stored, stored.stat == fileStat {
            return nil
        }
        let bytes = read(absolute, expectedSize: fileStat.size)
        if case .failure(let problem) = bytes, problem.isGone {
            // Deleted or replaced by a non-file since the lstat: the same as not finding it.
            return stored != nil ? .remove(path: path) : nil
        }
        // An unreadable file gets an empty hash, so the next look at it tries the read again.
        let hash = (try? bytes.get()).map(FileExaminer.sha256Hex) ?? ""
        if mode != .forced, let stored, stored.hash == hash {
            return stored.stat == fileStat ? nil : .restat(path: path, stat: fileStat)
        }
        let content: ArticleContent
        switch bytes {
        case .failure(let problem): content = .failure("\(path): \(problem.message)")
        case .success(let bytes): content = parse(bytes, path: path, stat: fileStat)
        }
        return .store(path: path, stat: fileStat, hash: hash, content: content)
    }

    private func parse(_ bytes: [UInt8], path: String, stat: FileStat) -> ArticleContent {
        let name = path.split(separator: "/").last ?? Substring(path)
        guard let format = rules.format(ofFileNamed: name) else {
            return .failure("\(path): not an article file name")
        }
        let modified = CalendarDay(daysSinceEpoch: Int((stat.mtimeNs / 1_000_000_000) / 86_400))
        do {
            let article = try parser.parse(bytes, format: format, modified: modified)
            return .article(article, events: extractor.extract(from: article))
        } catch {
            return .failure("\(path): \(error.message)")
        }
    }

    struct ReadProblem: Error {
        var message: String
        /// The file vanished, or is no longer a regular file, between the `lstat` and the `open`.
        var isGone = false
    }

    /// Reads a whole regular file without following symlinks and without blocking on FIFOs; never holds
    /// more than `maximumFileSize + 1` bytes, even when the file grows while being read.
    private func read(_ absolute: [CChar], expectedSize: Int64) -> Result<[UInt8], ReadProblem> {
        if expectedSize > maximumFileSize {
            return .failure(ReadProblem(message: FileExaminer.tooLarge(expectedSize, limit: maximumFileSize)))
        }
        let fd = open(absolute, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR || code == ELOOP {
                // ELOOP: O_NOFOLLOW met a symlink that replaced the file.
                return .failure(ReadProblem(message: "vanished", isGone: true))
            }
            if code == EACCES || code == EPERM {
                return .failure(
                    ReadProblem(
                        message: "permission denied: the daemon's user cannot read this file; make it readable "
                            + "(e.g. chmod g+r and give the tidings group access); it is read again as soon as its permissions "
                            + "or contents change"))
            }
            return .failure(ReadProblem(message: "cannot open: \(String(cString: strerror(code)))"))
        }
        defer { close(fd) }
        // Opened without blocking, but only a regular file is read: a FIFO or device swapped in since the
        // lstat would give no bytes, or endless ones.
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return .failure(ReadProblem(message: "not a regular file", isGone: true))
        }
        // One byte past the limit is enough to know the file is too large.
        let readLimit = Int(min(maximumFileSize, Int64(Int.max - 1))) + 1
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(Int(max(0, expectedSize)), readLimit))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let wanted = min(chunk.count, readLimit - bytes.count)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, wanted) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ReadProblem(message: "cannot read: \(String(cString: strerror(errno)))"))
            }
            bytes.append(contentsOf: chunk[0..<count])
            // The file may have grown since the lstat: stop one byte past the limit.
            if Int64(bytes.count) > maximumFileSize {
                return .failure(ReadProblem(message: FileExaminer.tooLarge(nil, limit: maximumFileSize)))
            }
        }
        return .success(bytes)
    }

    /// `size` is nil when only known to be over the limit (the file grew while being read).
    private static func tooLarge(_ size: Int64?, limit: Int64) -> String {
        "\(size.map { "the file is \($0) bytes, over" } ?? "the file grew past") the limit of \(limit) bytes; "
            + "split it into smaller articles or raise the limit with --max-file-size"
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
