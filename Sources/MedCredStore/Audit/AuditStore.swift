import GRDB

/// The hash-chained audit log in its own SQLite file, `audit.sqlite` (issue #5, "Everywhere").
///
/// The store keeps rows in sequence and durable (WAL, `synchronous=FULL`, one transaction per batch); computing
/// and checking the hash chain and its ledger anchors is the service's job.
public final class AuditStore: Sendable {
    let pool: DatabasePool

    /// Opens (creating if needed) the audit database at `path`.
    /// - Throws: ``StoreError/sqlite(code:message:)``.
    public init(path: String) throws {
        pool = try StoreError.mapping { try DurableDatabase.open(path: path, migrator: AuditSchema.migrator) }
    }

    /// Closes the database; later calls fail with ``StoreError/sqlite(code:message:)``.
    public func close() throws {
        try StoreError.mapping { try pool.close() }
    }

    /// The last stored entry, or `nil` for an empty log; synchronous, so the log can resume while it opens.
    public func head() throws -> AuditRecord? {
        try StoreError.mapping { try pool.read { db in try AuditSchema.head(db) } }
    }

    /// The last entry that has a ledger anchor, or `nil`.
    public func latestAnchored() throws -> AuditRecord? {
        try StoreError.mapping { try pool.read { db in try AuditSchema.latestAnchored(db) } }
    }

    /// Up to `limit` entries with a sequence above `sequence`, in order.
    public func records(after sequence: UInt64, limit: Int) async throws -> [AuditRecord] {
        try await StoreError.mapping {
            try await pool.read { db in try AuditSchema.records(db, after: sequence, limit: max(0, limit)) }
        }
    }

    /// Appends consecutive entries in one transaction; the first must follow the stored head.
    /// - Throws: ``AuditStoreError/sequenceOutOfOrder(expected:actual:)`` or ``StoreError/sqlite(code:message:)``.
    public func append(_ records: [AuditRecord]) async throws {
        guard let first = records.first else { return }
        try await StoreError.mapping {
            try await pool.write { db in
                let expected = (try AuditSchema.head(db)?.sequence ?? 0) + 1
                guard first.sequence == expected else {
                    throw AuditStoreError.sequenceOutOfOrder(expected: expected, actual: first.sequence)
                }
                for record in records { try AuditSchema.insert(db, record) }
            }
        }
    }

    /// Records that the entry `sequence` was anchored as the chain head at ledger leaf `ledgerIndex`.
    /// - Throws: ``AuditStoreError/entryMissing(sequence:)`` or ``StoreError/sqlite(code:message:)``.
    public func setLedgerIndex(_ ledgerIndex: UInt64, sequence: UInt64) async throws {
        try await StoreError.mapping {
            try await pool.write { db in
                try db.execute(
                    sql: "UPDATE audit_entry SET ledger_index = ? WHERE sequence = ?",
                    arguments: [Int64(clamping: ledgerIndex), Int64(clamping: sequence)])
                guard db.changesCount > 0 else { throw AuditStoreError.entryMissing(sequence: sequence) }
            }
        }
    }

    /// Runs `sql` on the database file at `path` with no checks, so tests can damage stored rows on purpose.
    package static func executeRawSQLForTesting(path: String, sql: String) throws {
        try DurableDatabase.executeRawSQL(path: path, sql: sql)
    }
}
