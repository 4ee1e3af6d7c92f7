/// A name found in a sentence: a gazetteer match, or a name found from its context.
public struct Mention: Hashable, Sendable {
    /// How the name was found.
    public enum Source: String, Hashable, Sendable {
        /// The gazetteer knows it.
        case gazetteer
        /// Beside a title: '이민재 한울반도체 대표', 'CEO Sam Altman'.
        case title
        /// An organization suffix: '한울반도체', 'Seoul Business Agency'.
        case suffix
        /// After a descriptor: '게임사 루멘게임즈', 'battery maker Hanseong Energy'.
        case descriptor
        /// A cue word around it: 'X 경영진', 'executives of X', a party to an agreement.
        case context
        /// A shorter form of a name found earlier in the article: '휘트모어', 'Calder', '이 대표'.
        case alias
    }

    public var entity: EntityRef
    /// The name as written, without a particle.
    public var surface: String
    /// Code point offsets into the cleaned text.
    public var start: Int
    public var end: Int
    public var source: Source
    /// True when the gazetteer alias is ambiguous and context has not confirmed it yet.
    public var ambiguous: Bool

    public init(entity: EntityRef, surface: String, start: Int, end: Int, source: Source, ambiguous: Bool = false) {
        self.entity = entity
        self.surface = surface
        self.start = start
        self.end = end
        self.source = source
        self.ambiguous = ambiguous
    }
}

/// A person's role at an organization as the text states it ('강석훈 산업은행 회장').
struct RoleFact: Hashable, Sendable {
    var person: EntityRef
    var organization: EntityRef?
    var role: String
    var sentence: Int
}

/// Names of context-found entities: ids are `kind/~normalised name`, stable across runs.
enum ContextName {
    /// The id of an entity found from context.
    static func id(kind: EntityKind, name: String) -> String {
        "\(kind.rawValue)/~\(normalised(name))"
    }

    /// Lowercased, whitespace collapsed to '-', punctuation other than '-', '&' and '.' dropped.
    static func normalised(_ name: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in name.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "_" {
                pendingDash = !out.isEmpty
                continue
            }
            guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "-"
                || scalar == "&" || scalar == "."
            else { continue }
            if pendingDash { out.append("-") }
            pendingDash = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// An entity found from context.
    static func entity(_ kind: EntityKind, _ name: String) -> EntityRef {
        EntityRef(id: id(kind: kind, name: name), name: name, kind: kind)
    }
}
