/// Groups the reports that share a cluster key into real-world events.
///
/// A report joins an event when its date is compatible with one of the event's dates: equal, or one
/// coarser and containing the other (2024-11 and 2024-11-26). The most precise date wins; dates that
/// disagree with it (two days joined through a month) are kept as conflicts, never averaged. An undated
/// report joins the latest event of its key (or starts one).
///
/// The grouping is a fold over the reports in log order: each report looks only at the groups the earlier
/// ones made, through their distinct dates and how often each was reported (``Group``). So the projector
/// keeps that state with each event and places a new report without reading the event's other reports
/// again, and a replay gives the same events with the same ids.
public struct EventClustering: Sendable {
    /// The state of one event the fold needs: its id and the dates its reports gave.
    public struct Group: Sendable, Hashable {
        /// Stable: derived from the first report, which never changes on replay.
        public var id: String
        /// The distinct dates reported (EDTF level 0), in the order they were first reported.
        public private(set) var dates: [String]
        /// How many reports gave each of `dates`.
        public private(set) var counts: [Int]
        private var parsed: [Date]

        /// A group holding the state stored for an event (dates that do not parse are dropped).
        public init(id: String, dates: [String] = [], counts: [Int] = []) {
            self.id = id
            self.dates = []
            self.counts = []
            self.parsed = []
            for (text, count) in zip(dates, counts) {
                guard let date = Date(text) else { continue }
                self.dates.append(text)
                self.counts.append(count)
                self.parsed.append(date)
            }
        }

        /// Adds a report's date (nil: an undated report, which changes no date).
        mutating func add(_ date: Date?) {
            guard let date else { return }
            if let index = dates.firstIndex(of: date.text) {
                counts[index] += 1
            } else {
                dates.append(date.text)
                counts.append(1)
                parsed.append(date)
            }
        }

        /// The date that wins: the most precise; among equally precise ones, the most reported, then the
        /// first reported.
        public var date: String? { winner?.text }

        /// The dates that disagree with the winner, sorted.
        public var conflictingDates: [String] {
            guard let winner else { return [] }
            return parsed.filter { !$0.isCompatible(with: winner) }.map(\.text).sorted()
        }

        private var winner: Date? {
            var best: Int?
            for index in parsed.indices {
                guard let current = best else {
                    best = index
                    continue
                }
                if parsed[index].precision > parsed[current].precision
                    || (parsed[index].precision == parsed[current].precision && counts[index] > counts[current]) {
                    best = index
                }
            }
            return best.map { parsed[$0] }
        }

        /// The highest precision among this group's dates compatible with `date`, or nil.
        func precision(compatibleWith date: Date) -> Int? {
            parsed.filter { $0.isCompatible(with: date) }.map(\.precision).max()
        }

        var latest: String { dates.max() ?? "" }

        /// Where all the dates fall: their longest common prefix, as a date (nil while undated). The dates
        /// of a group always share their year: a date joins a group only when compatible with one of its
        /// dates. So a report may join the group only if its date is compatible with the span.
        public var span: String? {
            guard let first = parsed.first else { return nil }
            let precision = parsed.dropFirst().reduce(first.precision) { min($0, first.sharedPrecision(with: $1)) }
            return first.text.split(separator: "-").prefix(precision).joined(separator: "-")
        }
    }

    public init() {}

    /// The event id for a group whose first report is `firstReport`.
    public static func eventID(firstReport: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in firstReport.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return "ev-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Places one report (its id and EDTF date, or nil) among the groups of its key, in the order they
    /// were made, and returns the index of the group it joined (a new one at the end when none fits).
    public func place(report id: String, date text: String?, into groups: inout [Group]) -> Int {
        let date = text.flatMap(Date.init)
        var chosen: Int?
        if let date {
            // A group with a date compatible with this one, preferring the most precise such date.
            // (A coarse report can bridge two precise ones that disagree: that is a conflict, shown.)
            var best: (index: Int, precision: Int)?
            for index in groups.indices {
                guard let precision = groups[index].precision(compatibleWith: date) else { continue }
                if best == nil || precision > best!.precision { best = (index, precision) }
            }
            // Else a group of undated reports takes the first dated report that comes.
            chosen = best?.index ?? groups.firstIndex { $0.dates.isEmpty }
        } else if !groups.isEmpty {
            chosen = latestGroup(groups)
        }
        let index = chosen ?? groups.count
        if chosen == nil { groups.append(Group(id: Self.eventID(firstReport: id))) }
        groups[index].add(date)
        return index
    }

    /// The group whose latest date is the latest (the first made, on a tie).
    private func latestGroup(_ groups: [Group]) -> Int {
        var best = 0
        for index in groups.indices where groups[index].latest > groups[best].latest {
            best = index
        }
        return best
    }

    /// An EDTF level-0 date, compared field by field (kept without an array: the projector holds many).
    struct Date: Hashable, Sendable {
        let text: String
        /// Year, month and day; 0 past the precision.
        private let year: Int, month: Int, day: Int
        let precision: Int

        /// Only the canonical form (YYYY, YYYY-MM, YYYY-MM-DD): the projector also compares dates as text
        /// (an event's span and latest date), which agrees with comparing fields only then.
        init?(_ text: String) {
            let fields = text.split(separator: "-", omittingEmptySubsequences: false)
            let parts = fields.compactMap { field in field.utf8.allSatisfy { (48...57).contains($0) } ? Int(field) : nil }
            guard (1...3).contains(parts.count), parts.count == fields.count,
                  zip(fields, [4, 2, 2]).allSatisfy({ $0.count == $1 }) else { return nil }
            self.text = text
            self.precision = parts.count
            self.year = parts[0]
            self.month = parts.count > 1 ? parts[1] : 0
            self.day = parts.count > 2 ? parts[2] : 0
        }

        /// How many leading fields the two dates share.
        func sharedPrecision(with other: Date) -> Int {
            guard year == other.year else { return 0 }
            guard precision > 1, other.precision > 1, month == other.month else { return 1 }
            return precision > 2 && other.precision > 2 && day == other.day ? 3 : 2
        }

        /// Equal, or one coarser and containing the other.
        func isCompatible(with other: Date) -> Bool {
            sharedPrecision(with: other) == min(precision, other.precision)
        }
    }
}
