/// A calendar date at the precision a text supports: a day, a month or a year.
///
/// Its string form is EDTF level 0 (`2024-11-26`, `2024-11`, `2024`): never more precise than
/// the text said, so "last June" is `2023-06`, not `2023-06-01`.
public struct EDTFDate: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// How much of the date the text gave.
    public enum Precision: String, Sendable, Codable, Comparable, CaseIterable {
        case year, month, day

        private var rank: Int {
            switch self {
            case .year: 0
            case .month: 1
            case .day: 2
            }
        }

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    }

    public let year: Int
    /// 1...12, or nil at year precision.
    public let month: Int?
    /// 1...31, or nil at year or month precision.
    public let day: Int?

    /// A year.
    public init(year: Int) {
        self.year = year
        self.month = nil
        self.day = nil
    }

    /// A month of a year; nil when the month is out of range.
    public init?(year: Int, month: Int) {
        guard (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
        self.day = nil
    }

    /// A day; nil when it does not exist on the Gregorian calendar (2023-02-29).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= EDTFDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public init?(_ string: some StringProtocol) {
        let parts = string.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        guard parts.dropFirst().allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }) else { return nil }
        switch parts.count {
        case 1: self.init(year: year)
        case 2:
            guard let month = Int(parts[1]) else { return nil }
            self.init(year: year, month: month)
        default:
            guard let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
            self.init(year: year, month: month, day: day)
        }
    }

    public var precision: Precision {
        if day != nil { return .day }
        if month != nil { return .month }
        return .year
    }

    public var description: String {
        let y = String(format4: year)
        guard let month else { return y }
        let m = month < 10 ? "0\(month)" : "\(month)"
        guard let day else { return "\(y)-\(m)" }
        return "\(y)-\(m)-\(day < 10 ? "0\(day)" : "\(day)")"
    }

    /// True when `other` lies inside this date: 2024-11 contains 2024-11-26 and itself.
    public func contains(_ other: EDTFDate) -> Bool {
        guard year == other.year else { return false }
        guard let month else { return true }
        guard month == other.month else { return false }
        guard let day else { return true }
        return day == other.day
    }

    /// Two reports of one event agree on the date when they are equal or one contains the other.
    public func isCompatible(with other: EDTFDate) -> Bool {
        contains(other) || other.contains(self)
    }

    /// Orders by the first day each date covers, coarser first on ties (2024 < 2024-01 < 2024-01-01).
    public static func < (lhs: EDTFDate, rhs: EDTFDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let date = EDTFDate(string) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an EDTF level-0 date: \(string)")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The number of days in a month of the proleptic Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension String {
    fileprivate init(format4 year: Int) {
        let digits = String(abs(year))
        let padding = String(repeating: "0", count: Swift.max(0, 4 - digits.count))
        self = (year < 0 ? "-" : "") + padding + digits
    }
}
