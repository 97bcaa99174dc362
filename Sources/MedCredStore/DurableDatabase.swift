import GRDB

/// Opens SQLite the way every MedCred store needs it, so the durability settings live in one place.
///
/// WAL lets readers run beside the one writer; `synchronous=FULL` makes every commit's WAL frames reach the
/// disk before the commit returns, so what a store acknowledged survives power loss as well as a crash.
/// FULL is set on the writer after the pool opens: `DatabasePool` sets NORMAL when it turns WAL on, after
/// `prepareDatabase` has run, so setting it there does not stick.
enum DurableDatabase {
    /// Opens (creating if needed) the database at `path` in WAL mode with `synchronous=FULL`, migrated.
    static func open(path: String, migrator: DatabaseMigrator) throws -> DatabasePool {
        let pool = try DatabasePool(path: path)
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try migrator.migrate(pool)
        return pool
    }

    /// Runs `sql` on the database file at `path` with no checks, so tests can damage stored rows on purpose.
    static func executeRawSQL(path: String, sql: String) throws {
        try StoreError.mapping {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: sql) }
            try queue.close()
        }
    }

    /// The writer connection's `journal_mode` and `synchronous` (2 is FULL).
    static func writerDurability(of pool: DatabasePool) async throws -> (journalMode: String, synchronous: Int) {
        try await StoreError.mapping {
            try await pool.writeWithoutTransaction { db in
                (
                    try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "",
                    try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
                )
            }
        }
    }
}
