public import Foundation
import GRDB

/// The issuer's records of the credentials it issued and the state of its Bitstring Status Lists, in SQLite.
///
/// Writes are durable before they return (WAL, `synchronous=FULL`). A status list exists once a credential
/// points into it; its bits are the credentials' `revoked`/`suspended` flags, so a record and its status can
/// never disagree.
public final class CredentialStore: Sendable {
    let pool: DatabasePool

    /// Opens (creating if needed) the credential database at `path`.
    /// - Throws: ``StoreError/sqlite(code:message:)``.
    public init(path: String) throws {
        pool = try StoreError.mapping { try DurableDatabase.open(path: path, migrator: CredentialStoreSchema.migrator) }
    }

    /// Closes the database; later calls fail with ``StoreError/sqlite(code:message:)``.
    public func close() throws {
        try StoreError.mapping { try pool.close() }
    }

    /// Stores `records` in one transaction: all of them or none.
    /// - Throws: ``StoreError/sqlite(code:message:)``, e.g. for an id or a status index already stored.
    public func insert(_ records: [StoredCredential]) async throws {
        guard !records.isEmpty else { return }
        try await StoreError.mapping {
            try await pool.write { db in
                for record in records { try CredentialStoreSchema.insert(db, record) }
            }
        }
    }

    /// The ids among `ids` that are already stored.
    public func existingIDs(among ids: [String]) async throws -> Set<String> {
        guard !ids.isEmpty else { return [] }
        return try await StoreError.mapping {
            try await pool.read { db in
                var found: Set<String> = []
                // Chunks stay far below SQLite's bound-parameter limit.
                for start in stride(from: 0, to: ids.count, by: 500) {
                    let chunk = Array(ids[start..<min(start + 500, ids.count)])
                    let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                    let rows = try String.fetchAll(
                        db, sql: "SELECT id FROM credential WHERE id IN (\(marks))",
                        arguments: StatementArguments(chunk))
                    found.formUnion(rows)
                }
                return found
            }
        }
    }

    /// The record with `id`, or `nil`.
    public func credential(id: String) async throws -> StoredCredential? {
        try await StoreError.mapping { try await pool.read { db in try CredentialStoreSchema.credential(db, id: id) } }
    }

    /// One page of an issuer's records, ordered by id.
    /// - Parameters:
    ///   - issuerID: the issuer account.
    ///   - limit: the most records to return.
    ///   - after: the last id of the previous page, or `nil` for the first page.
    public func credentials(issuerID: String, limit: Int, after: String?) async throws -> [StoredCredential] {
        try await StoreError.mapping {
            try await pool.read { db in
                try Row.fetchAll(
                    db.cachedStatement(
                        sql: """
                            SELECT \(CredentialStoreSchema.columns) FROM credential
                            WHERE issuer_id = ? AND id > ? ORDER BY id LIMIT ?
                            """),
                    arguments: [issuerID, after ?? "", max(0, limit)]
                ).map(CredentialStoreSchema.record)
            }
        }
    }

    /// Sets a credential's flags and, in the same transaction, bumps the version of each list whose bit changed.
    /// - Returns: the updated record, or `nil` when there is no credential with `id`.
    public func setStatus(id: String, revoked: Bool, suspended: Bool) async throws -> StoredCredential? {
        try await StoreError.mapping {
            try await pool.write { db in
                guard let old = try CredentialStoreSchema.credential(db, id: id) else { return nil }
                guard old.revoked != revoked || old.suspended != suspended else { return old }
                try db.cachedStatement(sql: "UPDATE credential SET revoked = ?, suspended = ? WHERE id = ?")
                    .execute(arguments: [revoked, suspended, id])
                if old.revoked != revoked { try CredentialStoreSchema.bumpVersion(db, listID: old.revocationListID) }
                if old.suspended != suspended {
                    try CredentialStoreSchema.bumpVersion(db, listID: old.suspensionListID)
                }
                return try CredentialStoreSchema.credential(db, id: id)
            }
        }
    }

    /// An issuer's list for one purpose that still has fewer than `capacity` credentials, with the indices
    /// already used in it; `nil` when every list is full or the issuer has none.
    public func openList(issuerID: String, revocation: Bool, capacity: Int) async throws
        -> (listID: String, usedIndices: [Int])?
    {
        let (list, index, _) = CredentialStoreSchema.listColumns(revocation: revocation)
        return try await StoreError.mapping {
            try await pool.read { db in
                guard
                    let listID = try String.fetchOne(
                        db,
                        sql: """
                            SELECT \(list) FROM credential WHERE issuer_id = ?
                            GROUP BY \(list) HAVING COUNT(*) < ? LIMIT 1
                            """, arguments: [issuerID, capacity])
                else { return nil }
                let used = try Int.fetchAll(
                    db, sql: "SELECT \(index) FROM credential WHERE \(list) = ?", arguments: [listID])
                return (listID, used)
            }
        }
    }

    /// What the store knows about list `listID`, or `nil` when no credential points into it.
    public func statusList(id listID: String) async throws -> StoredStatusList? {
        try await StoreError.mapping {
            try await pool.read { db in
                var found: (issuer: String, revocation: Bool)?
                for revocation in [true, false] where found == nil {
                    let (list, _, _) = CredentialStoreSchema.listColumns(revocation: revocation)
                    if let issuer = try String.fetchOne(
                        db, sql: "SELECT issuer_id FROM credential WHERE \(list) = ? LIMIT 1", arguments: [listID])
                    {
                        found = (issuer, revocation)
                    }
                }
                guard let found else { return nil }
                let row = try Row.fetchOne(
                    db,
                    sql:
                        "SELECT version, signed_version, signed_json, etag, signed_at FROM status_list WHERE list_id = ?",
                    arguments: [listID])
                var signed: SignedStatusList?
                if let row, let version: Int = row[1], let json: Data = row[2], let etag: String = row[3],
                    let signedAt: Double = row[4]
                {
                    signed = SignedStatusList(
                        version: version, json: [UInt8](json), etag: etag,
                        signedAt: Date(timeIntervalSince1970: signedAt))
                }
                return StoredStatusList(
                    listID: listID, issuerID: found.issuer, isRevocation: found.revocation,
                    version: row?[0] ?? 0, signed: signed)
            }
        }
    }

    /// The indices whose bit is set in list `listID` (revoked or suspended credentials).
    public func setIndices(listID: String, revocation: Bool) async throws -> [Int] {
        let (list, index, flag) = CredentialStoreSchema.listColumns(revocation: revocation)
        return try await StoreError.mapping {
            try await pool.read { db in
                try Int.fetchAll(
                    db, sql: "SELECT \(index) FROM credential WHERE \(list) = ? AND \(flag) = 1", arguments: [listID])
            }
        }
    }

    /// Keeps the signed publication of list `listID`.
    public func saveSigned(_ signed: SignedStatusList, listID: String) async throws {
        try await StoreError.mapping {
            try await pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO status_list (list_id, version, signed_version, signed_json, etag, signed_at)
                        VALUES (?, 0, ?, ?, ?, ?)
                        ON CONFLICT (list_id) DO UPDATE SET signed_version = excluded.signed_version,
                            signed_json = excluded.signed_json, etag = excluded.etag, signed_at = excluded.signed_at
                        """,
                    arguments: [
                        listID, signed.version, Data(signed.json), signed.etag, signed.signedAt.timeIntervalSince1970,
                    ])
            }
        }
    }
}
