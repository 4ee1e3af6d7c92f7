import Extraction

/// A name the generator can write in both languages, with its canonical English name.
struct Name: Sendable, Hashable {
    /// The gazetteer id.
    var id: String
    /// The canonical English name, as extraction reports it.
    var canonical: String
    /// How Korean text writes it.
    var ko: String
    /// How English text writes it.
    var en: String

    func written(in language: Language) -> String { language == .ko ? ko : en }
}

/// A place: a city with its country, or a country (then `country` is itself).
struct Place: Sendable, Hashable {
    var name: Name
    var country: Name
    var isCountry: Bool
}

/// A person with the organization and role the gazetteer gives them.
struct Person: Sendable, Hashable {
    var name: Name
    var organization: Name
    /// Canonical English role ("CEO").
    var role: String
    /// True for a Korean national (visits abroad rather than to Korea).
    var isKorean: Bool
}

/// The names the generator writes: gazetteer entries with a Korean and an English form each, chosen so
/// that the form written leads back to the entry (not ambiguous, not shared with another entry).
struct NameBank: Sendable {
    /// Organizations that act: companies, banks, universities, research institutes.
    var actors: [Name]
    /// Organizations that sign with actors but do not open offices abroad: ministries, agencies.
    var institutions: [Name]
    /// News organizations, for attributions and furniture.
    var media: [Name]
    var people: [Person]
    /// Foreign cities, with their countries.
    var foreignCities: [Place]
    /// Countries (other than South Korea) with a Korean name.
    var countries: [Place]
    /// Cities of South Korea.
    var koreanCities: [Place]
    var southKorea: Place
    var seoul: Place

    /// Built once from the bundled gazetteer.
    static let bundled: NameBank = {
        do {
            return NameBank(gazetteer: try Gazetteer.bundled())
        } catch {
            preconditionFailure("the bundled gazetteer does not load: \(error)")
        }
    }()

    init(gazetteer: Gazetteer) {
        func unique(_ text: String, _ id: String) -> Bool {
            let owners = gazetteer.entries(named: text)
            return owners.count == 1 && owners[0].id == id
        }
        func name(_ entry: GazetteerEntry) -> Name? {
            guard !entry.ambiguous else { return nil }
            let usable = entry.aliases.filter { !$0.ambiguous && unique($0.text, entry.id) }
            guard let ko = usable.first(where: { $0.lang == "ko" && $0.text.unicodeScalars.count >= 2 })?.text else { return nil }
            let en = usable.first(where: { $0.text == entry.name })?.text ?? usable.first(where: { $0.lang == "en" })?.text
            guard let en else { return nil }
            return Name(id: entry.id, canonical: entry.name, ko: ko, en: en)
        }

        var actors: [Name] = []
        var institutions: [Name] = []
        var media: [Name] = []
        var people: [Person] = []
        var byID: [String: Name] = [:]
        var countryByCode: [String: Name] = [:]
        var cityEntries: [(GazetteerEntry, Name)] = []
        for entry in gazetteer.entries {
            guard let written = name(entry) else { continue }
            switch entry.kind {
            case .organization:
                byID[entry.id] = written
                if NameTables.mediaIDs.contains(entry.id) {
                    media.append(written)
                } else if NameTables.institutionIDs.contains(entry.id) {
                    institutions.append(written)
                } else if !NameTables.excludedIDs.contains(entry.id) {
                    actors.append(written)
                }
            case .place:
                if entry.placeType == "country", let code = entry.countryCode {
                    countryByCode[code] = written
                } else if entry.placeType == "capital" || (entry.population ?? 0) >= NameTables.cityPopulation
                    || entry.countryCode == "KR" && (entry.population ?? 0) >= NameTables.koreanCityPopulation
                {
                    // A Korean city name written with a space or ending in '시' reads as two words.
                    guard !written.ko.contains(" "), !written.en.contains(",") else { continue }
                    cityEntries.append((entry, written))
                }
            case .person:
                break
            }
        }
        for entry in gazetteer.entries where entry.kind == .person {
            guard let written = name(entry), !written.ko.contains("·"), let orgID = entry.organization,
                let organization = byID[orgID], let role = entry.role, NameTables.koreanTitles[role] != nil,
                !NameTables.institutionIDs.contains(orgID), !NameTables.excludedIDs.contains(orgID)
            else { continue }
            let korean = !written.ko.contains(" ") && entry.aliases.contains { $0.lang == "en" && $0.text.contains("-") }
            people.append(Person(name: written, organization: organization, role: role, isKorean: korean))
        }
        var foreignCities: [Place] = []
        var koreanCities: [Place] = []
        for (entry, written) in cityEntries {
            guard let code = entry.countryCode, let country = countryByCode[code], country.canonical != written.canonical else { continue }
            let place = Place(name: written, country: country, isCountry: false)
            if code == "KR" {
                if (entry.population ?? 0) >= NameTables.koreanCityPopulation { koreanCities.append(place) }
            } else if NameTables.businessCountries.contains(country.id) {
                foreignCities.append(place)
            }
        }
        let countries = countryByCode.keys.sorted().compactMap { code -> Place? in
            guard code != "KR", let country = countryByCode[code] else { return nil }
            return Place(name: country, country: country, isCountry: true)
        }
        guard let korea = countryByCode["KR"], let seoul = koreanCities.first(where: { $0.name.canonical == "Seoul" }) else {
            preconditionFailure("the bundled gazetteer lacks South Korea or Seoul")
        }
        self.actors = actors
        self.institutions = institutions
        self.media = media
        self.people = people
        self.foreignCities = foreignCities
        self.countries = countries.filter { NameTables.businessCountries.contains($0.name.id) }
        self.koreanCities = koreanCities
        self.southKorea = Place(name: korea, country: korea, isCountry: true)
        self.seoul = seoul
    }

    /// People whose organization is `organization`.
    func people(of organization: Name) -> [Person] {
        people.filter { $0.organization.id == organization.id }
    }
}
