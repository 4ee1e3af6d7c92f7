/// The sentences of one language, as templates (see `Slots`): the words are data, kept apart from the
/// code that assembles articles.
///
/// Slots: A actor, B and C other parties, D the event's date ('26일', 'on Tuesday'), PL a place as
/// written ('영국 런던', 'London'), PL1/PL2 two places, T a planned time ('내년 상반기', 'next year'),
/// V a visitor with title ('샘 올트먼 오픈AI CEO', 'OpenAI CEO Sam Altman'), VN the visitor's name alone,
/// M the organizations met, TOPIC and FIELD business subjects, S1/S2 signatories with titles,
/// Q a quote, QP the person quoted with title, N1...N4 numbers, Y a year, X and Z other organizations.
struct Phrasebook: Sendable {
    /// Event sentences, by kind. Each states exactly the events its kind says.
    var agreement: [String]          // A signs with B
    var agreementThree: [String]     // A signs with B and C
    var agreementBackground: [String] // A signed with B at D (month or year)
    var officeOpened: [String]       // A opened an office in PL at D
    var officeOpenedPair: [String]   // A opened offices in PL1 and PL2 at D
    var officeOpenedSequence: [String] // A opened in PL1 at D1, then in PL2 at D2
    var officeOpenedUndated: [String] // A opened in PL, no date
    var officeAnnounced: [String]    // A said at D it will open in PL (T)
    var officeAnnouncedPair: [String] // A said at D it will open in PL1 and PL2
    var visitKoreaMet: [String]      // V visited South Korea at D and met M
    var visitKorea: [String]         // V visited South Korea at D
    var visitCityMet: [String]       // V visited PL at D and met M

    /// Sentences that look like events and state none: plans under consideration, denials, conditions.
    var negatives: [String]
    /// Detail after an agreement: who attended, what follows. States no new event.
    var agreementDetails: [String]
    var officeDetails: [String]
    var visitDetails: [String]
    /// A quote with its speaker.
    var quoteFrames: [String]
    var quotes: [String]
    /// Background and market sentences: no event.
    var filler: [String]
    /// Headlines, by event kind.
    var titleAgreement: [String]
    var titleOfficeOpened: [String]
    var titleOfficeAnnounced: [String]
    var titleVisit: [String]         // a visit to South Korea
    var titleVisitCity: [String]     // a visit to a named city
    /// Furniture: related headlines (naming other organizations, with event words), bylines, copyright.
    var furnitureHeads: [String]
    var furnitureHeadlines: [String]
    var furnitureTails: [String]
    /// Wire datelines opening the first paragraph ('(서울=연합뉴스) 김남영 기자 = ').
    var datelines: [String]

    /// Words that fill the TOPIC, FIELD and T slots.
    var topics: [String]
    var fields: [String]
    var plannedTimes: [String]
    /// Reporter names and the bank of given names for people the gazetteer does not know.
    var reporterNames: [String]
    var spokespeople: [String]
}
