/// One known name-bearer: a place, an organization or a person, with every way it is written.
///
/// Entries come from JSON Lines files (docs/gazetteer.md). Ids are stable: `place/geonames-<id>`,
/// `place/country-<alpha2>`, `place/region-<slug>`, `org/<slug>`, `person/<slug>`.
public struct GazetteerEntry: Hashable, Sendable, Codable {
    /// One written form of an entry's name.
    public struct Alias: Hashable, Sendable, Codable {
        /// The form exactly as written; matching is case-sensitive.
        public var text: String
        /// A BCP 47 language tag ("ko", "en"), informative only.
        public var lang: String?
        /// True when the form is also a common word or another entity's name: a match on it
        /// is reported with `NameMatch.ambiguous` set, and context must confirm it.
        public var ambiguous: Bool

        /// An alias.
        public init(text: String, lang: String? = nil, ambiguous: Bool = false) {
            self.text = text
            self.lang = lang
            self.ambiguous = ambiguous
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            text = try container.decode(String.self, forKey: .text)
            lang = try container.decodeIfPresent(String.self, forKey: .lang)
            ambiguous = try container.decodeIfPresent(Bool.self, forKey: .ambiguous) ?? false
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(text, forKey: .text)
            try container.encodeIfPresent(lang, forKey: .lang)
            if ambiguous { try container.encode(true, forKey: .ambiguous) }
        }

        private enum CodingKeys: String, CodingKey { case text, lang, ambiguous }
    }

    /// Stable id (`org/openai`).
    public var id: String
    /// Canonical English name ("OpenAI", "South Korea", "New York").
    public var name: String
    public var kind: EntityKind
    /// For places: the country's canonical English name; nil otherwise.
    public var country: String?
    /// For places: the ISO 3166-1 alpha-2 code of the country.
    public var countryCode: String?
    /// Every written form, in any language.
    public var aliases: [Alias]
    /// True when every alias of the entry needs context to confirm it.
    public var ambiguous: Bool
    /// For places: "country", "capital", "city" or "region".
    public var placeType: String?
    /// For places from GeoNames: the population.
    public var population: Int?
    /// For people: the id of the organization they are best known for.
    public var organization: String?
    /// For people: their role there, canonical English ("CEO").
    public var role: String?

    /// An entry.
    public init(
        id: String, name: String, kind: EntityKind, country: String? = nil, countryCode: String? = nil,
        aliases: [Alias], ambiguous: Bool = false, placeType: String? = nil, population: Int? = nil,
        organization: String? = nil, role: String? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.country = country
        self.countryCode = countryCode
        self.aliases = aliases
        self.ambiguous = ambiguous
        self.placeType = placeType
        self.population = population
        self.organization = organization
        self.role = role
    }

    /// The reference extraction hands on for this entry.
    public var ref: EntityRef {
        EntityRef(id: id, name: name, kind: kind, country: kind == .place ? country : nil)
    }

    public init(from decoder: any Decoder) throws {
        let line = try GazetteerLine(from: decoder)
        guard let name = line.name, let kind = line.kind else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "an entry needs a name and a kind")
            )
        }
        self.init(
            id: line.id, name: name, kind: kind, country: line.country, countryCode: line.countryCode,
            aliases: line.aliases ?? [], ambiguous: line.ambiguous ?? false, placeType: line.placeType,
            population: line.population, organization: line.organization, role: line.role
        )
    }

    public func encode(to encoder: any Encoder) throws {
        try GazetteerLine(self).encode(to: encoder)
    }
}

/// One line of a gazetteer file as written: a whole entry, or only an id and aliases to add to it.
struct GazetteerLine: Codable {
    var id: String
    var name: String?
    var kind: EntityKind?
    var country: String?
    var countryCode: String?
    var aliases: [GazetteerEntry.Alias]?
    var ambiguous: Bool?
    var placeType: String?
    var population: Int?
    var organization: String?
    var role: String?

    init(_ entry: GazetteerEntry) {
        id = entry.id
        name = entry.name
        kind = entry.kind
        country = entry.country
        countryCode = entry.countryCode
        aliases = entry.aliases
        ambiguous = entry.ambiguous ? true : nil
        placeType = entry.placeType
        population = entry.population
        organization = entry.organization
        role = entry.role
    }

    /// The whole entry, when the line gives a name and a kind.
    var entry: GazetteerEntry? {
        guard let name, let kind else { return nil }
        return GazetteerEntry(
            id: id, name: name, kind: kind, country: country, countryCode: countryCode, aliases: aliases ?? [],
            ambiguous: ambiguous ?? false, placeType: placeType, population: population,
            organization: organization, role: role
        )
    }
}
