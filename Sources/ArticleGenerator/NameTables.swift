/// Which gazetteer entries play which part in generated articles, and how roles are written: data, kept
/// apart from the code that uses it.
enum NameTables {
    /// News organizations: they report, they do not act.
    static let mediaIDs: Set<String> = [
        "org/yonhap", "org/reuters", "org/ap", "org/afp", "org/bloomberg", "org/nikkei", "org/nyt", "org/wsj", "org/ft",
        "org/washington-post", "org/bbc", "org/cnn", "org/cnbc", "org/the-information", "org/joongang", "org/chosun",
        "org/donga", "org/hankyoreh", "org/maeil-business", "org/hankyung", "org/kbs", "org/mbc", "org/sbs", "org/xinhua",
        "org/kyodo",
    ]

    /// Public bodies that sign agreements but open no offices in these articles.
    static let institutionIDs: Set<String> = [
        "org/msit", "org/motie", "org/mofe", "org/mss-kr", "org/kotra", "org/korea-development-bank",
        "org/export-import-bank-of-korea", "org/industrial-bank-of-korea", "org/nps", "org/kic", "org/snu", "org/kaist",
        "org/postech", "org/yonsei", "org/korea-university", "org/skku", "org/etri", "org/kist", "org/krx",
    ]

    /// Bodies that neither sign business agreements nor open offices in these articles.
    static let excludedIDs: Set<String> = [
        "org/federal-reserve", "org/ecb", "org/boj", "org/imf", "org/world-bank", "org/un", "org/eu",
        "org/european-commission", "org/oecd", "org/wto", "org/who", "org/nato", "org/mofa-kr", "org/ftc-kr", "org/kcc",
        "org/pipc", "org/presidential-office-kr", "org/national-assembly-kr", "org/white-house", "org/us-commerce",
        "org/ftc-us", "org/sec-us", "org/fss", "org/fsc", "org/bank-of-korea", "org/x", "org/alphabet",
    ]

    /// Cities at least this populous (or capitals) are places offices open in.
    static let cityPopulation = 1_500_000
    /// Korean cities at least this populous.
    static let koreanCityPopulation = 1_000_000

    /// Countries where offices open, by gazetteer id.
    static let businessCountries: Set<String> = [
        "place/country-US", "place/country-JP", "place/country-CN", "place/country-VN", "place/country-SG",
        "place/country-IN", "place/country-ID", "place/country-DE", "place/country-FR", "place/country-GB",
        "place/country-CA", "place/country-AU", "place/country-MX", "place/country-BR", "place/country-PL",
        "place/country-HU", "place/country-TH", "place/country-MY", "place/country-PH", "place/country-AE",
        "place/country-SA", "place/country-NL", "place/country-SE", "place/country-ES", "place/country-IT",
    ]

    /// Canonical English role to the Korean title written after a name ("강석훈 산업은행 회장").
    static let koreanTitles: [String: String] = [
        "CEO": "CEO", "Chairman": "회장", "President": "사장", "Vice Chairman": "부회장", "Founder": "창업자",
        "Chief Strategy Officer": "최고전략책임자(CSO)", "Chief Financial Officer": "최고재무책임자(CFO)",
        "Chief Operating Officer": "최고운영책임자(COO)", "Chief Product Officer": "최고제품책임자(CPO)",
        "Co-founder": "공동창업자", "Chief AI Scientist": "수석 AI 과학자", "Governor": "총재", "Minister": "장관",
    ]

    /// Canonical English role to how English text writes it before a name ("Samsung Electronics Chairman Lee Jae-yong").
    static let englishTitles: [String: String] = [
        "CEO": "CEO", "Chairman": "Chairman", "President": "President", "Vice Chairman": "Vice Chairman",
        "Founder": "founder", "Chief Strategy Officer": "Chief Strategy Officer", "Chief Financial Officer": "CFO",
        "Chief Operating Officer": "COO", "Chief Product Officer": "Chief Product Officer", "Co-founder": "co-founder",
        "Chief AI Scientist": "Chief AI Scientist", "Governor": "Governor", "Minister": "Minister",
    ]
}

extension NameTables {
    /// Countries English writes with 'the' ("an office in the United States").
    static let countriesWithThe: Set<String> = [
        "place/country-US", "place/country-GB", "place/country-NL", "place/country-PH", "place/country-AE",
    ]
}
