public import Foundation
import MedCredCore
import MedCredCrypto
import MedCredStore

/// Issues and consumes login challenges, kept in SQLite (`auth.sqlite`) so single use survives a restart.
///
/// A challenge is 32 bytes from the system CSPRNG, so it cannot be guessed; it is single use, expires after
/// ``lifetime`` and is bound to the verifier domain it was issued for.
public actor ChallengeStore {
    /// How long a challenge is accepted after it is issued.
    public let lifetime: Duration
    private let records: ChallengeRecordStore
    private let clock: @Sendable () -> Date

    /// Opens (creating if needed) the challenge database.
    /// - Parameters:
    ///   - databasePath: the SQLite file, e.g. `<data>/auth.sqlite`.
    ///   - lifetime: how long a challenge is accepted; five minutes unless given.
    ///   - clock: the current time.
    /// - Throws: ``AuthError/storage(reason:)`` when the database cannot be opened.
    public init(databasePath: String, lifetime: Duration = .seconds(300), clock: @escaping @Sendable () -> Date) throws
    {
        do { records = try ChallengeRecordStore(path: databasePath) } catch {
            throw AuthError.storage(reason: "\(error)")
        }
        self.lifetime = lifetime
        self.clock = clock
    }

    /// Issues a new challenge for `domain`.
    /// - Parameter domain: the verifier domain, e.g. `telehealth.example`.
    /// - Returns: the challenge.
    /// - Throws: ``AuthError/invalidDomain`` or ``AuthError/storage(reason:)``.
    public func issue(domain: String) async throws -> Challenge {
        guard Self.isValidDomain(domain) else { throw AuthError.invalidDomain }
        let now = clock()
        let challenge = Base64URL.encode(SecureRandom.bytes(count: 32))
        let record = ChallengeRecord(
            challenge: challenge, domain: domain, issuedAt: now,
            expiresAt: now.addingTimeInterval(Self.seconds(lifetime)))
        do { try await records.insert(record, now: now) } catch { throw AuthError.storage(reason: "\(error)") }
        // The stored expiry is millisecond precise; answer the same value a restart would read back.
        return Challenge(challenge: challenge, domain: domain, expiresAt: record.expiresAt)
    }

    /// Consumes `challenge` for `domain`: single use, atomically marked as used in the database.
    /// - Parameters:
    ///   - challenge: the challenge the presentation carries.
    ///   - domain: the verifier domain the login is for.
    /// - Throws: ``AuthError/challengeUnknown``, ``AuthError/challengeExpired``, ``AuthError/challengeReplayed``,
    ///   ``AuthError/wrongDomain(expected:actual:)`` or ``AuthError/storage(reason:)``. Only a usable challenge
    ///   is marked used.
    public func consume(challenge: String, domain: String) async throws(AuthError) {
        let state: ChallengeState
        do { state = try await records.consume(challenge, domain: domain, now: clock()) } catch {
            throw .storage(reason: "\(error)")
        }
        try Self.check(state, domain: domain)
    }

    /// Checks that `challenge` could be consumed for `domain` now, without consuming it: a login checks this
    /// before the (costly) presentation verification, and consumes only after the proof verified.
    /// - Parameters:
    ///   - challenge: the challenge text.
    ///   - domain: the verifier domain.
    /// - Throws: the errors of ``consume(challenge:domain:)``.
    public func checkUsable(challenge: String, domain: String) async throws(AuthError) {
        let state: ChallengeState
        do { state = try await records.state(of: challenge, domain: domain, now: clock()) } catch {
            throw .storage(reason: "\(error)")
        }
        try Self.check(state, domain: domain)
    }

    private static func check(_ state: ChallengeState, domain: String) throws(AuthError) {
        switch state {
        case .usable: return
        case .unknown: throw .challengeUnknown
        case .expired: throw .challengeExpired
        case .alreadyUsed: throw .challengeReplayed
        case .domainMismatch(let expected): throw .wrongDomain(expected: expected, actual: domain)
        }
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// A domain is a host name or origin-like string: printable ASCII without spaces, at most 253 characters.
    private static func isValidDomain(_ domain: String) -> Bool {
        !domain.isEmpty && domain.utf8.count <= 253 && domain.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7f }
    }
}
