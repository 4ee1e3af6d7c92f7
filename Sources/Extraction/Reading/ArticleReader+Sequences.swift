import Foundation

/// The articles of one file, read when iterated: a `.txt` or `.json` file whole (it is at most
/// `maxBytes`), a `.jsonl` file line by line.
public struct FileArticles: Sequence, Sendable {
    let reader: ArticleReader
    let path: String

    public struct Iterator: IteratorProtocol {
        private enum State {
            case start
            case queued([Result<ArticleInput, InputError>])
            case lines(JSONLArticles<FileChunks>)
        }

        private let reader: ArticleReader
        private let path: String
        private var state = State.start

        init(reader: ArticleReader, path: String) {
            self.reader = reader
            self.path = path
        }

        public mutating func next() -> Result<ArticleInput, InputError>? {
            while true {
                switch state {
                case .start:
                    state = open()
                case .queued(var items):
                    guard !items.isEmpty else { return nil }
                    let first = items.removeFirst()
                    state = .queued(items)
                    return first
                case .lines(var lines):
                    let item = lines.next()
                    state = .lines(lines)
                    return item
                }
            }
        }

        private func open() -> State {
            let manager = FileManager.default
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                return .queued([.failure(InputError(source: path, code: .missingPath, message: "no such file or directory"))])
            }
            guard !isDirectory.boolValue else {
                return .queued([.failure(InputError(source: path, code: .unreadable, message: "is a folder, not a file"))])
            }
            let ext = ArticleReader.fileExtension(path)
            guard ArticleReader.extensions.contains(ext) else {
                return .queued([.failure(ArticleReader.unknownExtension(path))])
            }
            if ext == "jsonl" {
                guard let handle = FileHandle(forReadingAtPath: path) else {
                    return .queued([.failure(InputError(source: path, code: .unreadable, message: "cannot be read (permission denied?)"))])
                }
                let lines = JSONLines(chunks: FileChunks(handle: handle), maxBytes: reader.maxBytes)
                return .lines(JSONLArticles(source: path, lines: lines, reader: reader))
            }
            let size = (try? manager.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
            guard size <= reader.maxBytes else {
                return .queued([.failure(reader.tooLarge(source: path, line: nil, bytes: size, what: "file"))])
            }
            guard let data = manager.contents(atPath: path) else {
                return .queued([.failure(InputError(source: path, code: .unreadable, message: "cannot be read (permission denied?)"))])
            }
            guard data.count <= reader.maxBytes else {
                return .queued([.failure(reader.tooLarge(source: path, line: nil, bytes: data.count, what: "file"))])
            }
            if ext == "txt" { return .queued(reader.readText(data, source: path)) }
            return .queued(reader.readJSON(data, source: path, line: nil))
        }
    }

    public func makeIterator() -> Iterator { Iterator(reader: reader, path: path) }
}

/// Every article under a list of paths, read when iterated, one file at a time.
public struct ArticleStream: Sequence, Sendable {
    let reader: ArticleReader
    /// The input files (or the errors standing for bad paths), in reading order.
    public let files: [Result<String, InputError>]

    public struct Iterator: IteratorProtocol {
        private let reader: ArticleReader
        private var files: IndexingIterator<[Result<String, InputError>]>
        private var current: FileArticles.Iterator?

        init(reader: ArticleReader, files: [Result<String, InputError>]) {
            self.reader = reader
            self.files = files.makeIterator()
        }

        public mutating func next() -> Result<ArticleInput, InputError>? {
            while true {
                if var iterator = current {
                    let item = iterator.next()
                    current = iterator
                    if let item { return item }
                    current = nil
                }
                guard let file = files.next() else { return nil }
                switch file {
                case .failure(let error): return .failure(error)
                case .success(let path): current = reader.articles(in: path).makeIterator()
                }
            }
        }
    }

    public func makeIterator() -> Iterator { Iterator(reader: reader, files: files) }
}
