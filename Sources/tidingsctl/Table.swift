/// Aligned text columns for human output: `tidingsctl articles`, `events`, `actors`, key/value blocks.
///
/// Widths count characters, not bytes; styles are applied after padding so colour never breaks alignment.
struct Table {
    struct Column {
        enum Alignment { case left, right }

        var title: String
        var alignment = Alignment.left
        /// Longer cells are cut with `…`.
        var maxWidth: Int?
        /// Gives up width so a row fits the terminal (at most one column should).
        var shrinks = false
    }

    struct Cell: ExpressibleByStringLiteral {
        var text: String
        var style: Style?

        init(_ text: String, style: Style? = nil) {
            self.text = text
            self.style = style
        }

        init(stringLiteral value: String) { self.init(value) }
    }

    var columns: [Column]
    var rows: [[Cell]] = []
    /// Print the column titles as a first, bold row.
    var showsHeader = true
    var gap = "  "

    init(columns: [Column], showsHeader: Bool = true) {
        self.columns = columns
        self.showsHeader = showsHeader
    }

    mutating func append(_ row: [Cell]) {
        precondition(row.count == columns.count, "a row needs one cell per column")
        rows.append(row)
    }

    /// The lines of the table; a shrinking column narrows so rows fit `width` (the terminal's, when known).
    func render(width: Int? = nil) -> [String] {
        // Each cell is made one line and terminal-safe once: counting characters is the costly part of a
        // 1,000-row listing.
        let titles = columns.map { Self.flatten($0.title) }
        let cells = rows.map { $0.map { Self.flatten($0.text) } }
        var limits = columns.map(\.maxWidth)
        var widths = naturalWidths(titles: titles, cells: cells, limits: limits)
        if let width, let index = columns.firstIndex(where: \.shrinks), index == columns.count - 1 {
            // A shrinking last column takes what the others leave, so the row ends at the edge.
            let others = widths.dropLast().reduce(0, +) + gap.count * (columns.count - 1)
            if others + widths[index] > width {
                limits[index] = max(10, width - others)
                widths = naturalWidths(titles: titles, cells: cells, limits: limits)
            }
        } else if let width, let index = columns.firstIndex(where: \.shrinks) {
            // The last column is never padded and may run past the edge; count only a little of it.
            var counted = widths
            counted[counted.count - 1] = min(counted[counted.count - 1], 20)
            let total = counted.reduce(0, +) + gap.count * (columns.count - 1)
            if total > width {
                limits[index] = max(10, widths[index] - (total - width))
                widths = naturalWidths(titles: titles, cells: cells, limits: limits)
            }
        }

        var lines: [String] = []
        if showsHeader {
            lines.append(line(titles, styles: columns.map { _ in .bold }, widths: widths, limits: limits))
        }
        for (row, flat) in zip(rows, cells) {
            lines.append(line(flat, styles: row.map(\.style), widths: widths, limits: limits))
        }
        return lines
    }

    /// A cell's text on one line, safe for a terminal, with its length in characters.
    struct FlatText {
        var text: String
        var count: Int

        /// Cut to `limit` characters, the last being `…`.
        func cut(to limit: Int?) -> FlatText {
            guard let limit, count > limit else { return self }
            guard limit > 1 else { return FlatText(text: String(text.prefix(limit)), count: limit) }
            return FlatText(text: String(text.prefix(limit - 1)) + "…", count: limit)
        }
    }

    /// Newlines and tabs become spaces so a row stays one line and aligned, other control characters `�`
    /// (``Swift/String/terminalSafe``).
    static func flatten(_ text: String) -> FlatText {
        // Printable ASCII, most cells: nothing to replace, and one character per byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return FlatText(text: text, count: text.utf8.count) }
        let safe = text.terminalSafe
        let flat = safe.contains(where: { $0.isNewline || $0 == "\t" })
            ? String(safe.map { $0.isNewline || $0 == "\t" ? " " : $0 }) : safe
        return FlatText(text: flat, count: flat.count)
    }

    /// Cuts `text` to `limit` characters (see ``flatten(_:)`` and ``FlatText/cut(to:)``).
    static func truncate(_ text: String, to limit: Int?) -> String {
        flatten(text).cut(to: limit).text
    }

    private func naturalWidths(titles: [FlatText], cells: [[FlatText]], limits: [Int?]) -> [Int] {
        columns.indices.map { index in
            let longest = cells.lazy.map { min($0[index].count, limits[index] ?? .max) }.max() ?? 0
            return max(showsHeader ? titles[index].count : 0, longest)
        }
    }

    private func line(_ cells: [FlatText], styles: [Style?], widths: [Int], limits: [Int?]) -> String {
        var parts: [String] = []
        for (index, cell) in cells.enumerated() {
            let text = cell.cut(to: limits[index])
            let padding = String(repeating: " ", count: max(0, widths[index] - text.count))
            let styled = styles[index].map { $0(text.text) } ?? text.text
            let isLast = index == cells.count - 1
            switch columns[index].alignment {
            case .left: parts.append(isLast ? styled : styled + padding)
            case .right: parts.append(padding + styled)
            }
        }
        return parts.joined(separator: gap)
    }
}

extension Table {
    /// A two-column `key  value` block without header, as `status` and `show` print.
    static func keyValue(_ pairs: [(String, Cell)]) -> Table {
        var table = Table(columns: [Column(title: "KEY"), Column(title: "VALUE")], showsHeader: false)
        for (key, value) in pairs { table.append([Cell(key, style: .dim), value]) }
        return table
    }

    /// Prints the rendered lines on stdout.
    func print(width: Int? = Terminal.columns) {
        for line in render(width: width) { Swift.print(line) }
    }
}
