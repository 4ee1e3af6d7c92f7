extension Phrasebook {
    /// English news sentences.
    static let english = Phrasebook(
        agreement: [
            "{A} signed a memorandum of understanding with {B} {D} to cooperate on {TOPIC}, the company said.",
            "{A} and {B} {D} inked a deal to jointly develop {TOPIC} technology.",
            "{A} said {D} it had signed an agreement with {B} to expand cooperation in {TOPIC}.",
            "{A} has struck a strategic partnership with {B} on {TOPIC}, the two companies announced {D}.",
            "{D}, {A} signed an MOU with {B} covering {TOPIC} research and joint investment.",
            "{A} signed a partnership agreement with {B} {D} to build {TOPIC} capabilities.",
            "{A} and {B} signed a memorandum of understanding {D} to work together on {TOPIC}.",
        ],
        agreementThree: [
            "{A} signed a memorandum of understanding with {B} and {C} {D} to cooperate on {TOPIC}.",
            "{A} {D} inked a three-way deal with {B} and {C} covering {TOPIC}.",
        ],
        agreementBackground: [
            "{A} had already signed an MOU with {B} {D} on {TOPIC}.",
            "{D}, {A} signed a separate agreement with {B} to cooperate on {TOPIC}.",
        ],
        officeOpened: [
            "{A} opened an office in {PL} {D}, the company said.",
            "{A} {D} opened its first overseas office in {PL}.",
            "{A} launched a subsidiary in {PL} {D} to serve local customers.",
            "{A} established a research and development center in {PL} {D}.",
            "{A} officially opened its new office in {PL} {D}, it said in a statement.",
            "{A} said {D} it had opened an office in {PL}.",
            "{D}, {A} opened a regional hub in {PL}.",
        ],
        officeOpenedPair: [
            "{A} opened offices in {PL1} and {PL2} {D}.",
            "{D}, {A} opened new offices in {PL1} and {PL2}.",
        ],
        officeOpenedSequence: [
            "{A} opened its first overseas office in {PL1} {D1} and followed with an office in {PL2} {D2}.",
            "After opening an office in {PL1} {D1}, {A} opened another in {PL2} {D2}.",
        ],
        officeOpenedUndated: [
            "{A} has since opened an office in {PL} as well.",
            "{A} also opened an office in {PL} to support customers in the region.",
        ],
        officeAnnounced: [
            "{A} plans to open an office in {PL} {T}, the company said {D}.",
            "{A} said {D} it will open a subsidiary in {PL} {T}.",
            "{A} announced {D} that it would establish a research center in {PL}.",
            "{A} is set to open its first office in {PL} {T}, it announced {D}.",
            "{D}, {A} unveiled plans to open a regional headquarters in {PL}.",
            "{A} said {D} that it plans to open a new office in {PL} {T}.",
        ],
        officeAnnouncedPair: [
            "{A} said {D} it will open offices in {PL1} and {PL2} {T}.",
            "{D}, {A} announced plans to open offices in {PL1} and {PL2}.",
        ],
        visitKoreaMet: [
            "{V} visited South Korea {D} and met executives of {M}.",
            "{V} traveled to South Korea {D} to meet leaders of {M}.",
            "During a visit to South Korea {D}, {V} met with {M} executives.",
        ],
        visitKorea: [
            "{V} visited South Korea {D}.",
            "{V} made a trip to South Korea {D} to discuss {TOPIC} with local customers.",
        ],
        visitCityMet: [
            "{V} visited {PL} {D} and met executives of {M}.",
            "{V} traveled to {PL} {D} to meet {M} leaders.",
        ],
        negatives: [
            "{A} is considering opening an office in {PL}, according to people familiar with the matter.",
            "The company may also open a branch in {PL} later, but no decision has been made.",
            "{A} has no plans to open an office in {PL}, a spokesperson said.",
            "{A} denied a report that it had signed a deal with {B}.",
            "{A} is in talks with {B} about a possible partnership.",
            "If {A} opens an office in {PL}, it would be its third in the region.",
            "A visit by {VN} to {PL} has not yet been decided.",
            "{A} could announce an office in {PL} next year, analysts said.",
        ],
        agreementDetails: [
            "The signing ceremony was attended by {S1} and {S2}.",
            "Under the agreement, the two sides will pursue joint research and exchange staff in {TOPIC}.",
            "The partners will set up a working group to identify specific projects.",
        ],
        officeDetails: [
            "The new site will handle sales, customer support and partnerships in the region.",
            "The company expects to hire about 50 people locally by the end of the year.",
            "The region has become one of the fastest-growing markets for {FIELD}.",
        ],
        visitDetails: [
            "The talks focused on {TOPIC} supply chains and joint investment, according to people briefed on the meetings.",
            "Industry watchers saw the trip as an effort to deepen ties with Korean partners.",
        ],
        quoteFrames: [
            "\"{Q},\" {QP} said.",
            "\"{Q},\" {QP} said in a statement. \"We look forward to working together.\"",
            "{QP} said: \"{Q}.\"",
        ],
        quotes: [
            "This partnership reflects our commitment to {FIELD}",
            "We see enormous potential in this market",
            "Korea is one of the most important markets for innovation",
            "Our customers will benefit from a stronger presence on the ground",
            "We want to grow together with the local ecosystem",
        ],
        filler: [
            "Founded in {Y}, {A} has grown quickly in {FIELD}.",
            "The global {FIELD} market is expected to grow from ${N1} billion this year to ${N2} billion within five years, according to IDC.",
            "{A} reported revenue of ${N3}.{N4} billion last year, up {N1} percent from a year earlier.",
            "\"Competition in {FIELD} is getting fiercer every quarter,\" said an industry analyst.",
            "{X} has also been stepping up its investment in {FIELD}.",
            "{X} and {Z} are among its main competitors in {FIELD}.",
            "Analysts expect demand for {FIELD} to remain strong for the foreseeable future.",
            "{A} recently launched a new {FIELD} service as it broadens its business.",
            "Governments across the region have rolled out subsidies to support {FIELD}.",
            "Shares of {A} closed up {N1} percent on the news.",
            "Volatile interest rates and currencies have pushed companies to rethink overseas investment.",
            "{X} set aside ${N2} million for research and development this year.",
            "Brokerages expect {A} to post a rise of about {N1} percent in operating profit this year.",
            "Hiring skilled engineers remains the biggest challenge in {FIELD}.",
            "{Z} beat market expectations in its {FIELD} business last quarter.",
            "Regulators have also begun to debate new rules for {FIELD}.",
            "{A} now serves customers in {N1} countries.",
            "The industry expects growth in {FIELD} to continue into next year.",
        ],
        titleAgreement: [
            "{A} signs MOU with {B} on {TOPIC}",
            "{A}, {B} team up on {TOPIC}",
            "{A} inks {TOPIC} deal with {B}",
        ],
        titleOfficeOpened: [
            "{A} opens office in {PL}",
            "{A} launches {PL} subsidiary",
        ],
        titleOfficeAnnounced: [
            "{A} to open office in {PL}",
            "{A} unveils plan for {PL} office",
        ],
        titleVisit: [
            "{VN} visits Korea, meets {M} executives",
            "{VN} meets {M} leaders on Korea trip",
        ],
        furnitureHeads: [
            "Related articles", "Most read", "Read more", "You may also like",
        ],
        furnitureHeadlines: [
            "- {X} signs MOU with {Z} on {TOPIC}",
            "- {X} to open office in {PL}",
            "- {X} chief visits Seoul, meets {Z} executives",
            "- {X} launches subsidiary in {PL}",
            "- {X} and {Z} battle for {FIELD} market",
            "- {X} unveils new {FIELD} lineup",
        ],
        furnitureTails: [
            "Reporting by {R}; Editing by {R2}",
            "By {R} ({EMAIL})",
            "Copyright © {YEAR} {MEDIA}. All rights reserved.",
            "{R} | {EMAIL}",
        ],
        datelines: [
            "SEOUL, ({MEDIA}) -- ",
            "",
            "",
        ],
        topics: [
            "artificial intelligence", "semiconductors", "clean energy", "data centers", "cloud computing", "autonomous driving",
            "biotechnology", "batteries", "hydrogen", "robotics", "digital finance", "smart factories", "6G networks",
            "content", "healthcare",
        ],
        fields: [
            "AI chips", "cloud services", "electric vehicle batteries", "generative AI", "biologics", "fintech", "gaming",
            "robotics", "data centers", "chip equipment",
        ],
        plannedTimes: ["next year", "later this year", "in the first half of next year", "by the end of the year", "early next year"],
        reporterNames: ["Kim Na-young", "Lee Seo-yeon", "Park Jun-ho", "Choi Ji-hoon", "Jung Yoo-jin", "Jane Park", "Tom Walker", "Emily Chen"],
        spokespeople: ["Kim Min-su", "Lee Ji-hyun", "Park Sung-woo", "Sarah Lin", "David Moore", "Anna Kovacs"]
    )
}
