import ArgumentParser
import ChronographDatabase
import EventCatalog
import Foundation
import Ingest
import Postgres
import Queries

/// Resolves a name or id to an entity of the read models, or fails with the lookup's message.
private func resolveEntity(_ text: String, on handle: ConnectionHandle) async throws -> EntityInfo {
    try await query(on: handle) { try EntityLookup().find(text, on: $0) }
}

/// Records a curation fact, then brings the read models up to date (unless a projector is running, which will).
private func record<Payload: Encodable & Sendable>(_ payload: Payload, type: String, on handle: ConnectionHandle) async throws {
    let stream = try await handle.withConnection { try Curator().record(payload, type: type, on: $0) }
    print("recorded \(type) in \(stream)")
    _ = try await ProjectCommand.project(on: handle, waitForLock: false)
}

struct EntityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entity",
        abstract: "Correct entities: merge two into one, add an alias, rename. Each correction is an event in the log.",
        subcommands: [Merge.self, Alias.self, Rename.self]
    )

    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "FROM is the same thing as INTO: its events, aliases and relations move to INTO.")

        @Argument(help: "The entity that goes (id, name or alias).")
        var from: String

        @Argument(help: "The entity that stays (id, name or alias).")
        var into: String

        func run() async throws {
            let handle = try await DatabaseConnector().connect()
            let source = try await resolveEntity(from, on: handle)
            let target = try await resolveEntity(into, on: handle)
            guard source.id != target.id else { throw ValidationError("'\(from)' and '\(into)' are already one entity (\(target.id))") }
            try await record(EntityMerged(from: source.id, into: target.id), type: EventCatalog.EventTypeName.entityMerged, on: handle)
        }
    }

    struct Alias: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add another name for an entity.")

        @Argument(help: "The entity (id, name or alias).")
        var entity: String

        @Argument(help: "The new alias.")
        var alias: String

        @Option(help: "The alias's language: ko or en.")
        var language: String?

        func validate() throws {
            if let language, !["ko", "en"].contains(language) { throw ValidationError("--language must be ko or en") }
            if alias.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the alias is empty") }
        }

        func run() async throws {
            let handle = try await DatabaseConnector().connect()
            let target = try await resolveEntity(entity, on: handle)
            try await record(EntityAliased(entity: target.id, alias: alias, language: language), type: EventCatalog.EventTypeName.entityAliased, on: handle)
        }
    }

    struct Rename: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give an entity its canonical name (the old name stays an alias).")

        @Argument(help: "The entity (id, name or alias).")
        var entity: String

        @Argument(help: "The new canonical name.")
        var name: String

        func run() async throws {
            let handle = try await DatabaseConnector().connect()
            let target = try await resolveEntity(entity, on: handle)
            try await record(EntityRenamed(entity: target.id, name: name), type: EventCatalog.EventTypeName.entityRenamed, on: handle)
        }
    }
}

struct EventCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event",
        abstract: "Correct events.",
        subcommands: [Retract.self]
    )

    struct Retract: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take an event out of the timeline and the graph; it stays in the log with the reason.")

        @Argument(help: "The event id (as `timeline --format json` shows it).")
        var event: String

        @Option(help: "Why.")
        var reason: String

        func run() async throws {
            let handle = try await DatabaseConnector().connect()
            let id = try await query(on: handle) { [event] in try CurationTargets().event(event, on: $0) }
            try await record(EventRetracted(event: id, reason: reason), type: EventCatalog.EventTypeName.eventRetracted, on: handle)
        }
    }
}

struct ArticleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article",
        abstract: "Correct articles.",
        subcommands: [Retract.self]
    )

    struct Retract: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take every report of an article out of the timeline and the graph; it stays in the log with the reason.")

        @Argument(help: "The article id (its hash, as `extract` and `timeline --format json` show it; a unique prefix will do).")
        var article: String

        @Option(help: "Why.")
        var reason: String

        func run() async throws {
            let handle = try await DatabaseConnector().connect()
            let id = try await query(on: handle) { [article] in try CurationTargets().article(article, on: $0) }
            try await record(ArticleRetracted(article: id, reason: reason), type: EventCatalog.EventTypeName.articleRetracted, on: handle)
        }
    }
}
