import ArgumentParser
import Foundation
import Logging

@main
struct Chronograph: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chronograph",
        abstract: "Turn news articles into a dated, sourced record of what organizations do.",
        discussion: """
            With no DATABASE_URL and no PG* variables set, chronograph starts a private PostgreSQL cluster of its \
            own under $CHRONOGRAPH_HOME (default ~/.local/share/chronograph) and uses it. \
            Set CHRONOGRAPH_LOG_LEVEL=info (or debug) to see what it does.
            """,
        subcommands: [
            ExtractCommand.self, IngestCommand.self, ProjectCommand.self, TimelineCommand.self, DatesCommand.self,
            DBCommand.self, LogCommand.self,
            EntityCommand.self, EventCommand.self, ArticleCommand.self,
        ]
    )

    static func main() async {
        let level = ProcessInfo.processInfo.environment["CHRONOGRAPH_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        do {
            var command = try parseAsRoot()
            do {
                if var command = command as? any AsyncParsableCommand {
                    try await command.run()
                } else {
                    try command.run()
                }
            } catch let error as ValidationError {
                // Refused while running (a name nobody knows, an id that matches nothing): the command line was
                // well formed, so no usage text, which would be the root command's and mislead.
                printError("Error: \(error.message)")
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
        } catch {
            exit(withError: error)
        }
    }
}
