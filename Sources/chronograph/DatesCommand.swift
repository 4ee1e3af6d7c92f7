import ArgumentParser
import Extraction
import Foundation

/// `chronograph dates TEXT --published DATE`: the date expressions of a text, resolved.
struct DatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dates",
        abstract: "List the date expressions of a text, resolved against its publication date."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, table
    }

    @Argument(help: "The text to read, or '-' to read standard input.")
    var text: String

    @Option(help: "The publication date, YYYY-MM-DD (relative dates stay unresolved without it).")
    var published: String?

    @Option(help: "Output format: json or table.")
    var format: Format = .json

    func validate() throws {
        if let published, !Self.isDay(published) {
            throw ValidationError("--published must be a calendar date written YYYY-MM-DD, not '\(published)'.")
        }
    }

    func run() throws {
        let input: String
        if text == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw ValidationError("Standard input is not UTF-8 text.")
            }
            input = decoded
        } else {
            input = text
        }
        let mentions = DateResolver(published: published.flatMap { EDTFDate($0) }).resolve(input)
        switch format {
        case .json: print(Self.json(mentions))
        case .table: print(Self.table(mentions), terminator: "")
        }
    }

    static func isDay(_ string: String) -> Bool {
        guard string.count == 10, let date = EDTFDate(string) else { return false }
        return date.precision == .day
    }

    /// `{"dates":[{"text","start","end","value","precision"}]}`, offsets in code points.
    static func json(_ mentions: [DateMention]) -> String {
        let items = mentions.map { mention in
            let value = mention.value.map { "\"\($0)\"" } ?? "null"
            let precision = mention.value.map { "\"\($0.precision.rawValue)\"" } ?? "null"
            return "{\"text\":\(jsonString(mention.text)),\"start\":\(mention.start),\"end\":\(mention.end),"
                + "\"value\":\(value),\"precision\":\(precision),\"kind\":\"\(mention.kind.rawValue)\","
                + "\"tense\":\"\(mention.tense.rawValue)\"}"
        }
        return "{\"dates\":[" + items.joined(separator: ",") + "]}"
    }

    /// An aligned table, one mention a line.
    static func table(_ mentions: [DateMention]) -> String {
        renderTable(
            header: ["TEXT", "START", "END", "VALUE", "PRECISION", "KIND", "TENSE"],
            rows: mentions.map {
                [$0.text, "\($0.start)", "\($0.end)", $0.value?.description ?? "-", $0.value?.precision.rawValue ?? "-",
                 $0.kind.rawValue, $0.tense.rawValue]
            }) + "\n"
    }
}
