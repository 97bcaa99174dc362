import Foundation
import GRDB
public import MedCredLedger

/// The witness's latest cosigned checkpoint per log, in SQLite (C2SP tlog-witness, https://c2sp.org/tlog-witness).
///
/// Updates are compare-and-set inside one write transaction, so two requests decided on the same state cannot
/// both advance it (the rollback race the spec describes). Commits are durable before they return (WAL,
/// `synchronous=FULL`): the witness persists a checkpoint before it answers with the cosignature.
public final class WitnessStateStore: WitnessStateStorage {
    let pool: DatabasePool

    /// Opens (creating if needed) the witness database at `path`.
    /// - Parameter path: the SQLite file.
    /// - Throws: ``StoreError/sqlite(code:message:)``.
    public init(path: String) throws {
        pool = try StoreError.mapping { try DurableDatabase.open(path: path, migrator: WitnessSchema.migrator) }
    }

    /// Closes the database; later calls fail with ``StoreError/sqlite(code:message:)``.
    public func close() throws {
        try StoreError.mapping { try pool.close() }
    }

    /// The latest cosigned record for a log, or `nil`.
    /// - Parameter origin: the log's origin line.
    /// - Returns: the record.
    /// - Throws: ``WitnessStoreError/recordInvalid(origin:)`` or ``StoreError/sqlite(code:message:)``.
    public func record(origin: String) async throws -> WitnessRecord? {
        try await StoreError.mapping { try await pool.read { db in try WitnessSchema.record(db, origin: origin) } }
    }

    /// The latest cosigned record for the log whose origin has this SHA-256 hash, or `nil`.
    /// - Parameter originHash: SHA-256 of the origin line.
    /// - Returns: the record.
    /// - Throws: ``WitnessStoreError/recordInvalid(origin:)`` or ``StoreError/sqlite(code:message:)``.
    public func record(originHash: [UInt8]) async throws -> WitnessRecord? {
        try await StoreError.mapping {
            try await pool.read { db in try WitnessSchema.record(db, originHash: originHash) }
        }
    }

    /// Stores `new` only if the stored record for its origin is still `expected` (same size, root and note).
    /// - Parameters:
    ///   - expected: the record the witness decided on, `nil` when it had none.
    ///   - new: the record to store.
    /// - Returns: false, storing nothing, when the stored record is no longer `expected`.
    /// - Throws: ``WitnessStoreError/recordInvalid(origin:)`` or ``StoreError/sqlite(code:message:)``.
    public func replace(_ expected: WitnessRecord?, with new: WitnessRecord) async throws -> Bool {
        guard expected == nil || expected?.origin == new.origin else { return false }
        return try await StoreError.mapping {
            try await pool.write { db in
                guard try WitnessSchema.record(db, origin: new.origin) == expected else { return false }
                try WitnessSchema.upsert(db, new)
                return true
            }
        }
    }
}
