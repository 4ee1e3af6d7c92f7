public import Foundation

/// Files to articles: `.txt` (the text), `.json` (one article envelope, or trafilatura's JSON) and
/// `.jsonl` (one envelope per line), from files, folders (recursively) or standard input.
///
/// Every problem comes back as an `InputError` value naming the file (and line), never a crash,
/// and reading streams: folders are walked for paths only, files are read one at a time, and a
/// JSONL file is read line by line, so a corpus of any size never sits in memory whole.
public struct ArticleReader: Sendable {
    /// The file extensions read (lowercase, without the dot).
    public static let extensions: Set<String> = ["txt", "json", "jsonl"]

    /// The largest file (`.txt`, `.json`) or JSONL line read, in bytes.
    public var maxBytes: Int

    /// A reader refusing files (and JSONL lines) larger than `maxBytes`.
    public init(maxBytes: Int = 5 * 1024 * 1024) {
        self.maxBytes = maxBytes
    }

    /// Every input file under the paths, in the order given; a folder's files (`.txt`, `.json`,
    /// `.jsonl`, hidden ones skipped) sorted by path. A missing path, or a file named explicitly
    /// with another extension, comes back as an error in its place.
    public func files(for paths: [String]) -> [Result<String, InputError>] {
        var out: [Result<String, InputError>] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                out.append(.failure(InputError(source: path, code: .missingPath, message: "no such file or directory")))
                continue
            }
            if isDirectory.boolValue {
                var found: [String] = []
                walk(folder: path, into: &found, manager: manager)
                out.append(contentsOf: found.sorted().map { .success($0) })
            } else if Self.extensions.contains(Self.fileExtension(path)) {
                out.append(.success(path))
            } else {
                out.append(.failure(Self.unknownExtension(path)))
            }
        }
        return out
    }

    /// Every article under the paths, lazily: files are opened one at a time as the sequence is iterated.
    public func articles(for paths: [String]) -> ArticleStream {
        ArticleStream(reader: self, files: files(for: paths))
    }

    /// The articles of one file, lazily (a JSONL file is read line by line).
    public func articles(in file: String) -> FileArticles {
        FileArticles(reader: self, path: file)
    }

    /// The articles of one file (one for `.txt` / `.json`, one per line for `.jsonl`), with an
    /// error in place of each that could not be read. A bad `published` value gives a warning
    /// (`InputError.articleKept`) followed by the article.
    public func read(file: String) -> [Result<ArticleInput, InputError>] {
        Array(articles(in: file))
    }

    /// Articles from standard input: JSON (one object) or JSONL when the first non-space
    /// character is `{`, plain text otherwise.
    public func read(stdin data: Data) -> [Result<ArticleInput, InputError>] {
        let source = "-"
        guard data.count <= maxBytes || firstNonSpace(data) == UInt8(ascii: "{") else {
            return [.failure(tooLarge(source: source, line: nil, bytes: data.count, what: "input"))]
        }
        guard firstNonSpace(data) == UInt8(ascii: "{") else {
            return readText(data, source: source)
        }
        // One object (possibly pretty-printed) or JSON lines: a whole that parses is one article;
        // otherwise JSONL when its first line is an object by itself.
        if data.count <= maxBytes, (try? JSONSerialization.jsonObject(with: data)) is [String: Any] {
            return readJSON(data, source: source, line: nil)
        }
        var lines = JSONLines(chunks: [data].makeIterator(), maxBytes: maxBytes)
        if let first = lines.next(), case .line(_, let bytes) = first,
           (try? JSONSerialization.jsonObject(with: Data(bytes))) is [String: Any] {
            var iterator = JSONLArticles(source: source, lines: JSONLines(chunks: [data].makeIterator(), maxBytes: maxBytes), reader: self)
            return Array(AnyIterator { iterator.next() })
        }
        guard data.count <= maxBytes else {
            return [.failure(tooLarge(source: source, line: nil, bytes: data.count, what: "input"))]
        }
        return readJSON(data, source: source, line: nil)
    }

    // MARK: - Internals shared with the sequences

    func readText(_ data: Data, source: String) -> [Result<ArticleInput, InputError>] {
        switch InputDecoding.decode(data) {
        case .failure(let failure):
            return [.failure(InputError(source: source, code: failure.code, message: failure.message))]
        case .success(let text):
            let original = InputDecoding.normaliseLineEnds(text)
            guard !InputDecoding.isBlank(original) else {
                return [.failure(InputError(source: source, code: .empty, message: "empty file (only white space)"))]
            }
            return [.success(ArticleInput(source: source, text: original))]
        }
    }

    func readJSON(_ bytes: some Collection<UInt8>, source: String, line: Int?) -> [Result<ArticleInput, InputError>] {
        let what = line == nil ? "file" : "line"
        if case .failure(let failure) = InputDecoding.decode(bytes, what: what) {
            return [.failure(InputError(source: source, line: line, code: failure.code, message: failure.message))]
        }
        var data = Data(bytes)
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }  // JSONSerialization refuses a BOM
        switch ArticleEnvelope.parse(data, source: source, line: line) {
        case .failure(let failure):
            return [.failure(InputError(source: source, line: line, code: failure.code, message: failure.message))]
        case .success(let parsed):
            var out: [Result<ArticleInput, InputError>] = []
            if let warning = parsed.warning {
                out.append(.failure(InputError(source: source, line: line, code: warning.code, message: warning.message)))
            }
            out.append(.success(parsed.article))
            return out
        }
    }

    func tooLarge(source: String, line: Int?, bytes: Int?, what: String) -> InputError {
        let size = bytes.map { InputDecoding.size($0) + ", " } ?? ""
        return InputError(
            source: source, line: line, code: .tooLarge,
            message: "\(what) too large (\(size)over the \(InputDecoding.size(maxBytes)) limit)"
        )
    }

    /// The error for a file named with an extension that is not read.
    static func unknownExtension(_ path: String) -> InputError {
        let ext = fileExtension(path)
        let shown = ext.isEmpty ? "no extension" : "unknown extension \".\(ext)\""
        return InputError(source: path, code: .unknownExtension, message: "\(shown) (expected .txt, .json or .jsonl)")
    }

    static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    private func walk(folder: String, into found: inout [String], manager: FileManager) {
        guard let names = try? manager.contentsOfDirectory(atPath: folder) else { return }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        for name in names where !name.hasPrefix(".") {
            let path = prefix + name
            let type = (try? manager.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
            if type == .typeDirectory {
                walk(folder: path, into: &found, manager: manager)  // symbolic links to folders are not followed
            } else if Self.extensions.contains(Self.fileExtension(name)) {
                found.append(path)
            }
        }
    }

    private func firstNonSpace(_ data: Data) -> UInt8? {
        var index = data.startIndex
        // Skip a UTF-8 BOM, then ASCII white space.
        if data.count >= 3, data[index] == 0xEF, data[index + 1] == 0xBB, data[index + 2] == 0xBF { index += 3 }
        while index < data.endIndex {
            let byte = data[index]
            if byte != 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return byte }
            index += 1
        }
        return nil
    }
}
