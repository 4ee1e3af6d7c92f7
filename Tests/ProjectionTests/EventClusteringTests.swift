@testable import Projections
import Testing

@Suite struct EventClusteringTests {
    /// Only canonical EDTF dates are dates: the projector compares them as text too (spans, latest dates).
    @Test(arguments: [("2024", true), ("2024-11", true), ("2024-11-26", true), ("2024-1-5", false), ("24-11", false),
                      ("2024-11-26-1", false), ("2024-+1", false), ("", false), ("2024-١١", false)])
    func onlyCanonicalDatesAreDates(text: String, isDate: Bool) {
        #expect((EventClustering.Date(text) != nil) == isDate)
    }

    /// The span is where all of a group's dates fall: their longest common prefix.
    @Test func theSpanIsTheDatesCommonPrefix() {
        let clustering = EventClustering()
        var groups: [EventClustering.Group] = []
        #expect(clustering.place(report: "a", date: nil, into: &groups) == 0)
        #expect(groups[0].span == nil)
        _ = clustering.place(report: "b", date: "2024-11-26", into: &groups)
        #expect(groups[0].span == "2024-11-26")
        // A coarse date bridges two days that disagree: both join, and the span widens to the month.
        _ = clustering.place(report: "c", date: "2024-11", into: &groups)
        _ = clustering.place(report: "d", date: "2024-11-27", into: &groups)
        #expect(groups.count == 1)
        #expect(groups[0].span == "2024-11")
        #expect(groups[0].date == "2024-11-26")
        #expect(groups[0].conflictingDates == ["2024-11-27"])
        _ = clustering.place(report: "e", date: "2024", into: &groups)
        #expect(groups[0].span == "2024")
        // Another year never joins it.
        #expect(clustering.place(report: "f", date: "2025-01", into: &groups) == 1)
    }
}
