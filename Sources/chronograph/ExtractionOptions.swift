import ArgumentParser
import EmbeddedPostgres
import Extraction
import Foundation

/// The options `extract` and `ingest` share: how to read every article and which names to know.
struct ExtractionOptions: ParsableArguments {
    @Option(help: "The publication date of every article, YYYY-MM-DD (else the envelope's, else the one printed in the text).")
    var published: String?

    @Option(help: "The language of every article: ko or en (else the envelope's, else guessed).")
    var language: String?

    @Option(help: "A gazetteer file (JSON Lines, docs/gazetteer.md) extending the bundled one.")
    var gazetteer: String?

    func validate() throws {
        if let published, !DatesCommand.isDay(published) {
            throw ValidationError("--published must be a calendar date written YYYY-MM-DD, not '\(published)'.")
        }
        if let language, Language(code: language) == nil {
            throw ValidationError("--language must be ko or en, not '\(language)'.")
        }
    }

    var publishedDate: EDTFDate? { published.flatMap { EDTFDate($0) } }
    var languageChoice: Language? { language.flatMap { Language(code: $0) } }

    /// The bundled gazetteer, extended by `gazetteer.jsonl` in the data folder ($CHRONOGRAPH_HOME) when
    /// present, then by --gazetteer.
    func names() throws -> Gazetteer {
        var names = try Gazetteer.bundled()
        let home = EmbeddedCluster.defaultHome(environment: ProcessInfo.processInfo.environment)
        let userFile = home.appendingPathComponent("gazetteer.jsonl")
        if FileManager.default.fileExists(atPath: userFile.path) {
            names = names.merging(try Gazetteer.load(contentsOf: userFile))
        }
        if let gazetteer {
            guard FileManager.default.fileExists(atPath: gazetteer) else {
                throw ValidationError("\(gazetteer): no such gazetteer file")
            }
            names = names.merging(try Gazetteer.load(contentsOf: URL(fileURLWithPath: gazetteer)))
        }
        return names
    }

    /// An extractor with these names.
    func extractor() throws -> Extractor {
        Extractor(gazetteer: try names())
    }
}
