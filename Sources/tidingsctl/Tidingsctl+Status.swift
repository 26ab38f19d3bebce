import ArgumentParser
import ControlProtocol

extension Tidingsctl {
    /// `tidingsctl status`: what the daemon is doing and how much it holds.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the daemon's state, counts, backlog and change cursor."
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try global.printCall(.status, as: StatusResult.self) { status in
                Table.keyValue(Self.rows(for: status)).print()
            }
        }

        static func rows(for status: StatusResult) -> [(String, Table.Cell)] {
            var rows: [(String, Table.Cell)] = [
                ("state", Table.Cell(status.state.rawValue, style: style(for: status.state))),
                ("root", Table.Cell(status.root)),
                ("files", Table.Cell(String(status.files))),
                ("articles", Table.Cell(String(status.articles))),
                ("events", Table.Cell(String(status.events))),
                ("statements", Table.Cell(String(status.statements))),
                ("errors", Table.Cell(String(status.errors), style: status.errors > 0 ? .red : nil)),
                ("backlog", Table.Cell(String(status.backlog), style: status.backlog > 0 ? .yellow : nil)),
                ("seq", Table.Cell(String(status.seq))),
                ("generation", Table.Cell(status.generation)),
                ("uptime", Table.Cell(status.uptimeDescription)),
                ("version", Table.Cell(status.version)),
                ("database", Table.Cell(status.database)),
            ]
            for problem in status.problems {
                rows.append(("problem", Table.Cell(problem, style: .red)))
            }
            return rows
        }

        private static func style(for state: DaemonState) -> Style {
            switch state {
            case .watching: return .green
            case .starting, .scanning: return .yellow
            case .degraded: return .red
            }
        }
    }
}
