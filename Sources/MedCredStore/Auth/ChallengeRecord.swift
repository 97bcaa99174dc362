public import Foundation

/// A challenge as stored: what a verifier handed out, for which domain, until when, and whether it was used.
public struct ChallengeRecord: Equatable, Sendable {
    /// The challenge text (random, base64url).
    public let challenge: String
    /// The verifier domain the challenge is bound to.
    public let domain: String
    /// When it was handed out.
    public let issuedAt: Date
    /// When it stops being accepted.
    public let expiresAt: Date
    /// When a login consumed it, or `nil` while unused.
    public let usedAt: Date?

    /// Creates a record; times are stored to the millisecond.
    /// - Parameters:
    ///   - challenge: the challenge text.
    ///   - domain: the verifier domain.
    ///   - issuedAt: when it was handed out.
    ///   - expiresAt: when it expires.
    ///   - usedAt: when it was consumed, if it was.
    public init(challenge: String, domain: String, issuedAt: Date, expiresAt: Date, usedAt: Date? = nil) {
        self.challenge = challenge
        self.domain = domain
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.usedAt = usedAt
    }
}

/// What a stored challenge says about a login attempt that presents it for a domain.
public enum ChallengeState: Equatable, Sendable {
    /// Issued, unexpired, unused and bound to the domain asked about.
    case usable
    /// Never issued here, or purged long after it expired.
    case unknown
    /// Issued, but its lifetime is over.
    case expired
    /// Already consumed by an earlier login: a replay.
    case alreadyUsed
    /// Issued for another verifier domain (`expected`).
    case domainMismatch(expected: String)
}
