internal import CLibPQ

extension Connection {
    /// Sends several statements at once and reads their results, in one round trip (libpq pipeline mode).
    /// They run in order; after one fails, the rest are not run, and the first error is thrown. Inside a
    /// transaction a failure leaves it aborted: roll back.
    @discardableResult
    public func pipeline(_ statements: [SQL]) throws -> [QueryResult] {
        guard PQenterPipelineMode(handle) == 1 else { throw connectionError() }
        defer { PQexitPipelineMode(handle) }
        for sql in statements {
            let count = sql.values.count
            let sent: Int32 = sql.types.withUnsafeBufferPointer { types in
                withCStrings(sql.values) { values in
                    PQsendQueryParams(handle, sql.text, Int32(count), count == 0 ? nil : types.baseAddress, values, nil, nil, 0)
                }
            }
            guard sent == 1 else { throw connectionError() }
        }
        guard PQpipelineSync(handle) == 1 else { throw connectionError() }

        var results: [QueryResult] = []
        var failure: PostgresError?
        for _ in statements {
            // Each statement's results end with a NULL.
            while let result = PQgetResult(handle) {
                defer { PQclear(result) }
                switch PQresultStatus(result) {
                case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
                    results.append(QueryResult(taking: result))
                case PGRES_PIPELINE_ABORTED:
                    continue
                default:
                    if failure == nil { failure = serverError(result) }
                }
            }
        }
        // Then the synchronisation point.
        while let result = PQgetResult(handle) {
            let status = PQresultStatus(result)
            PQclear(result)
            if status == PGRES_PIPELINE_SYNC { break }
        }
        if let failure { throw failure }
        return results
    }
}
