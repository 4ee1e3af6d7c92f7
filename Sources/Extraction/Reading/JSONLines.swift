import Foundation

/// Splits a stream of byte chunks into lines without holding more than one line (at most
/// `maxBytes`) in memory; a longer line is skipped and reported with its length.
struct JSONLines<Chunks: IteratorProtocol<Data>>: IteratorProtocol {
    enum Item {
        /// A line's bytes, without its line end (LF or CRLF).
        case line(Int, [UInt8])
        /// A line over the limit, with its length in bytes.
        case tooLong(Int, Int)
    }

    private var chunks: Chunks
    private let maxBytes: Int
    private var pending: [UInt8] = []
    private var pendingIsTooLong = false
    private var pendingLength = 0
    private var chunk: Data = Data()
    private var position = 0
    private var lineNumber = 0
    private var finished = false

    init(chunks: Chunks, maxBytes: Int) {
        self.chunks = chunks
        self.maxBytes = maxBytes
    }

    mutating func next() -> Item? {
        while true {
            if position >= chunk.count {
                guard !finished, let next = chunks.next(), !next.isEmpty else {
                    finished = true
                    guard pendingLength > 0 else { return nil }
                    return takeLine()
                }
                chunk = next
                position = 0
            }
            let start = chunk.startIndex + position
            let newline = chunk[start...].firstIndex(of: 0x0A)
            let end = newline ?? chunk.endIndex
            let count = end - start
            pendingLength += count
            if pendingLength > maxBytes {
                pendingIsTooLong = true
                pending.removeAll()
            } else if count > 0 {
                pending.append(contentsOf: chunk[start..<end])
            }
            position += count
            if newline != nil {
                position += 1
                return takeLine()
            }
        }
    }

    private mutating func takeLine() -> Item {
        lineNumber += 1
        defer {
            pending.removeAll(keepingCapacity: true)
            pendingIsTooLong = false
            pendingLength = 0
        }
        if pendingIsTooLong { return .tooLong(lineNumber, pendingLength) }
        if pending.last == 0x0D { pending.removeLast() }
        return .line(lineNumber, pending)
    }
}

/// Reads a file in 64 KB chunks, closing it at the end.
struct FileChunks: IteratorProtocol {
    private var handle: FileHandle?

    init(handle: FileHandle) {
        self.handle = handle
    }

    mutating func next() -> Data? {
        guard let current = handle else { return nil }
        if let data = try? current.read(upToCount: 1 << 16), !data.isEmpty { return data }
        try? current.close()
        handle = nil
        return nil
    }
}

/// The articles of a JSONL stream, one per non-blank line.
struct JSONLArticles<Chunks: IteratorProtocol<Data>>: IteratorProtocol {
    let source: String
    var lines: JSONLines<Chunks>
    let reader: ArticleReader
    private var queued: [Result<ArticleInput, InputError>] = []
    private var sawLine = false

    init(source: String, lines: JSONLines<Chunks>, reader: ArticleReader) {
        self.source = source
        self.lines = lines
        self.reader = reader
    }

    mutating func next() -> Result<ArticleInput, InputError>? {
        while queued.isEmpty {
            guard let item = lines.next() else {
                if !sawLine {
                    sawLine = true
                    return .failure(InputError(source: source, code: .empty, message: "empty file (no JSON lines)"))
                }
                return nil
            }
            switch item {
            case .tooLong(let number, let length):
                sawLine = true
                return .failure(reader.tooLarge(source: source, line: number, bytes: length, what: "line"))
            case .line(let number, let bytes):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                sawLine = true
                queued = reader.readJSON(bytes, source: source, line: number)
            }
        }
        return queued.removeFirst()
    }
}
