public import Foundation
import GRDB

/// MedCred's API tokens (admin and issuer-scoped) in their own SQLite file, `tokens.sqlite`.
///
/// The store holds only hashes of the secrets. Writes are durable before they return (WAL, `synchronous=FULL`).
/// Checking a presented token is the service's job; the store only keeps rows.
public final class TokenStore: Sendable {
    let pool: DatabasePool

    /// Opens (creating if needed) the token database at `path`.
    /// - Throws: ``StoreError/sqlite(code:message:)``.
    public init(path: String) throws {
        pool = try StoreError.mapping { try DurableDatabase.open(path: path, migrator: TokenSchema.migrator) }
    }

    /// Closes the database; later calls fail with ``StoreError/sqlite(code:message:)``.
    public func close() throws {
        try StoreError.mapping { try pool.close() }
    }

    /// Every token ever made, oldest first; synchronous, so a registry can load its cache while it opens.
    public func allRecords() throws -> [TokenRecord] {
        try StoreError.mapping { try pool.read { db in try TokenSchema.all(db) } }
    }

    /// Stores a new token; when `revokingLiveTokensOfScope` is true, first revokes every live token of its scope,
    /// in the same transaction (a rotation either fully happens or not at all).
    /// - Returns: the ids that were revoked.
    /// - Throws: ``StoreError/sqlite(code:message:)`` (a duplicate id is a constraint failure).
    @discardableResult
    public func insert(_ record: TokenRecord, revokingLiveTokensOfScope: Bool = false) async throws -> [String] {
        try await StoreError.mapping {
            try await pool.write { db in
                let revoked =
                    revokingLiveTokensOfScope
                    ? try TokenSchema.revokeLive(db, scope: record.scope, at: record.createdAt) : []
                try TokenSchema.insert(db, record)
                return revoked
            }
        }
    }

    /// Marks the token `id` revoked at `date`, keeping an earlier revocation time.
    /// - Returns: whether a token with that id exists.
    public func revoke(id: String, at date: Date) async throws -> Bool {
        try await StoreError.mapping {
            try await pool.write { db in
                try db.cachedStatement(
                    sql: "UPDATE api_token SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?"
                ).execute(arguments: [date.timeIntervalSince1970, id])
                return db.changesCount > 0
            }
        }
    }

    /// Records when tokens were last used, in one transaction (usage is coalesced, not written per request).
    public func recordUsage(_ usage: [String: Date]) async throws {
        guard !usage.isEmpty else { return }
        try await StoreError.mapping {
            try await pool.write { db in
                let statement = try db.cachedStatement(
                    sql: "UPDATE api_token SET last_used_at = MAX(COALESCE(last_used_at, 0), ?) WHERE id = ?")
                for (id, date) in usage { try statement.execute(arguments: [date.timeIntervalSince1970, id]) }
            }
        }
    }

    /// Runs `sql` on the database file at `path` with no checks, so tests can damage stored rows on purpose.
    package static func executeRawSQLForTesting(path: String, sql: String) throws {
        try DurableDatabase.executeRawSQL(path: path, sql: sql)
    }
}
