import GRDB

extension WitnessStateStore {
    /// The writer connection's `journal_mode` and `synchronous` (2 is FULL), to show updates are made durable.
    package func writerDurabilityForTesting() async throws -> (journalMode: String, synchronous: Int) {
        try await DurableDatabase.writerDurability(of: pool)
    }
}
