public import Foundation
import MedCredStore

/// What the issuer keeps about an issued credential: enough to manage it, and no health data (the subject
/// appears only by its id).
public struct CredentialRecord: Sendable, Codable, Equatable {
    /// The credential's `id`.
    public let id: String
    /// The issuer account that issued it.
    public let issuerID: String
    /// The credential's `type` values.
    public let types: [String]
    /// The subject's id, when there is one subject with an id.
    public let subjectID: String?
    /// The revocation status list (the suspension list is ``suspensionListID``).
    public let statusListID: String
    /// The credential's index in the revocation list.
    public let revocationIndex: Int
    /// The suspension status list.
    public let suspensionListID: String
    /// The credential's index in the suspension list.
    public let suspensionIndex: Int
    /// Lowercase hex SHA-256 of the secured bytes: the JCS form of a Data Integrity credential, the ASCII of a JWS.
    public let sha256: String
    /// `validFrom` as issued.
    public let validFrom: String?
    /// `validUntil` as issued.
    public let validUntil: String?
    /// When it was issued.
    public let issuedAt: Date
    /// `di` or `jwt`.
    public let format: String
    /// Revoked (final).
    public let revoked: Bool
    /// Suspended.
    public let suspended: Bool

    init(_ stored: StoredCredential) {
        id = stored.id
        issuerID = stored.issuerID
        types = stored.types
        subjectID = stored.subjectID
        statusListID = stored.revocationListID
        revocationIndex = stored.revocationIndex
        suspensionListID = stored.suspensionListID
        suspensionIndex = stored.suspensionIndex
        sha256 = stored.sha256
        validFrom = stored.validFrom
        validUntil = stored.validUntil
        issuedAt = stored.issuedAt
        format = stored.format
        revoked = stored.revoked
        suspended = stored.suspended
    }
}
