import Extraction
import Foundation

/// The scoring rule of Tests/ExtractionTests/Gold/README.md, simplified: names by canonical name or
/// surface form, places by entity or country, events paired one to one (equal dates first), optional
/// gold events counting nowhere, relations by subject, predicate and object.
struct GoldScorer {
    /// The repository root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let goldFolder = root.appendingPathComponent("Tests/ExtractionTests/Gold")

    struct Counts {
        var tp = 0, fp = 0, fn = 0
        var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        static func + (a: Counts, b: Counts) -> Counts { Counts(tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn) }
    }

    struct Report {
        var id: String
        var events = Counts()
        var relations = Counts()
        var exactDates = 0
        var furniture: [String] = []
        var misses: [String] = []
    }

    let gold: [String: Any]
    let extraction: ArticleExtraction
    /// Gold entity name → its forms (name and surfaces), folded.
    let forms: [String: Set<String>]
    /// Predicted entity id → its forms (name and aliases seen), folded.
    let predicted: [String: Set<String>]

    /// Reads a gold file and runs the extractor on its article.
    static func run(goldFile: URL, extractor: Extractor) throws -> GoldScorer {
        let data = try Data(contentsOf: goldFile)
        guard let gold = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let textFile = gold["text_file"] as? String
        else { throw GoldError.unreadable(goldFile.path) }
        let path = root.appendingPathComponent(textFile).path
        guard FileManager.default.fileExists(atPath: path) else { throw GoldError.missing(path) }
        let inputs = ArticleReader().read(file: path)
        guard let article = inputs.compactMap({ try? $0.get() }).first else { throw GoldError.unreadable(path) }
        let published = (gold["published"] as? String).flatMap { EDTFDate($0) }
        let extraction = extractor.extract(article, published: published)
        return GoldScorer(gold: gold, extraction: extraction)
    }

    enum GoldError: Error, CustomStringConvertible {
        case missing(String), unreadable(String)
        var description: String {
            switch self {
            case .missing(let path): "missing article file \(path)"
            case .unreadable(let path): "no article read from \(path)"
            }
        }
    }

    init(gold: [String: Any], extraction: ArticleExtraction) {
        self.gold = gold
        self.extraction = extraction
        var forms: [String: Set<String>] = [:]
        for entity in gold["entities"] as? [[String: Any]] ?? [] {
            guard let name = entity["name"] as? String else { continue }
            let surfaces = entity["surface"] as? [String] ?? []
            forms[Self.fold(name)] = Set(([name] + surfaces).map(Self.fold))
        }
        self.forms = forms
        var predicted: [String: Set<String>] = [:]
        for named in extraction.entities {
            predicted[named.entity.id] = Set(([named.entity.name] + named.aliases).map(Self.fold))
        }
        self.predicted = predicted
    }

