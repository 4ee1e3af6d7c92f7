import ArgumentParser
import ChronographDatabase
import Extraction
import Foundation
import Ingest
import Postgres

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Extract articles and append their facts to the log, one append per article.",
        discussion: """
            Takes the same inputs as `extract` (.txt, .json, .jsonl, folders, - for stdin). The same article again \
            (renamed, CRLF, or a .json envelope of the same text) adds nothing and is reported as already ingested. \
            A bad input is reported, recorded in the log and skipped; `chronograph ingest --failed` lists them. \
            Run `chronograph project` afterwards to update the read models. \
            JSON summary: {"articles","new","duplicates","failed","events","relations"}.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Files or folders to read, or '-' for standard input.")
    var paths: [String] = []

    @OptionGroup var options: ExtractionOptions

    @Option(help: "text or json.")
    var format: Format = .text

    @Option(help: "Articles per transaction.")
    var batchSize = 200

    @Flag(help: "List the inputs that could not be ingested, with their reasons, instead of ingesting.")
    var failed = false

    func validate() throws {
        if failed {
            guard paths.isEmpty else { throw ValidationError("--failed lists recorded failures: give no PATH") }
            guard options.published == nil, options.language == nil, options.gazetteer == nil else {
                throw ValidationError("--failed lists recorded failures: --published, --language and --gazetteer do not apply")
            }
            return
        }
        if paths.isEmpty { throw ValidationError("give at least one PATH (a file, a folder, or - for stdin)") }
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
    }

    func run() async throws {
        let handle = try await DatabaseConnector().connect()
        if failed {
            try await listFailures(handle)
            return
        }
        let extractor: Extractor
        do {
            extractor = try options.extractor()
        } catch {
            throw ValidationError("\(error)")
        }
        let ingester = Ingester(extractor: extractor, published: options.publishedDate, language: options.languageChoice, batchSize: batchSize)
        let interactive = isatty(2) == 1
        let started = Date()
        let summary = try await ingester.ingest(paths: paths, on: handle, notice: { notice in
            if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            switch notice {
            case .duplicate(let source, let article):
                printError("\(source): already ingested (article \(article.prefix(12)))")
            case .failed(let error):
                printError("\(error.description): skipped (recorded; see `chronograph ingest --failed`)")
            case .warning(_, let message):
                printError("warning: \(message)")
            }
        }, progress: { summary, done, files in
            guard interactive else { return }
            let elapsed = max(Date().timeIntervalSince(started), 0.001)
            let rate = Double(summary.articles) / elapsed
            var line = "\r\u{1B}[K\(summary.articles) articles, \(Int(rate))/s, file \(done)/\(files)"
            if done > 0, done < files {
                line += ", ETA \(Int(elapsed / Double(done) * Double(files - done)))s"
            }
            FileHandle.standardError.write(Data(line.utf8))
        })
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let seconds = Date().timeIntervalSince(started)
        switch format {
        case .json:
            try printJSON(summary)
        case .text:
            print("\(summary.articles) articles: \(summary.new) new, \(summary.duplicates) already ingested, \(summary.failed) failed; "
                  + "\(summary.events) events and \(summary.relations) relations appended in \(String(format: "%.1f", seconds)) s")
        }
        if summary.failed > 0 { throw ExitCode(2) }
    }

    private func listFailures(_ handle: ConnectionHandle) async throws {
        let failures = try await handle.withConnection { try Ingester.failures(on: $0) }
        switch format {
        case .json:
            try printJSON(failures)
        case .text:
            if failures.isEmpty { print("no failed inputs recorded") }
            for failure in failures {
                print("\(failure.recordedAt)  \(failure.source)\(failure.line.map { ":\($0)" } ?? ""): \(failure.reason)")
            }
        }
    }
}
