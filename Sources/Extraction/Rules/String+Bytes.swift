/// Byte-wise tests for the rules' hot paths: the lexicons and texts are NFC, so comparing UTF-8
/// bytes is exact and avoids `String`'s Unicode-aware comparison, which is slow on Linux.
extension StringProtocol {
    @inline(__always)
    func bytesHavePrefix(_ prefix: String) -> Bool {
        var a = utf8.makeIterator()
        for byte in prefix.utf8 {
            guard let next = a.next(), next == byte else { return false }
        }
        return true
    }

    @inline(__always)
    func bytesHaveSuffix(_ suffix: String) -> Bool {
        let mine = utf8
        let theirs = suffix.utf8
        let extra = mine.count - theirs.count
        guard extra >= 0 else { return false }
        return mine.dropFirst(extra).elementsEqual(theirs)
    }

    func bytesContain(_ needle: String) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { haystack in
            needle.utf8.withContiguousStorageIfAvailable { UnsafeBufferPointer.contains(haystack, $0) }
        }
        return (found ?? nil) ?? Array(utf8).containsBytes(needle)
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// True when `needle` occurs in `haystack`.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        let first = needle[0]
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}

extension Array where Element == UInt8 {
    /// True when the UTF-8 bytes of `needle` occur in the bytes.
    func containsBytes(_ needle: String) -> Bool {
        let found = withUnsafeBufferPointer { haystack in
            needle.utf8.withContiguousStorageIfAvailable { UnsafeBufferPointer.contains(haystack, $0) }
        }
        return found ?? containsBytes(Array(needle.utf8))
    }

    /// True when `needle` occurs in the bytes.
    func containsBytes(_ needle: [UInt8]) -> Bool {
        withUnsafeBufferPointer { haystack in needle.withUnsafeBufferPointer { UnsafeBufferPointer.contains(haystack, $0) } }
    }
}
