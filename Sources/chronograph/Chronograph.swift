import ArgumentParser

@main
struct Chronograph: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chronograph",
        abstract: "Turn news articles into a dated, sourced record of what organizations do.",
        subcommands: [DatesCommand.self]
    )
}
