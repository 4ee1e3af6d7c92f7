internal import CLibPQ

/// Builds the rows of a `COPY ... FROM STDIN` in PostgreSQL's text format, escaping every value.
public struct CopyRowWriter {
    var buffer: [UInt8] = []
    var rows = 0
    private var fieldCount = 0

    init() {
        buffer.reserveCapacity(1 << 20)
    }

    /// Adds a field to the current row; nil is NULL.
    public mutating func field(_ text: String?) {
        if fieldCount > 0 { buffer.append(0x09) }
        fieldCount += 1
        guard let text else {
            buffer.append(contentsOf: [0x5C, 0x4E])  // \N
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
            case 0x09: buffer.append(contentsOf: [0x5C, 0x74])
            case 0x0A: buffer.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: buffer.append(contentsOf: [0x5C, 0x72])
            default: buffer.append(byte)
            }
        }
    }

    /// Adds an encodable value as a field.
    public mutating func field(_ value: some PostgresEncodable) {
        field(value.postgresText)
    }

    /// Ends the current row.
    public mutating func endRow() {
        buffer.append(0x0A)
        fieldCount = 0
        rows += 1
    }
}

extension Connection {
    /// Runs a `COPY table (columns) FROM STDIN` statement (text format) and streams the rows `body` writes.
    /// Returns the number of rows copied. The statement text must be trusted SQL written in code.
    @discardableResult
    public func copyIn(_ statement: String, rows body: (inout CopyRowWriter) throws -> Void) throws -> Int {
        var writer = CopyRowWriter()
        try body(&writer)
        return try copyIn(statement, data: writer.buffer)
    }

    /// Sends COPY data already in text format.
    @discardableResult
    public func copyIn(_ statement: String, data: [UInt8]) throws -> Int {
        guard let start = PQexec(handle, statement) else { throw connectionError() }
        let status = PQresultStatus(start)
        if status != PGRES_COPY_IN {
            defer { PQclear(start) }
            try check(start)
            throw PostgresError(code: .protocolViolation, message: "statement did not start COPY FROM STDIN")
        }
        PQclear(start)
        let chunk = 1 << 18
        var offset = 0
        var sendFailed = false
        data.withUnsafeBufferPointer { bytes in
            while offset < bytes.count {
                let length = min(chunk, bytes.count - offset)
                let sent = bytes.baseAddress!.advanced(by: offset).withMemoryRebound(to: CChar.self, capacity: length) {
                    PQputCopyData(handle, $0, Int32(length))
                }
                if sent != 1 {
                    sendFailed = true
                    return
                }
                offset += length
            }
        }
        if sendFailed || PQputCopyEnd(handle, nil) != 1 { throw connectionError() }
        var copied = 0
        var failure: PostgresError?
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            if PQresultStatus(result) == PGRES_COMMAND_OK {
                copied = Int(String(cString: PQcmdTuples(result))) ?? 0
            } else if failure == nil {
                failure = serverError(result)
            }
        }
        if let failure { throw failure }
        return copied
    }
}
