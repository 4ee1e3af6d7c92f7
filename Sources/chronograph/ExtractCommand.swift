import ArgumentParser
import Extraction
import Foundation

/// `chronograph extract PATH...`: articles to dated events, relations and entities.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract dated events, relations and entities from articles (.txt, .json, .jsonl, folders, or - for stdin).",
        discussion: """
            Names come from the bundled gazetteer, extended by $CHRONOGRAPH_HOME/gazetteer.jsonl (default home \
            ~/.local/share/chronograph) when present and by --gazetteer FILE. A bad input is reported on stderr with \
            its file (and line); the others are still read, and the exit status is then 2.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, table
    }

    @Argument(help: "Files or folders to read, or '-' for standard input.")
    var paths: [String]

    @OptionGroup var options: ExtractionOptions

    @Option(help: "Output format: json or table.")
    var format: Format = .json

    @Flag(help: "Show, sentence by sentence, the dates, names and rules that fired (or why none did).")
    var explain = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one PATH (a file, a folder, or - for stdin).") }
    }

    func run() async throws {
        let names: Gazetteer
        do {
            names = try options.names()
        } catch {
            printError("chronograph extract: \(error)")
            throw ExitCode(2)
        }
        let extractor = Extractor(gazetteer: names)
        let publishedDate = options.publishedDate
        let languageChoice = options.languageChoice
        let reader = ArticleReader()

        let out = StandardOutput()
        var failures: [ExtractionJSON.Failure] = []
        var firstArticle = true
        if format == .json { out.write(raw: "{\"articles\":[") }

        // Inputs in order; extraction of a batch runs on all cores, output stays in input order.
        var batch: [(ArticleInput, [String])] = []
        var pendingWarnings: [String] = []
        let batchSize = max(8, ProcessInfo.processInfo.activeProcessorCount * 8)

        func flush() async throws {
            guard !batch.isEmpty else { return }
            let results = try await extractor.extractAll(batch.map(\.0), published: publishedDate, language: languageChoice, explain: explain) { $1 }
            for (index, var result) in results.enumerated() {
                result.warnings = batch[index].1 + result.warnings
                switch format {
                case .json:
                    out.write(raw: (firstArticle ? "" : ",") + ExtractionJSON.article(result))
                case .table:
                    out.write(Self.table(result))
                }
                firstArticle = false
            }
            batch.removeAll(keepingCapacity: true)
        }

        for path in paths {
            // A folder is read file by file as the batches go, not gathered first.
            let inputs = path == "-"
                ? AnySequence(reader.read(stdin: FileHandle.standardInput.readDataToEndOfFile()))
                : AnySequence(reader.articles(for: [path]))
            for input in inputs {
                switch input {
                case .success(let article):
                    batch.append((article, pendingWarnings))
                    pendingWarnings = []
                    if batch.count >= batchSize { try await flush() }
                case .failure(let error):
                    printError("chronograph extract: \(error.description)")
                    if error.articleKept {
                        pendingWarnings.append(error.description)
                    } else {
                        failures.append(ExtractionJSON.Failure(source: error.source, line: error.line, message: error.message))
                    }
                }
            }
        }
        try await flush()
        if format == .json {
            var tail = "]"
            if !failures.isEmpty {
                tail += ",\"errors\":[" + failures.map(ExtractionJSON.failure).joined(separator: ",") + "]"
            }
            out.write(tail + "}")
        }
        out.flush()
        if !failures.isEmpty { throw ExitCode(2) }
    }


    /// A readable summary of one article.
    static func table(_ a: ArticleExtraction) -> String {
        var lines: [String] = []
        lines.append("== \(a.source)\(a.title.map { " — \($0)" } ?? "")")
        lines.append("   published \(a.published?.description ?? "unknown") · \(a.language.rawValue) · id \(a.id.prefix(12))")
        if a.events.isEmpty { lines.append("   no events") }
        for event in a.events {
            var line = "   \((event.date?.description ?? "????").padding(toLength: 10, withPad: " ", startingAt: 0))  "
            line += event.type.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0)
            line += event.actor.name
            if !event.counterparties.isEmpty { line += " ↔ " + event.counterparties.map(\.name).joined(separator: ", ") }
            if let place = event.place { line += " @ \(place.name)\(place.country.map { $0 == place.name ? "" : ", \($0)" } ?? "")" }
            if !event.participants.isEmpty {
                line += " [" + event.participants.map { "\($0.entity.name) (\($0.role))" }.joined(separator: ", ") + "]"
            }
            line += "  (\(String(format: "%.2f", event.confidence)))"
            lines.append(line)
        }
        for relation in a.relations {
            var line = "   relation  \(relation.subject.name) \(relation.predicate.rawValue) \(relation.object.name)"
            if let role = relation.role { line += " (\(role))" }
            lines.append(line)
        }
        for warning in a.warnings { lines.append("   warning: \(warning)") }
        if !a.explain.isEmpty {
            lines.append("   -- explain --")
            lines += a.explain.map { "   " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
