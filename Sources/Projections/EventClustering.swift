/// Groups the reports that share a cluster key into real-world events.
///
/// A report joins an event when its date is compatible with one of the event's dates: equal, or one
/// coarser and containing the other (2024-11 and 2024-11-26). The most precise date wins; dates that
/// disagree with it (two days joined through a month) are kept as conflicts, never averaged. An undated report joins the latest event of its key (or starts one).
/// Reports are taken in log order, so the result, and every event id, is the same on every replay.
public struct EventClustering: Sendable {
    /// One report, as the clustering needs it.
    public struct Report: Sendable, Hashable {
        public var id: String
        /// EDTF or nil.
        public var date: String?
        public var logPosition: Int64

        public init(id: String, date: String?, logPosition: Int64) {
            self.id = id
            self.date = date
            self.logPosition = logPosition
        }
    }

    /// One event: its reports, the date that wins, and the dates that conflict with it.
    public struct Cluster: Sendable, Hashable {
        public var reports: [Report]
        public var date: String?
        public var conflictingDates: [String]

        /// Stable: derived from the first report, which never changes on replay.
        public var id: String { EventClustering.eventID(firstReport: reports[0].id) }
    }

    public init() {}

    /// The event id for a cluster whose first report is `firstReport`.
    public static func eventID(firstReport: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in firstReport.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return "ev-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Clusters the reports of one key.
    public func cluster(_ reports: [Report]) -> [Cluster] {
        let ordered = reports.sorted { ($0.logPosition, $0.id) < ($1.logPosition, $1.id) }
        var groups: [[Report]] = []
        var groupDates: [[Date]] = []
        for report in ordered {
            let date = report.date.flatMap(Date.init)
            var chosen: Int?
            if let date {
                // A group with a date compatible with this one, preferring the most precise such date.
                // (A coarse report can bridge two precise ones that disagree: that is a conflict, shown.)
                var best: (index: Int, precision: Int)?
                for (index, dates) in groupDates.enumerated() {
                    let compatible = dates.filter { $0.isCompatible(with: date) }
                    guard let precision = compatible.map(\.precision).max() else { continue }
                    if best == nil || precision > best!.precision { best = (index, precision) }
                }
                chosen = best?.index
                if chosen == nil {
                    // A group of undated reports takes the first dated report that comes.
                    chosen = groupDates.firstIndex(where: \.isEmpty)
                }
            } else if !groups.isEmpty {
                chosen = latestGroup(groupDates)
            }
            if let chosen {
                groups[chosen].append(report)
                if let date { groupDates[chosen].append(date) }
            } else {
                groups.append([report])
                groupDates.append(date.map { [$0] } ?? [])
            }
        }
        return groups.map { reports in
            let dates = reports.compactMap { $0.date.flatMap(Date.init) }
            let winner = Self.winningDate(dates)
            let conflicts = Set(dates.filter { winner != nil && !$0.isCompatible(with: winner!) }.map(\.text)).sorted()
            return Cluster(reports: reports, date: winner?.text, conflictingDates: conflicts)
        }
    }

    private func latestGroup(_ groupDates: [[Date]]) -> Int {
        var best = 0
        for index in groupDates.indices {
            let current = groupDates[index].map(\.sortKey).max() ?? ""
            let leader = groupDates[best].map(\.sortKey).max() ?? ""
            if current > leader { best = index }
        }
        return best
    }

    /// The most precise date; among equally precise ones, the most reported, then the earliest reported.
    static func winningDate(_ dates: [Date]) -> Date? {
        guard let top = dates.map(\.precision).max() else { return nil }
        let precise = dates.filter { $0.precision == top }
        var counts: [String: Int] = [:]
        for date in precise { counts[date.text, default: 0] += 1 }
        return precise.max { a, b in
            let ca = counts[a.text]!, cb = counts[b.text]!
            if ca != cb { return ca < cb }
            return precise.firstIndex(of: a)! > precise.firstIndex(of: b)!
        }
    }

    /// An EDTF level-0 date, compared field by field.
    struct Date: Hashable, Sendable {
        let text: String
        let parts: [Int]

        init?(_ text: String) {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            guard (1...3).contains(parts.count), parts.count == text.split(separator: "-").count else { return nil }
            self.text = text
            self.parts = parts
        }

        var precision: Int { parts.count }
        var sortKey: String { text }

        func isCompatible(with other: Date) -> Bool {
            let shared = min(parts.count, other.parts.count)
            return parts.prefix(shared) == other.parts.prefix(shared)
        }
    }
}
