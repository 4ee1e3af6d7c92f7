/// A day of the proleptic Gregorian calendar as plain integers, with the arithmetic the date
/// resolver needs (adding days and months, weekdays). No Foundation, no time zones. Shared with the
/// package's article generator.
package struct CivilDay: Hashable, Sendable, Comparable {
    package var year: Int
    package var month: Int
    package var day: Int

    package init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day of a day-precision date; nil for a coarser one.
    package init?(_ date: EDTFDate) {
        guard let month = date.month, let day = date.day else { return nil }
        self.init(year: date.year, month: month, day: day)
    }

    package var edtf: EDTFDate? { EDTFDate(year: year, month: month, day: day) }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    package var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    package init(ordinal: Int) {
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
    package var weekday: Int {
        let w = (ordinal + 3) % 7  // 1970-01-01 was a Thursday (ISO 4)
        return (w < 0 ? w + 7 : w) + 1
    }

    package func adding(days: Int) -> CivilDay { CivilDay(ordinal: ordinal + days) }

    package static func < (lhs: CivilDay, rhs: CivilDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// A month of a year as plain integers.
package struct CivilMonth: Hashable, Sendable, Comparable {
    package var year: Int
    package var month: Int

    package init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Month arithmetic: `adding(months: -1)` on 2024-01 is 2023-12.
    package func adding(months: Int) -> CivilMonth {
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        return CivilMonth(year: y, month: index - y * 12 + 1)
    }

    package var edtf: EDTFDate? { EDTFDate(year: year, month: month) }

    package static func < (lhs: CivilMonth, rhs: CivilMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}