    /// Case-insensitive, NFC, whitespace collapsed, accents folded ('Montréal' is 'Montreal').
    static func fold(_ text: String) -> String {
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return collapsed.precomposedStringWithCanonicalMapping.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    func matches(_ entity: EntityRef, _ goldName: String?) -> Bool {
        guard let goldName else { return false }
        let goldForms = forms[Self.fold(goldName)] ?? [Self.fold(goldName)]
        let mine = (predicted[entity.id] ?? []).union([Self.fold(entity.name)])
        return !mine.isDisjoint(with: goldForms)
    }

    func placeMatches(_ place: EntityRef?, _ event: [String: Any]) -> Bool {
        let goldPlace = event["place"] as? String
        guard let place, let goldPlace else { return place == nil && goldPlace == nil }
        if matches(place, goldPlace) { return true }
        if (event["place_also"] as? [String] ?? []).contains(where: { matches(place, $0) }) { return true }
        let goldCountry = event["country"] as? String ?? (goldPlace == "South Korea" ? "South Korea" : nil)
        // One is a country and the other lies in it.
        if place.id.hasPrefix("place/country"), let goldCountry, Self.fold(place.name) == Self.fold(goldCountry) { return true }
        if goldCountry == goldPlace, let country = place.country, Self.fold(country) == Self.fold(goldPlace) { return true }
        return false
    }

    func canPair(_ event: ExtractedEvent, _ goldEvent: [String: Any]) -> Bool {
        guard event.type.rawValue == goldEvent["type"] as? String else { return false }
        if event.type == .agreementSigned {
            let goldParties = [goldEvent["actor"] as? String].compactMap { $0 } + (goldEvent["counterparties"] as? [String] ?? [])
            let mine = [event.actor] + event.counterparties
            let shared = goldParties.filter { name in mine.contains { matches($0, name) } }.count
            return shared >= 2 || (goldParties.count == 1 && shared == 1)
        }
        return matches(event.actor, goldEvent["actor"] as? String) && placeMatches(event.place, goldEvent)
    }

    static func dateScore(_ predicted: EDTFDate?, _ gold: String?) -> Int {
        let goldDate = gold.flatMap { EDTFDate($0) }
        if predicted == goldDate { return 2 }
        if let predicted, let goldDate, predicted.isCompatible(with: goldDate) { return 1 }
        return 0
    }

    func score() -> Report {
        var report = Report(id: gold["id"] as? String ?? "?")
        var used = Set<Int>()
        for goldEvent in gold["events"] as? [[String: Any]] ?? [] {
            let optional = goldEvent["optional"] as? Bool ?? false
            var best: (score: Int, index: Int)?
            for (index, event) in extraction.events.enumerated() where !used.contains(index) && canPair(event, goldEvent) {
                let score = Self.dateScore(event.date, goldEvent["date"] as? String)
                if best == nil || score > best!.score { best = (score, index) }
            }
            if let best {
                used.insert(best.index)
                if !optional {
                    report.events.tp += 1
                    if best.score == 2 { report.exactDates += 1 }
                }
            } else if !optional {
                report.events.fn += 1
                report.misses.append("missed \(goldEvent["type"] ?? "") \(goldEvent["actor"] ?? "") \(goldEvent["place"] ?? "-") \(goldEvent["date"] ?? "-")")
            }
        }
        for (index, event) in extraction.events.enumerated() where !used.contains(index) {
            report.events.fp += 1
            report.misses.append("extra \(event.type.rawValue) \(event.actor.name) \(event.place?.name ?? "-") \(event.date?.description ?? "-")")
        }
        var usedRelations = Set<Int>()
        for goldRelation in gold["relations"] as? [[String: Any]] ?? [] {
            let optional = goldRelation["optional"] as? Bool ?? false
            let objects = [goldRelation["object"] as? String].compactMap { $0 } + (goldRelation["object_also"] as? [String] ?? [])
            let found = extraction.relations.indices.first { index in
                let relation = extraction.relations[index]
                return !usedRelations.contains(index) && relation.predicate.rawValue == goldRelation["predicate"] as? String
                    && matches(relation.subject, goldRelation["subject"] as? String) && objects.contains { matches(relation.object, $0) }
            }
            if let found {
                usedRelations.insert(found)
                if !optional { report.relations.tp += 1 }
            } else if !optional {
                report.relations.fn += 1
                report.misses.append("missed relation \(goldRelation["subject"] ?? "") \(goldRelation["predicate"] ?? "") \(goldRelation["object"] ?? "")")
            }
        }
        report.relations.fp = extraction.relations.indices.filter { !usedRelations.contains($0) }.count
        // Furniture: no event or relation names what only the site's furniture names.
        let banned = (gold["must_not_appear"] as? [String: Any])?["names"] as? [String] ?? []
        var named: [EntityRef] = []
        for event in extraction.events {
            named += [event.actor] + event.counterparties + event.participants.map(\.entity) + [event.place].compactMap { $0 }
        }
        for relation in extraction.relations { named += [relation.subject, relation.object] }
        for name in banned where named.contains(where: { matches($0, name) }) { report.furniture.append(name) }
        return report
    }
}
