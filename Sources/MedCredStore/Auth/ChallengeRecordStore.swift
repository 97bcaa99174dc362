public import Foundation
import GRDB

/// Issued login challenges in SQLite, so single use survives a restart: a challenge consumed before a crash
/// stays consumed after it (WAL, `synchronous=FULL`, via ``DurableDatabase``).
///
/// Expired rows are purged lazily, on insert, once they have been expired for ``retention``; until then an
/// expired challenge is reported as expired rather than unknown.
public final class ChallengeRecordStore: Sendable {
    let pool: DatabasePool
    /// How long an expired row is kept to answer "expired" (and "already used") precisely.
    public let retention: TimeInterval

    /// Opens (creating if needed) the challenge database at `path`.
    /// - Parameters:
    ///   - path: the SQLite file, e.g. `<data>/auth.sqlite`.
    ///   - retention: how long expired rows are kept; one hour unless given.
    /// - Throws: ``StoreError/sqlite(code:message:)``.
    public init(path: String, retention: TimeInterval = 3600) throws {
        pool = try StoreError.mapping { try DurableDatabase.open(path: path, migrator: ChallengeSchema.migrator) }
        self.retention = retention
    }

    /// Closes the database; later calls fail with ``StoreError/sqlite(code:message:)``.
    public func close() throws {
        try StoreError.mapping { try pool.close() }
    }

    /// Stores a newly issued challenge and purges rows expired for longer than ``retention``.
    /// - Parameters:
    ///   - record: the challenge; its text must be new.
    ///   - now: the current time, for the purge.
    /// - Throws: ``StoreError/sqlite(code:message:)``, also when the challenge text already exists.
    public func insert(_ record: ChallengeRecord, now: Date) async throws {
        let cutoff = now.addingTimeInterval(-retention)
        try await StoreError.mapping {
            try await pool.write { db in
                _ = try ChallengeSchema.purge(db, expiredBefore: cutoff)
                try ChallengeSchema.insert(db, record)
            }
        }
    }

    /// The stored challenge, or `nil`.
    /// - Parameter challenge: the challenge text.
    /// - Returns: the record.
    /// - Throws: ``StoreError/sqlite(code:message:)``.
    public func record(challenge: String) async throws -> ChallengeRecord? {
        try await StoreError.mapping {
            try await pool.read { db in try ChallengeSchema.record(db, challenge: challenge) }
        }
    }

    /// Says whether `challenge` could be consumed for `domain` now, without consuming it.
    /// - Parameters:
    ///   - challenge: the challenge text.
    ///   - domain: the verifier domain of the login.
    ///   - now: the current time.
    /// - Returns: the state.
    /// - Throws: ``StoreError/sqlite(code:message:)``.
    public func state(of challenge: String, domain: String, now: Date) async throws -> ChallengeState {
        try await StoreError.mapping {
            try await pool.read { db in
                Self.state(of: try ChallengeSchema.record(db, challenge: challenge), domain: domain, now: now)
            }
        }
    }

    /// Consumes `challenge` for `domain` if it is usable, reading and marking it in one write transaction so it
    /// can be consumed only once. Nothing is marked unless the answer is ``ChallengeState/usable``.
    /// - Parameters:
    ///   - challenge: the challenge text.
    ///   - domain: the verifier domain of the login.
    ///   - now: the current time.
    /// - Returns: the state before consuming: ``ChallengeState/usable`` means this call consumed it.
    /// - Throws: ``StoreError/sqlite(code:message:)``.
    public func consume(_ challenge: String, domain: String, now: Date) async throws -> ChallengeState {
        try await StoreError.mapping {
            try await pool.write { db in
                let state = Self.state(
                    of: try ChallengeSchema.record(db, challenge: challenge), domain: domain, now: now)
                if state == .usable { try ChallengeSchema.markUsed(db, challenge: challenge, at: now) }
                return state
            }
        }
    }

    /// Order matters: a used challenge is a replay even once expired, and domain is checked last so a
    /// replay is never reported as a mere domain mismatch.
    private static func state(of record: ChallengeRecord?, domain: String, now: Date) -> ChallengeState {
        guard let record else { return .unknown }
        if record.usedAt != nil { return .alreadyUsed }
        if now >= record.expiresAt { return .expired }
        if record.domain != domain { return .domainMismatch(expected: record.domain) }
        return .usable
    }
}
