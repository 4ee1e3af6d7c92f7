import ArgumentParser

/// Benchmarks that print figures. They assert nothing: these machines are shared and noisy, so each
/// figure is compared with a baseline measured in the same run.
@main
struct ChronographBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ChronographBench",
        abstract: "Print chronograph's speed and memory figures, with baselines measured in the same run.",
        subcommands: [LogBenchmark.self, ExtractBenchmark.self, IngestBenchmark.self, ProjectBenchmark.self, AmplifyBenchmark.self],
        defaultSubcommand: LogBenchmark.self
    )
}
