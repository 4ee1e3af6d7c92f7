import ArgumentParser
import Extraction
import Foundation
import Postgres
import Queries
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Buffered standard output for commands that print many lines.
final class StandardOutput {
    private var buffer: [UInt8] = []

    init() {
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes text as is, without a line break.
    func write(raw text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(1, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}

/// Set when SIGINT or SIGTERM arrives, so long-running commands can finish cleanly and exit 0.
final class StopSignal: Sendable {
    private let stopped = Atomic<Bool>(false)
    // Dispatch signal sources must stay alive while the command runs.
    nonisolated(unsafe) private var sources: [any DispatchSourceSignal] = []

    init() {
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.stopped.store(true, ordering: .relaxed) }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    var isStopped: Bool { stopped.load(ordering: .relaxed) }
}

/// Prints a value as one line of JSON to standard output, keys sorted, slashes left as they are.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// Runs a read-model query; what it does not find (a `QueryError`) fails as a user's mistake, with its message.
func query<T: Sendable>(on handle: ConnectionHandle, _ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
    do {
        return try await handle.withConnection(body)
    } catch let error as QueryError {
        throw ValidationError(error.message)
    }
}

/// Escapes a string as a JSON string literal.
func jsonString(_ string: String) -> String {
    ExtractionJSON.string(string)
}

/// Display width of a string in a terminal, counting East Asian wide characters as two cells.
func displayWidth(_ string: String) -> Int {
    string.unicodeScalars.reduce(0) { total, scalar in
        let v = scalar.value
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v)
        return total + (wide ? 2 : 1)
    }
}

/// Pads columns so a table lines up (counting East Asian wide characters as two cells).
func renderTable(header: [String], rows: [[String]]) -> String {
    let width = displayWidth
    let all = [header] + rows
    var widths = Array(repeating: 0, count: header.count)
    for row in all {
        for (index, cell) in row.enumerated() where index < widths.count {
            widths[index] = max(widths[index], width(cell))
        }
    }
    return all.map { row in
        row.enumerated().map { index, cell in
            index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - width(cell))
        }.joined(separator: "  ")
    }.joined(separator: "\n")
}

/// Output formats of commands that print records.
enum RecordFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, table
}

/// Output formats of commands that print one document.
enum DocumentFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// Reads a file (or stdin for "-") line by line without loading it whole.
final class LineReader {
    private let file: UnsafeMutablePointer<FILE>
    private let ownsFile: Bool
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0

    init?(path: String) {
        if path == "-" {
            file = fdopen(0, "r")
            ownsFile = false
        } else {
            guard let opened = fopen(path, "r") else { return nil }
            file = opened
            ownsFile = true
        }
    }

    /// The next line without its line end, or nil at the end.
    func next() -> String? {
        let length = getline(&buffer, &capacity, file)
        guard length >= 0, let buffer else { return nil }
        var count = length
        while count > 0, buffer[count - 1] == 0x0A || buffer[count - 1] == 0x0D { count -= 1 }
        return buffer.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
    }

    deinit {
        free(buffer)
        if ownsFile { fclose(file) }
    }
}
