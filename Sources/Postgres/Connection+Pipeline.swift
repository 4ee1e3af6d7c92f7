internal import CLibPQ

/// Statements sent without waiting for their results (libpq pipeline mode): the server runs each while
/// the client prepares the next. Results are read at each ``sync()``. After a statement fails, the
/// server skips the rest up to the next sync, and `sync()` throws the first error; inside a transaction
/// that leaves it aborted: roll back.
public final class Pipeline {
    private let connection: Connection
    private var sent = 0

    fileprivate init(connection: Connection) throws {
        self.connection = connection
        guard PQenterPipelineMode(connection.handle) == 1 else { throw connection.connectionError() }
    }

    /// Sends a statement and flushes it to the server, which starts on it at once.
    public func send(_ sql: SQL) throws {
        let handle = connection.handle
        let accepted = sql.withParameters { bound in
            PQsendQueryParams(handle, sql.text, bound.count, bound.types, bound.values, bound.lengths, bound.formats, 0)
        }
        guard accepted == 1, PQflush(handle) == 0 else { throw connection.connectionError() }
        sent += 1
    }

    /// Waits for every statement sent since the last sync and returns their results, in order.
    @discardableResult
    public func sync() throws -> [QueryResult] {
        guard sent > 0 else { return [] }  // nothing to wait for: no round trip
        let handle = connection.handle
        guard PQpipelineSync(handle) == 1 else { throw connection.connectionError() }
        var results: [QueryResult] = []
        var failure: PostgresError?
        for _ in 0..<sent {
            // Each statement's results end with a NULL.
            while let result = PQgetResult(handle) {
                defer { PQclear(result) }
                switch PQresultStatus(result) {
                case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
                    results.append(QueryResult(taking: result))
                case PGRES_PIPELINE_ABORTED:
                    continue
                default:
                    if failure == nil { failure = connection.serverError(result) }
                }
            }
        }
        sent = 0
        // Then the synchronisation point.
        while let result = PQgetResult(handle) {
            let status = PQresultStatus(result)
            PQclear(result)
            if status == PGRES_PIPELINE_SYNC { break }
        }
        if let failure { throw failure }
        return results
    }

    /// Sends a query and returns its result (and those of the statements sent before it).
    public func query(_ sql: SQL) throws -> QueryResult {
        try send(sql)
        return try sync().last!
    }

    fileprivate func end() {
        if sent > 0 { _ = try? sync() }
        PQexitPipelineMode(connection.handle)
    }
}

extension Connection {
    /// Runs `body` with the connection in pipeline mode; what it sent and did not sync is synced at the end.
    public func pipelined<T>(_ body: (Pipeline) throws -> T) throws -> T {
        let pipeline = try Pipeline(connection: self)
        do {
            let value = try body(pipeline)
            try pipeline.sync()
            pipeline.end()
            return value
        } catch {
            pipeline.end()
            throw error
        }
    }

    /// Sends several statements at once and reads their results, in one round trip.
    @discardableResult
    public func pipeline(_ statements: [SQL]) throws -> [QueryResult] {
        try pipelined { pipeline in
            for sql in statements { try pipeline.send(sql) }
            return try pipeline.sync()
        }
    }
}
