public import Foundation

/// One stored API token: who it is for and the hash of its secret, never the secret itself.
///
/// Revoked tokens stay stored, so the audit trail can still name them.
public struct TokenRecord: Hashable, Sendable, CustomStringConvertible {
    /// The public token id (the `<id>` part of `mc_<kind>_<id>_<secret>`).
    public let id: String
    /// The scope as the service encodes it (`admin`, `issuer:<account id>`).
    public let scope: String
    /// A human label, e.g. "initial admin token".
    public let label: String
    /// SHA-256 of the token's 256-bit random secret.
    public let secretHash: [UInt8]
    /// When the token was made.
    public let createdAt: Date
    /// When the token was revoked, or `nil` while it is live.
    public var revokedAt: Date?
    /// When the token last authenticated, as far as usage has been flushed.
    public var lastUsedAt: Date?

    /// Makes a record.
    public init(
        id: String, scope: String, label: String, secretHash: [UInt8], createdAt: Date, revokedAt: Date? = nil,
        lastUsedAt: Date? = nil
    ) {
        self.id = id
        self.scope = scope
        self.label = label
        self.secretHash = secretHash
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.lastUsedAt = lastUsedAt
    }

    /// Whether the token may still authenticate.
    public var isRevoked: Bool { revokedAt != nil }

    /// Never prints the secret hash.
    public var description: String { "TokenRecord(\(id), \(scope))" }
}
