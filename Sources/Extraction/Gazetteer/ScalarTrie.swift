/// A trie over Unicode scalars mapping keys to integer values, built once and read from many threads.
///
/// The gazetteer walks it from each word start of a text to find the names starting there
/// (`forEachPrefix`); the walk stops at the first scalar no key continues with, so a text costs
/// about one hash look-up per scalar at word starts, whatever the number of keys.
public struct ScalarTrie: Sendable {
    /// A node of the trie; the root is `ScalarTrie.root`.
    public typealias Node = Int32

    /// The root node.
    public static let root: Node = 0

    /// An edge: its key `(node << 21 | scalar) + 1` (0 for an empty slot) beside its target, so that
    /// a look-up that finds the key has the target in the same cache line.
    @usableFromInline
    struct Edge: Sendable {
        var key: UInt64
        var target: Node
    }

    /// Edges in an open-addressing table (linear probing, power-of-two size). Faster than
    /// `Dictionary` here, whose hashing is built for safety.
    private var edges: [Edge] = Array(repeating: Edge(key: 0, target: 0), count: 1024)
    private var edgeCount = 0
    private var values: [Int32] = [-1]

    /// An empty trie.
    public init() {}

    /// The number of nodes, the root included.
    public var nodeCount: Int { values.count }

    /// Adds a key with its value (a non-negative integer), replacing the value of an equal key.
    public mutating func insert(_ key: some Sequence<Unicode.Scalar>, value: Int) {
        precondition(value >= 0 && value <= Int(Int32.max), "ScalarTrie values are non-negative Int32")
        var node = Self.root
        for scalar in key {
            let edge = Self.edge(node, scalar)
            if let next = edgeTarget(edge) {
                node = next
            } else {
                let next = Node(values.count)
                values.append(-1)
                insertEdge(edge, next)
                node = next
            }
        }
        values[Int(node)] = Int32(value)
    }

    /// The node reached from `node` through `scalar`, if any key continues that way.
    @inlinable
    public func child(of node: Node, _ scalar: Unicode.Scalar) -> Node? {
        edgeTarget(Self.edge(node, scalar))
    }

    @usableFromInline
    func edgeTarget(_ edge: UInt64) -> Node? {
        let key = edge &+ 1
        let mask = edges.count &- 1
        var slot = Self.slot(key, mask)
        while true {
            let found = edges[slot]
            if found.key == key { return found.target }
            if found.key == 0 { return nil }
            slot = (slot &+ 1) & mask
        }
    }

    private mutating func insertEdge(_ edge: UInt64, _ target: Node) {
        if (edgeCount + 1) * 2 > edges.count { grow() }
        let key = edge &+ 1
        let mask = edges.count &- 1
        var slot = Self.slot(key, mask)
        while edges[slot].key != 0 { slot = (slot &+ 1) & mask }
        edges[slot] = Edge(key: key, target: target)
        edgeCount += 1
    }

    private mutating func grow() {
        let old = edges
        edges = Array(repeating: Edge(key: 0, target: 0), count: old.count * 2)
        let mask = edges.count &- 1
        for edge in old where edge.key != 0 {
            var slot = Self.slot(edge.key, mask)
            while edges[slot].key != 0 { slot = (slot &+ 1) & mask }
            edges[slot] = edge
        }
    }

    @inline(__always)
    @usableFromInline
    static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The value stored at `node`, when a key ends there.
    public func value(at node: Node) -> Int? {
        let value = values[Int(node)]
        return value < 0 ? nil : Int(value)
    }

    /// The value of a whole key, if it is in the trie.
    public func value(for key: some Sequence<Unicode.Scalar>) -> Int? {
        var node = Self.root
        for scalar in key {
            guard let next = child(of: node, scalar) else { return nil }
            node = next
        }
        return value(at: node)
    }

    /// Calls `body(end, value)` for every key that is a prefix of `scalars[start...]`, shortest first;
    /// `end` is the index just past the key.
    public func forEachPrefix(in scalars: [Unicode.Scalar], from start: Int, _ body: (Int, Int) -> Void) {
        var node = Self.root
        var index = start
        while index < scalars.count, let next = child(of: node, scalars[index]) {
            node = next
            index += 1
            let value = values[Int(node)]
            if value >= 0 { body(index, Int(value)) }
        }
    }

    @usableFromInline
    static func edge(_ node: Node, _ scalar: Unicode.Scalar) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 21 | UInt64(scalar.value)
    }
}
