import ArgumentParser
import ControlProtocol

extension Tidingsctl {
    /// `tidingsctl actors`: who appears in events, most often first.
    struct Actors: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List actors named as a source or target: CAMEO code, name, events and mentions."
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try global.printCall(.actorsList, as: [ActorSummary].self) { actors in
                guard !actors.isEmpty else {
                    print("no actors yet")
                    return
                }
                Self.table(for: actors).print()
            }
        }

        static func table(for actors: [ActorSummary]) -> Table {
            var table = Table(columns: [
                Table.Column(title: "CODE"),
                Table.Column(title: "NAME", shrinks: true),
                Table.Column(title: "EVENTS", alignment: .right),
                Table.Column(title: "MENTIONS", alignment: .right),
            ])
            for actor in actors {
                table.append([
                    Table.Cell(actor.code),
                    Table.Cell(actor.name.isEmpty ? "-" : actor.name),
                    Table.Cell(String(actor.events)),
                    Table.Cell(String(actor.mentions)),
                ])
            }
            return table
        }
    }
}
