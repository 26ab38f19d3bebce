import ArgumentParser
import ControlProtocol

extension Tidingsctl {
    /// `tidingsctl statements`: quoted posts (tweets and the like), once however many articles quote them.
    struct Statements: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List quoted posts: author, date, how many articles quote them, the text and those articles."
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try global.printCall(.statementsList, as: [StatementSummary].self) { statements in
                guard !statements.isEmpty else {
                    print("no statements yet")
                    return
                }
                for (index, statement) in statements.enumerated() {
                    if index > 0 { print() }
                    for line in Self.lines(for: statement) { print(line) }
                }
            }
        }

        /// `Donald J. Trump @realDonaldTrump  2019-12-31  quoted by 2 articles`, the text wrapped and indented,
        /// then the articles' paths.
        static func lines(for statement: StatementSummary, width: Int = TextWrap.width) -> [String] {
            var head = Style.bold(statement.author.terminalSafe)
            if let handle = statement.handle { head += " " + Style.cyan("@" + handle.terminalSafe) }
            head += "  " + (statement.date ?? "undated")
            let count = statement.articles.count
            head += "  " + Style.dim(count == 1 ? "quoted by 1 article" : "quoted by \(count) articles")
            var lines = [head]
            lines += TextWrap.lines(statement.text, width: width, indent: "    ")
            lines += statement.articles.map { Style.dim("    " + $0.terminalSafe) }
            return lines
        }
    }
}
