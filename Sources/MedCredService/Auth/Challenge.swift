public import Foundation

/// A single-use login challenge bound to a verifier domain (VC Data Integrity §2.1 `challenge` and `domain`):
/// the holder signs a presentation carrying both, so it cannot be replayed or sent to another verifier.
public struct Challenge: Sendable, Codable, Equatable {
    /// 32 random bytes, base64url without padding.
    public let challenge: String
    /// The verifier domain the presentation must name.
    public let domain: String
    /// When the challenge stops being accepted.
    public let expiresAt: Date

    /// Creates a challenge value.
    /// - Parameters:
    ///   - challenge: the challenge text.
    ///   - domain: the verifier domain.
    ///   - expiresAt: the expiry.
    public init(challenge: String, domain: String, expiresAt: Date) {
        self.challenge = challenge
        self.domain = domain
        self.expiresAt = expiresAt
    }
}
