import ArgumentParser

@main
struct Chronograph: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chronograph",
        abstract: "Turn news articles into a dated, sourced record of what organizations do.",
        discussion: """
            With no DATABASE_URL and no PG* variables set, chronograph starts a private PostgreSQL cluster of its \
            own under $CHRONOGRAPH_HOME (default ~/.local/share/chronograph) and uses it.
            """,
        subcommands: [DBCommand.self, LogCommand.self, DatesCommand.self, ExtractCommand.self]
    )
}
