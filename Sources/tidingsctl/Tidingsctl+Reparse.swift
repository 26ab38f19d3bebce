import ArgumentParser
import ControlProtocol

extension Tidingsctl {
    /// `tidingsctl reparse [PATH]`: parse files again, e.g. after the dictionaries changed.
    struct Reparse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Queue files to be parsed again (all of them, or one file or folder)."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp("A file or folder, relative to the watch root or absolute inside it.", valueName: "path")
        )
        var path: String?

        func run() throws {
            try global.printCall(.reparse, params: ReparseParams(path: path), as: ReparseResult.self) { result in
                let files = result.queued == 1 ? "1 file" : "\(result.queued) files"
                print("queued \(files) for reparsing")
            }
        }
    }
}
