/// What kind of thing an entity is.
public enum EntityKind: String, Hashable, Sendable, Codable, CaseIterable {
    case organization
    case person
    case place
}

/// A reference to an entity as extraction found it: a stable id, a canonical English name, a kind,
/// and for a place the English name of its country.
///
/// Ids are stable across runs and articles: gazetteer entries carry their own (`org/openai`,
/// `place/geonames-1835848`, `place/country-KR`); names found from context get `kind/~normalised-name`.
public struct EntityRef: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var kind: EntityKind
    /// For places: the country's canonical English name ("United Kingdom"); nil otherwise.
    public var country: String?

    public init(id: String, name: String, kind: EntityKind, country: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.country = country
    }
}
