import Synchronization

/// The events of the cluster keys placed lately, as stored, so that a report of such a key is placed
/// without reading the key's events back from the database.
///
/// - One projector run owns it, and it holds only what that run wrote and committed or is writing in
///   the batch under way: a batch that fails ends the run, and the cache with it.
/// - Bounded: past `capacity` events it forgets the keys used least lately (a key keeps all its events
///   or none, since a report is placed among all the events of its key).
/// - When the run started from an empty graph, it also knows which keys have events at all (``KeyFilter``,
///   fixed in size): a key it has never seen has none, and costs no query. During a catch-up from zero,
///   where most reports start a new key, most placements then read nothing.
/// - It also holds what only corrections change, read once per run: the merges and the retracted event
///   ids (``corrections(_:)``).
/// - A correction groups keys again outside the cache: it empties the cache (``removeAll()``).
final class EventCache: Sendable {
    private struct State {
        var keys: [String: Entry] = [:]
        var events = 0
        var clock: UInt64 = 0
        /// Every key that has events, when known (the run started from an empty graph).
        var filter: KeyFilter?
        var corrections: Corrections?
    }

    /// What corrections decide, for the facts that follow them.
    struct Corrections: Sendable {
        var merges: Merges
        /// The event ids an analyst retracted (a new event with such an id is born retracted).
        var retractedEvents: Set<String>
    }

    private struct Entry {
        var events: [EventState]
        var used: UInt64
    }

    private let capacity: Int
    private let state: Mutex<State>

    /// `knowsEveryKey`: the read models are empty, so every key with events will pass through ``store(_:events:)``.
    init(capacity: Int = Projector.defaultCacheCapacity, knowsEveryKey: Bool) {
        self.capacity = capacity
        self.state = Mutex(State(filter: knowsEveryKey ? KeyFilter() : nil))
    }

    /// The stored events of `key` in the order they were made, when known without the database.
    func events(of key: String) -> [EventState]? {
        state.withLock { state in
            state.clock += 1
            if let entry = state.keys[key] {
                state.keys[key]!.used = state.clock
                return entry.events
            }
            if let filter = state.filter, !filter.mightContain(key) { return [] }
            return nil
        }
    }

    /// Records the events of `key` as they are now stored. A key with more than a quarter of the capacity
    /// is not kept (it would push every other key out); its reports read their candidates.
    func store(_ key: String, events: [EventState]) {
        state.withLock { state in
            state.clock += 1
            state.filter?.insert(key)
            guard events.count <= capacity / 4 else {
                state.events -= state.keys.removeValue(forKey: key)?.events.count ?? 0
                return
            }
            let old = state.keys.updateValue(Entry(events: events, used: state.clock), forKey: key)
            state.events += events.count - (old?.events.count ?? 0)
            guard state.events > capacity else { return }
            // Forget the half used least lately (amortized: a sort per capacity/2 events stored).
            let cut = state.keys.values.map(\.used).sorted()[state.keys.count / 2]
            state.keys = state.keys.filter { $0.value.used >= cut }
            state.events = state.keys.values.reduce(0) { $0 + $1.events.count }
        }
    }

    /// The merges and retracted event ids, read by `read` the first time and after each correction.
    func corrections(_ read: () throws -> Corrections) rethrows -> Corrections {
        if let known = state.withLock({ $0.corrections }) { return known }
        let corrections = try read()
        state.withLock { $0.corrections = corrections }
        return corrections
    }

    /// Forgets every key's events, the merges and the retractions (the key filter stays: it only ever grows).
    func removeAll() {
        state.withLock { state in
            state.keys = [:]
            state.events = 0
            state.corrections = nil
        }
    }
}

/// A Bloom filter of cluster keys: `mightContain` is false only for a key never inserted. Fixed in size
/// (2 MiB); past a few million keys it answers "maybe" more often, which costs a query, never a wrong
/// placement.
struct KeyFilter: Sendable {
    private static let bits: UInt64 = 1 << 24
    private static let hashes = 4
    private var words = [UInt64](repeating: 0, count: Int(KeyFilter.bits / 64))

    mutating func insert(_ key: String) {
        var (bit, step) = Self.hash(key)
        for _ in 0..<Self.hashes {
            words[Int(bit % Self.bits) >> 6] |= 1 << (bit % Self.bits & 63)
            bit &+= step
        }
    }

    func mightContain(_ key: String) -> Bool {
        var (bit, step) = Self.hash(key)
        for _ in 0..<Self.hashes {
            guard words[Int(bit % Self.bits) >> 6] & (1 << (bit % Self.bits & 63)) != 0 else { return false }
            bit &+= step
        }
        return true
    }

    /// FNV-1a, split for double hashing: the first bit and the step to the next.
    private static func hash(_ key: String) -> (UInt64, UInt64) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return (hash, (hash >> 32) | 1)
    }
}
