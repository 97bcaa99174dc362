import Foundation
import GRDB

/// The `auth_challenge` table: one row per challenge a verifier handed out, until it has been expired for a while.
///
/// Times are Unix milliseconds. `used_at` is set once, in the same write transaction that read the row, so two
/// logins racing with one challenge cannot both consume it.
enum ChallengeSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-auth-challenge") { db in
            try db.execute(
                sql: """
                    CREATE TABLE auth_challenge (
                        challenge TEXT PRIMARY KEY NOT NULL,
                        domain TEXT NOT NULL,
                        issued_at INTEGER NOT NULL,
                        expires_at INTEGER NOT NULL,
                        used_at INTEGER
                    );
                    CREATE INDEX auth_challenge_expiry ON auth_challenge (expires_at);
                    """)
        }
        return migrator
    }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    static func insert(_ db: Database, _ record: ChallengeRecord) throws {
        try db.cachedStatement(
            sql: "INSERT INTO auth_challenge (challenge, domain, issued_at, expires_at) VALUES (?, ?, ?, ?)"
        ).execute(arguments: [
            record.challenge, record.domain, milliseconds(record.issuedAt), milliseconds(record.expiresAt),
        ])
    }

    static func record(_ db: Database, challenge: String) throws -> ChallengeRecord? {
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT challenge, domain, issued_at, expires_at, used_at FROM auth_challenge WHERE challenge = ?"),
            arguments: [challenge])
        return row.map { row in
            let usedAt: Int64? = row[4]
            return ChallengeRecord(
                challenge: row[0], domain: row[1], issuedAt: date(row[2]), expiresAt: date(row[3]),
                usedAt: usedAt.map(date))
        }
    }

    static func markUsed(_ db: Database, challenge: String, at instant: Date) throws {
        try db.cachedStatement(sql: "UPDATE auth_challenge SET used_at = ? WHERE challenge = ? AND used_at IS NULL")
            .execute(arguments: [milliseconds(instant), challenge])
    }

    /// Deletes rows that expired before `cutoff`; returns how many.
    static func purge(_ db: Database, expiredBefore cutoff: Date) throws -> Int {
        try db.cachedStatement(sql: "DELETE FROM auth_challenge WHERE expires_at < ?")
            .execute(arguments: [milliseconds(cutoff)])
        return db.changesCount
    }

    private static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
