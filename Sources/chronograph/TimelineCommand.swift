import ArgumentParser
import ChronographDatabase
import Foundation
import Postgres
import Queries

struct TimelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "An entity's events in date order, with their sources.",
        discussion: """
            ENTITY is an id or any name seen for it, in any language ('오픈AI' and 'OpenAI' give the same answer). \
            Dates are shown at the precision the sources support; unknown dates come last. JSON: \
            {"entity":ENTITY,"events":[{"id","type","date","actor","counterparties","participants","place","sources",\
            "conflicts","announced_by","summary"}]} (docs/queries.md).
            """
    )

    @Argument(help: "The entity: an id, a name or an alias.")
    var entity: String

    @Option(help: "table or json.")
    var format: DocumentFormat = .table

    func run() async throws {
        let handle = try await DatabaseConnector().connect()
        let name = entity
        let timeline = try await query(on: handle) { try TimelineQuery().timeline(for: name, on: $0) }
        switch format {
        case .json:
            try printJSON(timeline)
        case .table:
            let aliases = timeline.aliases.isEmpty ? "" : ", also " + timeline.aliases.prefix(6).joined(separator: ", ")
            print("\(timeline.entity.name) (\(timeline.entity.kind), \(timeline.entity.id)\(aliases)): \(timeline.events.count) events")
            guard !timeline.events.isEmpty else { return }
            let rows = timeline.events.map { event in
                [
                    event.date ?? "unknown",
                    event.type,
                    event.summary + (event.conflicts.isEmpty ? "" : "  [dates disagree: \(event.conflicts.joined(separator: ", "))]"),
                    event.participants.map { "\($0.entity.name) (\($0.role))" }.joined(separator: ", "),
                    String(event.sources.count),
                ]
            }
            print(renderTable(header: ["DATE", "TYPE", "WHAT", "PEOPLE", "SOURCES"], rows: rows))
        }
    }
}
