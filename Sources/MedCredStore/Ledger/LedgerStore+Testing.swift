import GRDB

extension LedgerStore {
    /// Runs `sql` on the database file at `path` with no checks, so tests can damage a log on purpose.
    ///
    /// Only tests call this: it is how the integrity checks are shown to catch a bad row.
    package static func executeRawSQLForTesting(path: String, sql: String) throws {
        try StoreError.mapping {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: sql) }
            try queue.close()
        }
    }
}
