/// English event words, lowercased. Data only: the rules read these tables.
enum EnglishEventLexicon {
    static let agreementNouns: WordSet = [
        "mou", "memorandum", "agreement", "partnership", "deal", "pact", "accord", "contract", "tie-up", "alliance", "mou.",
    ]
    static let signVerbs: WordSet = [
        "signed", "signs", "inked", "inks", "struck", "strikes", "sealed", "seals", "concluded", "forged", "clinched",
    ]
    /// Two-word sign verbs: 'entered into'.
    static let signPhrases: [[String]] = [["entered", "into"], ["enter", "into"], ["entered", "a"]]
    static let signatoryCues: WordSet = ["by", "attended"]

    static let officeNouns: WordSet = [
        "office", "offices", "subsidiary", "subsidiaries", "branch", "hub", "centre", "center", "lab", "laboratory",
        "studio", "outpost", "campus", "site", "headquarters", "base", "unit",
    ]
    static let openVerbs: WordSet = [
        "opened", "opens", "launched", "launches", "established", "establishes", "inaugurated", "inaugurates",
    ]
    static let openPhrases: [[String]] = [["set", "up"], ["sets", "up"]]
    /// Base forms after 'will', 'plans to', 'would' …
    static let openBaseVerbs: WordSet = ["open", "launch", "establish", "set", "inaugurate", "build"]
    static let futureMarkers: WordSet = ["will", "plans", "plan", "planned", "intends", "aims", "is", "set", "would", "to"]
    static let reportVerbs: WordSet = ["said", "announced", "told", "stated", "disclosed", "unveiled", "revealed", "says", "announces", "confirmed"]
    /// 'Dublin followed': another office like the one before.
    static let followVerbs: WordSet = ["followed", "came"]

    static let visitVerbs: WordSet = ["visited", "visits", "toured"]
    /// Verbs taking the place after a preposition: 'travelled to', 'arrived in'.
    static let travelVerbs: WordSet = ["travelled", "traveled", "arrived", "flew", "returned", "went"]
    static let returnPhrases: [[String]] = [["came", "back"], ["returned"]]
    static let meetVerbs: WordSet = ["met", "meet", "meeting", "talks"]

    /// Hypotheticals, denials and undecided things: nothing is found.
    static let negationCues: [String] = [
        "could", "may", "might", "considering", "consider", "in talks", "denied", "deny", "denies", "no plans", "no plan",
        "no decision", "nothing to announce", "speculation", "rumour", "rumor", "expected to", "no date", "not yet",
        "if ", "unless", "too early", "declined to", "should", "weighing", "exploring", "potential", "possible",
        "possibly", "reportedly", "would not", "will not", "won't", "did not", "does not", "has not", "no office",
    ]

    /// Phrases pointing back at the event before: date and place carry over.
    static let carryCues = [
        "the same day", "that day", "at the opening ceremony", "during the visit", "at the launch event",
        "at the ceremony", "at the event", "on the same day", "at the signing", "during the trip",
    ]

    /// Phrases pointing back at the event before: its place carries over too.
    static let placeCarryCues = [
        "at the opening ceremony", "during the visit", "at the launch event", "at the ceremony", "at the event",
        "at the signing", "during the trip",
    ]
    /// Words standing for an office named just before: 'would open another in Seoul'.
    static let officeAnaphors: WordSet = ["another", "one", "others", "more"]

    /// Words that exclude the place after them: 'its first outside Japan', 'just south of Seoul'.
    static let placeExclusions: WordSet = ["outside", "beyond", "near", "than", "from", "south", "north", "east", "west", "besides"]
    /// Nouns standing for the organization named before: 'the company', 'the group'.
    static let companyPronouns: WordSet = ["company", "group", "firm", "it", "maker", "lender", "bank", "startup", "developer", "conglomerate"]
    static let personPronouns: WordSet = ["he", "she"]
    /// Clause openers after a comma.
    static let clauseOpeners: WordSet = ["and", "but", "while", "when", "which", "as", "though", "although", "after", "before", "where", "whereas"]

    /// Words after 'and' or 'but' that start another clause: event verbs and auxiliaries.
    static let clauseVerbs = signVerbs.union(openVerbs).union(visitVerbs).union(travelVerbs)
        .union(["came", "met", "opened", "will", "would", "plans", "has", "had", "is", "was", "expects", "also"])
    /// The negation cues as whole words: a space before, and after unless the cue ends with one.
    static let spacedNegationCues: [(cue: String, spaced: [UInt8])] = negationCues.map { cue in
        (cue, Array((" " + cue + (cue.bytesHaveSuffix(" ") ? "" : " ")).utf8))
    }
    static let headquartersWords: WordSet = ["headquartered", "based"]
}
