import Foundation

/// The words the cleaner and the sentence splitter go by, loaded once from the JSON lexicons in
/// `Resources/lexicon` (`furniture.ko.json`, `furniture.en.json`, `sentences.en.json`).
///
/// Both languages' furniture signals apply to every article: Korean sites print "Copyright",
/// English ones quote Korean names.
struct FurnitureLexicon: Sendable {
    let tailStrong: PhraseSet
    let tailWeak: PhraseSet
    let topOfPage: PhraseSet
    let bullets: ScalarSet
    let photoCreditHeads: PhraseSet
    let bylineTitles: PhraseSet
    let bylineHeads: PhraseSet
    let sentenceFinalSyllables: ScalarSet
    let glossParticles: PhraseSet
    let positionWords: PhraseSet
    let formerlyMarkers: PhraseSet
    /// Hangul spellings of Latin letter names ("M" → "엠").
    let letterNames: [Unicode.Scalar: [[Unicode.Scalar]]]
    let abbreviationsNever: Set<String>
    let abbreviationsMaybe: Set<String>
    let sentenceStarters: Set<String>

    static let shared = FurnitureLexicon(files: [
        Lexicon.load("furniture.ko"), Lexicon.load("furniture.en"),
    ], sentences: Lexicon.load("sentences.en"))

    init(files: [Lexicon], sentences: Lexicon) {
        func all(_ key: KeyPath<Lexicon, [String]?>) -> [String] { files.flatMap { $0[keyPath: key] ?? [] } }
        tailStrong = PhraseSet(all(\.tailStrong))
        tailWeak = PhraseSet(all(\.tailWeak))
        topOfPage = PhraseSet(all(\.topOfPage))
        bullets = ScalarSet(all(\.bullets).compactMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil })
        photoCreditHeads = PhraseSet(all(\.photoCreditHeads))
        bylineTitles = PhraseSet(all(\.bylineTitles))
        bylineHeads = PhraseSet(all(\.bylineHeads))
        sentenceFinalSyllables = ScalarSet(all(\.sentenceFinalSyllables).compactMap { $0.unicodeScalars.first })
        glossParticles = PhraseSet(all(\.glossParticles))
        positionWords = PhraseSet(all(\.positionWords))
        formerlyMarkers = PhraseSet(all(\.formerlyMarkers))
        var letters: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
        for file in files {
            for (letter, names) in file.letterNames ?? [:] {
                guard let key = letter.unicodeScalars.first else { continue }
                letters[key, default: []].append(contentsOf: names.map { Array($0.unicodeScalars) })
            }
        }
        letterNames = letters
        abbreviationsNever = Set(sentences.never ?? [])
        abbreviationsMaybe = Set(sentences.maybe ?? [])
        sentenceStarters = Set(sentences.starters ?? [])
    }
}

/// One lexicon file as written; every list is optional.
struct Lexicon: Decodable, Sendable {
    var tailStrong: [String]?
    var tailWeak: [String]?
    var topOfPage: [String]?
    var bullets: [String]?
    var photoCreditHeads: [String]?
    var bylineTitles: [String]?
    var bylineHeads: [String]?
    var sentenceFinalSyllables: [String]?
    var glossParticles: [String]?
    var positionWords: [String]?
    var formerlyMarkers: [String]?
    var letterNames: [String: [String]]?
    var never: [String]?
    var maybe: [String]?
    var starters: [String]?

    /// Loads `Resources/lexicon/<name>.json` from the module's bundle. A missing or broken file is
    /// a packaging defect, not an input problem, so it stops the program with the file's name.
    static func load(_ name: String) -> Lexicon {
        let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources/lexicon")
            ?? Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "lexicon")
        guard let url, let data = try? Data(contentsOf: url) else {
            fatalError("lexicon \(name).json is missing from the Extraction bundle")
        }
        do {
            return try JSONDecoder().decode(Lexicon.self, from: data)
        } catch {
            fatalError("lexicon \(name).json is malformed: \(error)")
        }
    }
}
