import ArgumentParser
import ControlProtocol
import Foundation

/// Which page of a long listing to show: the daemon answers at most `maximumListPage` rows per request, so a
/// listing of 100k articles is read a page at a time.
struct PageOptions: ParsableArguments {
    static let maximum = maximumListPage

    @Option(
        name: .long,
        help: ArgumentHelp("At most this many rows (1 to \(PageOptions.maximum)).", valueName: "n"))
    var limit = 1_000

    @Option(name: .long, help: ArgumentHelp("Skip this many rows first (the next page).", valueName: "n"))
    var offset = 0

    func validate() throws {
        guard (1...Self.maximum).contains(limit) else {
            throw ValidationError("--limit must be between 1 and \(Self.maximum), not \(limit)")
        }
        if offset < 0 { throw ValidationError("--offset must be 0 or more, not \(offset)") }
    }

    /// Says on stderr how to see more when a page came back full.
    func noteIfMore(shown: Int, what: String) {
        guard shown == limit else { return }
        let note = "(\(shown) \(what) from offset \(offset); the next page: --offset \(offset + shown), "
            + "or narrow the listing)\n"
        FileHandle.standardError.write(Data(note.utf8))
    }
}
