import EventLog
import Foundation
import Postgres
#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock time of a block, in seconds.
func measure(_ body: () async throws -> Void) async rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try await body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// CPU time the calling thread has used, in seconds.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The process's peak resident set size so far, in MiB.
func peakResidentMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func formatRate(_ count: Int, _ seconds: Double) -> String {
    let rate = Double(count) / seconds
    return rate >= 10_000 ? String(format: "%.0f", rate) : String(format: "%.1f", rate)
}

func report(_ name: String, count: Int, unit: String, seconds: Double, baseline: Double? = nil, versus: String = "COPY") {
    let rate = Double(count) / seconds
    var line = "\(name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(formatRate(count, seconds).leftPadded(10)) \(unit)/s"
        + String(format: "   (%d in %.2f s)", count, seconds)
    if let baseline { line += String(format: "   %.2fx ", rate / baseline) + versus }
    print(line)
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

/// Reads the whole log in (xid, position) order, `pageSize` events a read, and returns how many it read.
func readWholeLog(on handle: ConnectionHandle, pageSize: Int) async throws -> Int {
    var count = 0
    var position = LogPosition.start
    while true {
        let after = position
        let page = try await handle.withConnection { try EventStore().read(after: after, limit: pageSize, on: $0) }
        guard let last = page.last else { return count }
        count += page.count
        position = last.logPosition
    }
}
