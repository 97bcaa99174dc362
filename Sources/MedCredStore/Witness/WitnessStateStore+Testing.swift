import GRDB

extension WitnessStateStore {
    /// The writer connection's `journal_mode` and `synchronous` (2 is FULL), to show updates are made durable.
    package func writerDurabilityForTesting() async throws -> (journalMode: String, synchronous: Int) {
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
