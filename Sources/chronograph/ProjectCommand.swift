import ArgumentParser
import ChronographDatabase
import EventLog
import Foundation
import Postgres
import Projections

struct ProjectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Bring the read models (entities, events, sources, relations) up to date with the log.",
        discussion: """
            Catches up and exits; with --follow keeps going, woken by NOTIFY within a second of an append, until \
            SIGINT or SIGTERM. Each batch and its checkpoint commit together, so a projector killed at any moment \
            resumes exactly where it stopped. Only one projector applies at a time: another one waits and takes \
            over when the first stops. A catch-up from an empty graph (the first run, --rebuild, a new version of \
            the projection) makes the relations and the secondary indexes once, at its end.
            """
    )

    @Flag(help: "Keep applying new events as they are appended.")
    var follow = false

    @Flag(help: "Drop the read models and replay the whole log.")
    var rebuild = false

    @Option(help: "Log events per transaction.")
    var batchSize = Projector.defaultBatchSize

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
    }

    func run() async throws {
        let stop = StopSignal()
        let handle = try await DatabaseConnector().connect()
        let progress = try await Self.project(on: handle, rebuild: rebuild, follow: follow, batchSize: batchSize, stop: stop, verbose: true)
        printError("projected \(progress.applied) events\(progress.rebuilt ? " (rebuilt from the start)" : ""); graph at log position \(progress.position.position)")
    }

    /// Runs the projector on `handle`; used by `project` and after curation commands.
    static func project(
        on handle: ConnectionHandle, rebuild: Bool = false, follow: Bool = false, batchSize: Int = Projector.defaultBatchSize,
        stop: StopSignal? = nil, verbose: Bool = false, waitForLock: Bool = true
    ) async throws -> Projector.Progress {
        let projector = Projector(batchSize: batchSize)
        let shouldStop: @Sendable () -> Bool = { stop?.isStopped ?? false }
        let started = Date()
        let interactive = verbose && isatty(2) == 1
        let show: @Sendable (Projector.Progress) -> Void = { state in
            guard interactive else { return }
            let rate = Double(state.applied) / max(Date().timeIntervalSince(started), 0.001)
            FileHandle.standardError.write(Data("\r\u{1B}[Kprojected \(state.applied) events (\(Int(rate))/s)".utf8))
        }
        // After a correction, a projector that keeps running applies it; one that has just finished may
        // hold the lock for a moment more, hence a short wait rather than none.
        let outcome = try await projector.withLock(
            on: handle, timeout: waitForLock ? nil : .seconds(3), shouldStop: shouldStop,
            waiting: { if waitForLock { printError("another projector is running: waiting to take over") } }
        ) { () -> (Projector.Progress, Bool) in
            if follow {
                return (try await projector.run(on: handle, rebuild: rebuild, follow: true, shouldStop: shouldStop, progress: show), true)
            }
            return try await projector.catchUp(on: handle, rebuild: rebuild, shouldStop: shouldStop, progress: show)
        }
        guard let outcome else {
            if !waitForLock { printError("a projector is running: it applies this") }
            return Projector.Progress()
        }
        let (progress, reached) = outcome
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if !reached {
            printError("""
                warning: a transaction that is still open holds the log's horizon back, so the newest events are not \
                applied yet (see `chronograph log stats`); run `chronograph project` again later
                """)
        }
        return progress
    }
}
