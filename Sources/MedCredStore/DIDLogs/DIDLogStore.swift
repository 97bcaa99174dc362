import GRDB

/// The `did.jsonl` lines (and `did-witness.json`) of every did:webvh DID MedCred hosts, in SQLite, each line
/// with the ledger leaf index it was anchored at (DESIGN.md, "Identifiers" → Anchoring).
///
/// Writes are durable before they return (WAL, `synchronous=FULL`); readers never wait for the writer. The store
/// only keeps lines in sequence: checking that they form a valid did:webvh log is the service's job.
public final class DIDLogStore: Sendable {
    let pool: DatabasePool

    /// Opens (creating if needed) the DID log database at `path`.
    /// - Parameter path: the SQLite file; a file of its own, apart from the ledger.
    /// - Throws: ``StoreError/sqlite(code:message:)``.
    public init(path: String) throws {
        pool = try StoreError.mapping { try DurableDatabase.open(path: path, migrator: DIDLogSchema.migrator) }
    }

    /// Closes the database; later calls fail with ``StoreError/sqlite(code:message:)``.
    public func close() throws {
        try StoreError.mapping { try pool.close() }
    }

    /// The stored lines of the DID with `scid`, oldest first; empty when MedCred does not host it.
    public func records(scid: String) async throws -> [DIDLogRecord] {
        try await StoreError.mapping { try await pool.read { db in try DIDLogSchema.records(db, scid: scid) } }
    }

    /// The stored `did-witness.json` of the DID with `scid`, or `nil`.
    public func witnessText(scid: String) async throws -> String? {
        try await StoreError.mapping { try await pool.read { db in try DIDLogSchema.witness(db, scid: scid) } }
    }

    /// Adds the next line of a DID's log and, in the same transaction, replaces its witness file.
    /// - Parameters:
    ///   - record: the line; its version number must be one more than the stored count.
    ///   - witnessText: the new `did-witness.json`, or `nil` to keep none.
    /// - Throws: ``DIDLogStoreError/versionOutOfSequence(scid:expected:actual:)`` or
    ///   ``StoreError/sqlite(code:message:)``.
    public func append(_ record: DIDLogRecord, witnessText: String?) async throws {
        try await StoreError.mapping {
            try await pool.write { db in
                let expected = try DIDLogSchema.count(db, scid: record.scid) + 1
                guard record.versionNumber == expected else {
                    throw DIDLogStoreError.versionOutOfSequence(
                        scid: record.scid, expected: expected, actual: record.versionNumber)
                }
                try DIDLogSchema.insert(db, record)
                try DIDLogSchema.setWitness(db, scid: record.scid, text: witnessText)
            }
        }
    }

    /// Runs `sql` on the database file at `path` with no checks, so tests can damage stored lines on purpose.
    package static func executeRawSQLForTesting(path: String, sql: String) throws {
        try DurableDatabase.executeRawSQL(path: path, sql: sql)
    }

    /// The writer connection's `journal_mode` and `synchronous` (2 is FULL).
    package func writerDurabilityForTesting() async throws -> (journalMode: String, synchronous: Int) {
        try await DurableDatabase.writerDurability(of: pool)
    }
}
