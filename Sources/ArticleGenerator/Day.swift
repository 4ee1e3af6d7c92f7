import Extraction

/// A calendar day as plain integers, with the arithmetic relative dates need.
struct Day: Hashable, Sendable, Comparable {
    var year: Int
    var month: Int
    var day: Int

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    var weekday: Int {
        let w = (ordinal + 3) % 7
        return (w < 0 ? w + 7 : w) + 1
    }

    func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    var edtf: EDTFDate { EDTFDate(year: year, month: month, day: day) ?? EDTFDate(year: year) }

    static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }
}

/// A month of a year.
struct Month: Hashable, Sendable {
    var year: Int
    var month: Int

    func adding(months: Int) -> Month {
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        return Month(year: y, month: index - y * 12 + 1)
    }

    var edtf: EDTFDate { EDTFDate(year: year, month: month) ?? EDTFDate(year: year) }
}
