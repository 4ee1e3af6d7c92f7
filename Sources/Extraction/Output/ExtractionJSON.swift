/// The JSON of `chronograph extract --format json`: keys in a fixed order, offsets in code points.
///
/// ```
/// {"articles":[{"source","id","title","published","language","events":[…],"relations":[…],
///   "entities":[…],"warnings":[…]}],"errors":[{"source","line"?,"message"}]}
/// ```
public enum ExtractionJSON {
    /// A failed input, for the top-level "errors".
    public struct Failure: Sendable, Hashable {
        public var source: String
        public var line: Int?
        public var message: String

        public init(source: String, line: Int? = nil, message: String) {
            self.source = source
            self.line = line
            self.message = message
        }
    }

    /// The whole document: the articles and the failures.
    public static func document(_ articles: [ArticleExtraction], errors: [Failure] = []) -> String {
        var out = "{\"articles\":["
        out += articles.map(article).joined(separator: ",")
        out += "]"
        if !errors.isEmpty {
            out += ",\"errors\":[" + errors.map(failure).joined(separator: ",") + "]"
        }
        return out + "}"
    }

    /// One article's object.
    public static func article(_ a: ArticleExtraction) -> String {
        var out = "{\"source\":\(string(a.source)),\"id\":\(string(a.id)),\"title\":\(optional(a.title))"
        if let url = a.url { out += ",\"url\":\(string(url))" }
        out += ",\"published\":\(optional(a.published?.description)),\"language\":\(string(a.language.rawValue))"
        out += ",\"events\":[" + a.events.map(event).joined(separator: ",") + "]"
        out += ",\"relations\":[" + a.relations.map(relation).joined(separator: ",") + "]"
        out += ",\"entities\":[" + a.entities.map(namedEntity).joined(separator: ",") + "]"
        out += ",\"warnings\":[" + a.warnings.map(string).joined(separator: ",") + "]"
        if !a.explain.isEmpty { out += ",\"explain\":[" + a.explain.map(string).joined(separator: ",") + "]" }
        return out + "}"
    }

    static func event(_ e: ExtractedEvent) -> String {
        var out = "{\"id\":\(string(e.id)),\"type\":\(string(e.type.rawValue)),\"date\":\(optional(e.date?.description))"
        out += ",\"actor\":\(entity(e.actor))"
        out += ",\"counterparties\":[" + e.counterparties.map(entity).joined(separator: ",") + "]"
        out += ",\"participants\":[" + e.participants.map { entity($0.entity, extra: ",\"role\":\(string($0.role))") }.joined(separator: ",") + "]"
        out += ",\"place\":" + (e.place.map { entity($0) } ?? "null")
        out += ",\"evidence\":\(evidence(e.evidence)),\"confidence\":\(number(e.confidence))}"
        return out
    }

    static func relation(_ r: ExtractedRelation) -> String {
        var out = "{\"subject\":\(entity(r.subject)),\"predicate\":\(string(r.predicate.rawValue)),\"object\":\(entity(r.object))"
        if let role = r.role { out += ",\"role\":\(string(role))" }
        return out + ",\"evidence\":\(evidence(r.evidence))}"
    }

    static func namedEntity(_ n: NamedEntity) -> String {
        entity(n.entity, extra: ",\"aliases\":[" + n.aliases.map(string).joined(separator: ",") + "]")
    }

    static func entity(_ e: EntityRef) -> String { entity(e, extra: "") }

    static func entity(_ e: EntityRef, extra: String) -> String {
        var out = "{\"id\":\(string(e.id)),\"name\":\(string(e.name)),\"kind\":\(string(e.kind.rawValue))"
        if let country = e.country { out += ",\"country\":\(string(country))" }
        return out + extra + "}"
    }

    static func evidence(_ e: Evidence) -> String {
        "{\"text\":\(string(e.text)),\"start\":\(e.start),\"end\":\(e.end)}"
    }

    /// One failure's object, as in the document's "errors" (for writers that stream the document).
    public static func failure(_ f: Failure) -> String {
        var out = "{\"source\":\(string(f.source))"
        if let line = f.line { out += ",\"line\":\(line)" }
        return out + ",\"message\":\(string(f.message))}"
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return "\(Int(rounded)).0" }
        return "\(rounded)"
    }

    static func optional(_ value: String?) -> String {
        value.map(string) ?? "null"
    }

    /// A JSON string literal.
    public static func string(_ value: String) -> String {
        var out = "\""
        out.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
