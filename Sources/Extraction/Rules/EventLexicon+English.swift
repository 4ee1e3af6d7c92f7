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

    static let officeNouns: WordSet = [
        "office", "offices", "subsidiary", "subsidiaries", "branch", "hub", "centre", "center", "lab", "laboratory",
        "studio", "outpost", "campus", "site", "headquarters", "base", "unit",
    ]
    static let openVerbs: WordSet = [
        "opened", "opens", "launched", "launches", "established", "establishes", "inaugurated", "inaugurates",
    ]
    /// Gerunds that open an office in a leading clause without a subject ('After opening an office in X, …'),
    /// and the words that may lead them.
    static let openGerunds: WordSet = ["opening", "launching", "establishing", "setting"]
    static let gerundLeads: WordSet = ["after", "since", "following", "before", "besides"]
    /// 'followed with an office in France': another office, after the one just named.
    static let followPrepositions: WordSet = ["with", "by", "up"]
    /// Base forms after 'will', 'plans to', 'would' …
    static let openBaseVerbs: WordSet = ["open", "launch", "establish", "set", "inaugurate", "build"]
    static let reportVerbs: WordSet = ["said", "announced", "told", "stated", "disclosed", "unveiled", "revealed", "says", "announces", "confirmed"]
    /// 'Dublin followed': another office like the one before.
    static let followVerbs: WordSet = ["followed", "came"]
    /// Words opening a leading subordinate clause, which ends at its first comma ('After …, X opened …').
    static let subordinators: WordSet = ["after", "before", "since", "following", "while", "when", "during", "once", "having", "if", "unless"]

    static let visitVerbs: WordSet = ["visited", "visits", "toured"]
    /// Verbs taking the place after a preposition: 'travelled to', 'arrived in'.
    static let travelVerbs: WordSet = ["travelled", "traveled", "arrived", "flew", "returned", "went"]
    static let meetVerbs: WordSet = ["met", "meet", "meeting", "talks"]
    /// Nouns of a visit taking the place after 'to': 'During a visit to South Korea, …'.
    static let visitNouns: WordSet = ["visit", "trip", "tour", "stopover"]
    /// Words before a visit noun that make it no visit yet: 'a planned trip to Seoul'.
    static let visitNounBlockers: WordSet = ["planned", "upcoming", "ahead", "possible", "proposed", "expected", "next", "potential", "future"]
    /// After 'returned to': what makes it a trip back ('returned to the country'), not a figure ('returned to profit').
    static let returnTargets: WordSet = ["home", "country", "city", "korea"]

    /// Hypotheticals, denials and undecided things: nothing is found.
    static let negationCues: [String] = [
        "could", "may", "might", "considering", "consider", "in talks", "denied", "deny", "denies", "no plans", "no plan",
        "no decision", "nothing to announce", "speculation", "rumour", "rumor", "expected to", "no date", "not yet",
        "if ", "unless", "too early", "declined to", "should", "weighing", "exploring", "potential", "possible",
        "possibly", "reportedly", "would not", "will not", "won't", "did not", "does not", "has not", "no office",
        "whether",
    ]
    /// Cues read with their case as written: 'May' is a month, 'may' a hypothetical. The others are
    /// read in lower case ('If X opens an office …').
    static let caseSensitiveNegationCues: WordSet = ["may"]

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
    /// Words that may stand between an excluding word and its place: 'outside the', 'south of', 'outside of the'.
    static let placeExclusionLinks: WordSet = ["of", "the"]
    /// Nouns standing for the organization named before: 'the company', 'the group'.
    static let companyPronouns: WordSet = ["company", "group", "firm", "it", "maker", "lender", "bank", "startup", "developer", "conglomerate"]
    static let personPronouns: WordSet = ["he", "she"]
    /// 'his visit to Seoul': the person named before.
    static let personPossessives: WordSet = ["his", "her"]
    /// Clause openers after a comma.
    static let clauseOpeners: WordSet = ["and", "but", "while", "when", "which", "as", "though", "although", "after", "before", "where", "whereas", "then"]

    /// Words after 'and' or 'but' that start another clause: event verbs and auxiliaries.
    static let clauseVerbs = signVerbs.union(openVerbs).union(visitVerbs).union(travelVerbs)
        .union(["came", "met", "opened", "will", "would", "plans", "has", "had", "is", "was", "expects", "also"]).union(followVerbs)
    /// The negation cues as whole words: a space before, and after unless the cue ends with one; and
    /// whether the cue is read with its case as written (`caseSensitiveNegationCues`).
    static let spacedNegationCues: [(cue: String, spaced: [UInt8], caseSensitive: Bool)] = negationCues.map { cue in
        (cue, Array((" " + cue + (cue.bytesHaveSuffix(" ") ? "" : " ")).utf8), caseSensitiveNegationCues.contains(cue))
    }
    static let headquartersWords: WordSet = ["headquartered", "based"]
}
