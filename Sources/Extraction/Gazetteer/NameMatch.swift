/// A gazetteer name found in a text.
public struct NameMatch: Hashable, Sendable {
    /// The entity the name stands for (the preferred one when several share the name).
    public var entity: EntityRef
    /// The name as written, without a trailing particle or suffix ("오픈AI").
    public var surface: String
    /// Code point offset of `surface` in the text.
    public var start: Int
    /// Code point offset just past `surface`.
    public var end: Int
    /// The Korean particle written straight after the name ("는", "과", "에서"), if any.
    public var particle: String?
    /// A Korean suffix written straight after the name before any particle ("측", "행"), if any.
    public var suffix: String?
    /// True when the alias or the entry is marked ambiguous: context must confirm the match.
    public var ambiguous: Bool

    /// A match.
    public init(
        entity: EntityRef, surface: String, start: Int, end: Int, particle: String? = nil, suffix: String? = nil,
        ambiguous: Bool = false
    ) {
        self.entity = entity
        self.surface = surface
        self.start = start
        self.end = end
        self.particle = particle
        self.suffix = suffix
        self.ambiguous = ambiguous
    }
}
