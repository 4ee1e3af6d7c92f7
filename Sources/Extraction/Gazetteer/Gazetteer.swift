public import Foundation

/// The names extraction knows: places, organizations and people, and a matcher finding them in text.
///
/// A gazetteer is a value: load the bundled one (`bundled()`), a user file (`load(contentsOf:)`),
/// and combine them with `merging(_:)`; the later one wins for names two entries share.
/// Building one compiles its names into a trie once; matching is then cheap and thread-safe.
public struct Gazetteer: Sendable {
    /// The entries and alias additions, in the order they were given.
    var data: GazetteerData
    /// The compiled matcher over `data`.
    let matcher: NameMatcher

    init(data: GazetteerData) {
        self.data = data
        self.matcher = NameMatcher(data: data, lexicon: KoreanParticles.lexicon)
    }

    /// An empty gazetteer.
    public init() { self.init(data: GazetteerData()) }

    /// Entries given as values.
    public init(entries: [GazetteerEntry]) {
        var data = GazetteerData()
        for entry in entries { data.add(entry) }
        self.init(data: data)
    }

    /// The bundled gazetteer: generated places, curated place variants, people and organizations.
    /// Loaded and compiled once per process.
    public static func bundled() throws -> Gazetteer { try bundledResult.get() }

    private static let bundledResult: Result<Gazetteer, any Error> = Result {
        var data = GazetteerData()
        for name in ["places", "place-variants", "people", "organizations"] {
            guard let url = GazetteerResources.url(of: name, extension: "jsonl") else {
                throw GazetteerError(
                    code: .missingResource, file: "\(GazetteerResources.directory)/\(name).jsonl",
                    reason: "the bundled gazetteer file is missing"
                )
            }
            try data.read(contentsOf: url)
        }
        return Gazetteer(data: data)
    }

    /// A gazetteer file (JSON Lines, docs/gazetteer.md). Errors name the file and the line.
    public static func load(contentsOf url: URL) throws -> Gazetteer {
        var data = GazetteerData()
        try data.read(contentsOf: url)
        return Gazetteer(data: data)
    }

    /// This gazetteer extended by `other`: its entries are added, its alias lines extend entries of
    /// either, a whole entry with an existing id replaces that entry's fields and adds its aliases,
    /// and where two entries share a name, `other`'s wins.
    public func merging(_ other: Gazetteer) -> Gazetteer {
        var data = self.data
        data.merge(other.data)
        return Gazetteer(data: data)
    }

    /// All entries, in the order they were given.
    public var entries: [GazetteerEntry] { data.entries }

    /// The entry with this id.
    public func entry(id: String) -> GazetteerEntry? {
        data.index[id].map { data.entries[$0] }
    }

    /// The entries with this exact alias, the preferred first; when there are none and the name ends
    /// with a Korean particle ('오픈AI는'), those of the name without it.
    public func entries(named surface: String) -> [GazetteerEntry] {
        if let owners = matcher.owners[surface] { return owners.map { data.entries[$0] } }
        let (stem, particle) = KoreanParticles.split(Substring(surface))
        guard particle != nil, let owners = matcher.owners[String(stem)] else { return [] }
        return owners.map { data.entries[$0] }
    }

    /// The organization whose name begins a longer written word ('네이버' in '네이버클라우드'): the
    /// longest unambiguous one, leaving at least two code points after it; nil when there is none.
    func organizationPrefix(of word: String) -> EntityRef? {
        matcher.organizationPrefix(of: word)
    }

    /// Every gazetteer name in `text`: leftmost, longest and non-overlapping, in text order.
    /// Offsets are Unicode code points.
    public func matches(in text: String) -> [NameMatch] {
        matcher.matches(in: text)
    }
}

/// The raw content of a gazetteer: entries in order, and alias lines for ids not (yet) defined.
struct GazetteerData: Sendable {
    var entries: [GazetteerEntry] = []
    var index: [String: Int] = [:]
    /// Aliases added to ids that no entry defines yet, applied when one does (through `merge`).
    var pending: [(id: String, aliases: [GazetteerEntry.Alias])] = []
    /// For each alias text, the entries that claimed it, in order; the last one wins.
    var claims: [String: [Int]] = [:]

    mutating func add(_ entry: GazetteerEntry) {
        if let existing = index[entry.id] {
            var merged = entry
            merged.aliases = entries[existing].aliases
            entries[existing] = merged
            addAliases(entry.aliases, to: existing)
        } else {
            let position = entries.count
            var fresh = entry
            fresh.aliases = []
            entries.append(fresh)
            index[entry.id] = position
            addAliases(entry.aliases, to: position)
        }
    }

    mutating func addAliases(_ aliases: [GazetteerEntry.Alias], toID id: String) {
        if let position = index[id] {
            addAliases(aliases, to: position)
        } else {
            pending.append((id, aliases))
        }
    }

    private mutating func addAliases(_ aliases: [GazetteerEntry.Alias], to position: Int) {
        for alias in aliases where !alias.text.isEmpty {
            if let known = entries[position].aliases.firstIndex(where: { $0.text == alias.text }) {
                entries[position].aliases[known] = alias
            } else {
                entries[position].aliases.append(alias)
            }
            var owners = claims[alias.text, default: []]
            owners.removeAll { $0 == position }
            owners.append(position)
            claims[alias.text] = owners
        }
    }

    mutating func merge(_ other: GazetteerData) {
        for entry in other.entries { add(entry) }
        for (id, aliases) in other.pending { addAliases(aliases, toID: id) }
        // Our own waiting aliases may have found their entry now.
        let waiting = pending
        pending = []
        for (id, aliases) in waiting { addAliases(aliases, toID: id) }
    }

    /// Reads a JSON Lines file: one entry, or one `{"id", "aliases"}` addition, a line.
    /// Blank lines and lines starting with '#' are skipped.
    mutating func read(contentsOf url: URL) throws {
        let file = url.path
        let bytes: Data
        do {
            bytes = try Data(contentsOf: url)
        } catch {
            throw GazetteerError(code: .unreadableFile, file: file, reason: "cannot read the file (\(error))")
        }
        let decoder = JSONDecoder()
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
            if trimmed.isEmpty || trimmed.first == UInt8(ascii: "#") { continue }
            let parsed: GazetteerLine
            do {
                parsed = try decoder.decode(GazetteerLine.self, from: Data(trimmed))
            } catch {
                throw GazetteerError(
                    code: .malformedLine, file: file, line: lineNumber, reason: "not a gazetteer entry: \(Self.explain(error))"
                )
            }
            if let entry = parsed.entry {
                add(entry)
            } else if parsed.name != nil || parsed.kind != nil {
                throw GazetteerError(
                    code: .malformedLine, file: file, line: lineNumber,
                    reason: "an entry needs both \"name\" and \"kind\" (organization, person or place)"
                )
            } else if let aliases = parsed.aliases, !aliases.isEmpty {
                addAliases(aliases, toID: parsed.id)
            } else {
                throw GazetteerError(
                    code: .malformedLine, file: file, line: lineNumber,
                    reason: "a line needs a whole entry (\"name\", \"kind\") or \"aliases\" to add to \(parsed.id)"
                )
            }
        }
    }

    private static func explain(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _): "missing \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        case .dataCorrupted(let context):
            context.codingPath.isEmpty
                ? "invalid JSON"
                : "invalid value at \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        default: "\(error)"
        }
    }
}
