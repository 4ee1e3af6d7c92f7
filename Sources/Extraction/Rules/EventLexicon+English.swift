/// English event words, lowercased. Data only: the rules read these tables.
enum EnglishEventLexicon {
    static let agreementNouns: Set<String> = [
        "mou", "memorandum", "agreement", "partnership", "deal", "pact", "accord", "contract", "tie-up", "alliance", "mou.",
    ]
    static let signVerbs: Set<String> = [
        "signed", "signs", "inked", "inks", "struck", "strikes", "sealed", "seals", "concluded", "forged", "clinched",
    ]
    /// Two-word sign verbs: 'entered into'.
    static let signPhrases: [[String]] = [["entered", "into"], ["enter", "into"], ["entered", "a"]]
    static let signatoryCues: Set<String> = ["by", "attended"]

    static let officeNouns: Set<String> = [
        "office", "offices", "subsidiary", "subsidiaries", "branch", "hub", "centre", "center", "lab", "laboratory",
        "studio", "outpost", "campus", "site", "headquarters", "base", "unit",
    ]
    static let openVerbs: Set<String> = [
        "opened", "opens", "launched", "launches", "established", "establishes", "inaugurated", "inaugurates",
    ]
    static let openPhrases: [[String]] = [["set", "up"], ["sets", "up"]]
    /// Base forms after 'will', 'plans to', 'would' …
    static let openBaseVerbs: Set<String> = ["open", "launch", "establish", "set", "inaugurate", "build"]
    static let futureMarkers: Set<String> = ["will", "plans", "plan", "planned", "intends", "aims", "is", "set", "would", "to"]
    static let reportVerbs: Set<String> = ["said", "announced", "told", "stated", "disclosed", "unveiled", "revealed", "says", "announces", "confirmed"]
    /// 'Dublin followed': another office like the one before.
    static let followVerbs: Set<String> = ["followed", "came"]

    static let visitVerbs: Set<String> = ["visited", "visits", "toured"]
    /// Verbs taking the place after a preposition: 'travelled to', 'arrived in'.
    static let travelVerbs: Set<String> = ["travelled", "traveled", "arrived", "flew", "returned", "went"]
    static let returnPhrases: [[String]] = [["came", "back"], ["returned"]]
    static let meetVerbs: Set<String> = ["met", "meet", "meeting", "talks"]

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
    static let officeAnaphors: Set<String> = ["another", "one", "others", "more"]

    /// Words that exclude the place after them: 'its first outside Japan', 'just south of Seoul'.
    static let placeExclusions: Set<String> = ["outside", "beyond", "near", "than", "from", "south", "north", "east", "west", "besides"]
    /// Nouns standing for the organization named before: 'the company', 'the group'.
    static let companyPronouns: Set<String> = ["company", "group", "firm", "it", "maker", "lender", "bank", "startup", "developer", "conglomerate"]
    static let personPronouns: Set<String> = ["he", "she"]
    /// Clause openers after a comma.
    static let clauseOpeners: Set<String> = ["and", "but", "while", "when", "which", "as", "though", "although", "after", "before", "where", "whereas"]

    static let headquartersWords: Set<String> = ["headquartered", "based"]
}
