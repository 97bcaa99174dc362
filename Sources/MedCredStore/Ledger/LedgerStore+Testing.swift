import GRDB

extension LedgerStore {
    /// Runs `sql` on the database file at `path` with no checks, so tests can damage a log on purpose.
    ///
    /// Only tests call this: it is how the integrity checks are shown to catch a bad row.
    package static func executeRawSQLForTesting(path: String, sql: String) throws {
        try DurableDatabase.executeRawSQL(path: path, sql: sql)
    }

    /// The writer connection's `journal_mode` and `synchronous` (2 is FULL), to show appends are made durable.
    package func writerDurabilityForTesting() async throws -> (journalMode: String, synchronous: Int) {
        try await DurableDatabase.writerDurability(of: pool)
    }
}
