import Foundation
import GRDB

/// The `api_token` table: one row per token ever made; revocation sets `revoked_at` and never deletes.
enum TokenSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-api-tokens") { db in
            try db.execute(
                sql: """
                    CREATE TABLE api_token (
                        id TEXT PRIMARY KEY NOT NULL,
                        scope TEXT NOT NULL,
                        label TEXT NOT NULL,
                        secret_hash BLOB NOT NULL CHECK (length(secret_hash) = 32),
                        created_at REAL NOT NULL,
                        revoked_at REAL,
                        last_used_at REAL
                    ) WITHOUT ROWID;
                    CREATE INDEX api_token_by_scope ON api_token (scope);
                    """)
        }
        return migrator
    }

    static func all(_ db: Database) throws -> [TokenRecord] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, scope, label, secret_hash, created_at, revoked_at, last_used_at
                FROM api_token ORDER BY created_at, id
                """
        ).map(record(from:))
    }

    static func record(from row: Row) -> TokenRecord {
        let hash: Data = row[3]
        let created: Double = row[4]
        let revoked: Double? = row[5]
        let used: Double? = row[6]
        return TokenRecord(
            id: row[0], scope: row[1], label: row[2], secretHash: [UInt8](hash),
            createdAt: Date(timeIntervalSince1970: created), revokedAt: revoked.map(Date.init(timeIntervalSince1970:)),
            lastUsedAt: used.map(Date.init(timeIntervalSince1970:)))
    }

    static func insert(_ db: Database, _ record: TokenRecord) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO api_token (id, scope, label, secret_hash, created_at, revoked_at, last_used_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            record.id, record.scope, record.label, Data(record.secretHash), record.createdAt.timeIntervalSince1970,
            record.revokedAt?.timeIntervalSince1970, record.lastUsedAt?.timeIntervalSince1970,
        ])
    }

    /// Revokes the live tokens of `scope`; returns their ids.
    static func revokeLive(_ db: Database, scope: String, at date: Date) throws -> [String] {
        let ids = try String.fetchAll(
            db.cachedStatement(sql: "SELECT id FROM api_token WHERE scope = ? AND revoked_at IS NULL ORDER BY id"),
            arguments: [scope])
        try db.cachedStatement(sql: "UPDATE api_token SET revoked_at = ? WHERE scope = ? AND revoked_at IS NULL")
            .execute(arguments: [date.timeIntervalSince1970, scope])
        return ids
    }
}
