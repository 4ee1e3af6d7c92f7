internal import CLibPQ

/// The rows a statement returned, copied out of libpq's result (which is freed at once).
public struct QueryResult: Sendable, RandomAccessCollection {
    /// Column names in order.
    public let columns: [String]
    /// Rows affected, from the command tag (INSERT/UPDATE/DELETE/COPY), else 0.
    public let affectedRows: Int
    private let cells: [String?]

    init(columns: [String], cells: [String?], affectedRows: Int) {
        self.columns = columns
        self.cells = cells
        self.affectedRows = affectedRows
    }

    init(taking result: OpaquePointer) {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        var columns: [String] = []
        columns.reserveCapacity(columnCount)
        for column in 0..<columnCount {
            columns.append(String(cString: PQfname(result, Int32(column))))
        }
        var cells: [String?] = []
        cells.reserveCapacity(rowCount * columnCount)
        for row in 0..<rowCount {
            for column in 0..<columnCount {
                if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
                    cells.append(nil)
                } else {
                    let length = Int(PQgetlength(result, Int32(row), Int32(column)))
                    let pointer = PQgetvalue(result, Int32(row), Int32(column))!
                    let buffer = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: length)
                    cells.append(String(decoding: buffer, as: UTF8.self))
                }
            }
        }
        let tag = String(cString: PQcmdTuples(result))
        self.init(columns: columns, cells: cells, affectedRows: Int(tag) ?? 0)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { columns.isEmpty ? 0 : cells.count / columns.count }

    public subscript(position: Int) -> Row {
        Row(result: self, index: position)
    }

    /// The index of a column by name.
    public func column(named name: String) -> Int? {
        columns.firstIndex(of: name)
    }

    fileprivate func cell(row: Int, column: Int) -> String? {
        cells[row * columns.count + column]
    }

    /// One row of a result.
    public struct Row: Sendable {
        let result: QueryResult
        let index: Int

        /// The raw text of a column, nil for NULL.
        public subscript(column: Int) -> String? {
            result.cell(row: index, column: column)
        }

        /// The raw text of a column by name, nil for NULL or an unknown column.
        public subscript(name: String) -> String? {
            guard let column = result.column(named: name) else { return nil }
            return result.cell(row: index, column: column)
        }

        /// A column decoded as `T`; throws for NULL or a value that does not fit.
        public func decode<T: PostgresDecodable>(_ column: Int, as type: T.Type = T.self) throws -> T {
            guard let text = self[column] else {
                throw PostgresError(code: .decoding, message: "column \(result.columns[column]) is NULL, expected \(T.self)")
            }
            guard let value = T(postgresText: text) else {
                throw PostgresError(code: .decoding, message: "column \(result.columns[column]) holds '\(text.prefix(40))', not a \(T.self)")
            }
            return value
        }

        /// A column by name decoded as `T`.
        public func decode<T: PostgresDecodable>(_ name: String, as type: T.Type = T.self) throws -> T {
            guard let column = result.column(named: name) else {
                throw PostgresError(code: .decoding, message: "no column named \(name)")
            }
            return try decode(column, as: type)
        }

        /// A nullable column decoded as `T?`.
        public func decodeIfPresent<T: PostgresDecodable>(_ name: String, as type: T.Type = T.self) throws -> T? {
            guard let column = result.column(named: name) else {
                throw PostgresError(code: .decoding, message: "no column named \(name)")
            }
            guard self[column] != nil else { return nil }
            return try decode(column, as: type)
        }
    }
}
