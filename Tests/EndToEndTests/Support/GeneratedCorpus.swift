import Foundation

/// A few thousand distinct articles made from the five seeds, for bulk ingests: article `i` is seed `i % 5` moved
/// to another year (every date in it, so its events land on other days) with its paragraphs after the first in
/// another order (other sentence numbers, offsets and summaries). Every 50th file is empty (an error row).
enum GeneratedCorpus {
    /// Writes `count` files into `tree`'s root, in one folder per year; returns their relative paths. Each is renamed
    /// into place: the scan of a folder that just appeared would otherwise meet its first file half written (an
    /// error notice, then an update), and a test counting notices per file would fail by the timing.
    @discardableResult
    static func write(_ count: Int, into tree: TemporaryTree) throws -> [String] {
        let seeds = try Seeds.all().map { String(decoding: $0.bytes, as: UTF8.self) }
        return try (0..<count).map { index in
            let variant = index / seeds.count
            let year = 1980 + variant % 40
            let path = String(format: "%d/%05d.txt", year, index)
            if index % 50 == 49 {
                try tree.dropByRename(path, "")
                return path
            }
            // The seeds are of 2019 and 2020, and say so in their dates.
            let text = seeds[index % seeds.count]
                .replacingOccurrences(of: "2020", with: String(year + 1))
                .replacingOccurrences(of: "2019", with: String(year))
            var paragraphs = text.components(separatedBy: "\n\n")
            let rest = paragraphs.count - 1
            if rest > 1 {
                let shift = (variant / 40) % rest
                paragraphs = [paragraphs[0]] + Array(paragraphs[(1 + shift)...] + paragraphs[1..<(1 + shift)])
            }
            try tree.dropByRename(path, paragraphs.joined(separator: "\n\n"))
            return path
        }
    }
}
