public import Foundation

/// What the issuer keeps about one issued credential: enough to manage its status, never its health data
/// (unless the service is configured to keep `body`).
public struct StoredCredential: Hashable, Sendable {
    /// The credential's `id`, unique across the store.
    public let id: String
    /// The issuer account that issued it; only this account may change its status.
    public let issuerID: String
    /// The credential's `type` values.
    public let types: [String]
    /// The subject's `id` (a DID), when the credential has exactly one subject with an id.
    public let subjectID: String?
    /// The `revocation` status list and the credential's index in it.
    public let revocationListID: String
    /// The index in the revocation list.
    public let revocationIndex: Int
    /// The `suspension` status list.
    public let suspensionListID: String
    /// The index in the suspension list.
    public let suspensionIndex: Int
    /// Lowercase hex SHA-256 of the secured credential's bytes.
    public let sha256: String
    /// The credential's `validFrom`, as written.
    public let validFrom: String?
    /// The credential's `validUntil`, as written.
    public let validUntil: String?
    /// When MedCred issued it.
    public let issuedAt: Date
    /// `di` or `jwt`.
    public let format: String
    /// Whether its revocation bit is set (final).
    public let revoked: Bool
    /// Whether its suspension bit is set.
    public let suspended: Bool
    /// The secured credential itself, only when the service keeps bodies.
    public let body: String?

    /// Makes a record.
    public init(
        id: String, issuerID: String, types: [String], subjectID: String?, revocationListID: String,
        revocationIndex: Int, suspensionListID: String, suspensionIndex: Int, sha256: String, validFrom: String?,
        validUntil: String?, issuedAt: Date, format: String, revoked: Bool, suspended: Bool, body: String?
    ) {
        self.id = id
        self.issuerID = issuerID
        self.types = types
        self.subjectID = subjectID
        self.revocationListID = revocationListID
        self.revocationIndex = revocationIndex
        self.suspensionListID = suspensionListID
        self.suspensionIndex = suspensionIndex
        self.sha256 = sha256
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.issuedAt = issuedAt
        self.format = format
        self.revoked = revoked
        self.suspended = suspended
        self.body = body
    }
}

/// A status list as the store knows it: derived from the credentials that point into it, plus a change
/// counter and the last signed publication.
public struct StoredStatusList: Hashable, Sendable {
    /// The list's id (the last segment of its URL).
    public let listID: String
    /// The issuer account whose credentials use it.
    public let issuerID: String
    /// `revocation` or `suspension`.
    public let isRevocation: Bool
    /// Bumped in the same transaction as every change of a bit in the list.
    public let version: Int
    /// The last signed status list credential, if any (it is current only when its version equals `version`).
    public let signed: SignedStatusList?

    /// Makes a value.
    public init(listID: String, issuerID: String, isRevocation: Bool, version: Int, signed: SignedStatusList?) {
        self.listID = listID
        self.issuerID = issuerID
        self.isRevocation = isRevocation
        self.version = version
        self.signed = signed
    }
}

/// A signed status list credential, kept so a restart serves the same bytes (and ETag) until the list changes.
public struct SignedStatusList: Hashable, Sendable {
    /// The list version it was signed for.
    public let version: Int
    /// The credential's JSON bytes as served.
    public let json: [UInt8]
    /// The HTTP entity tag of `json`.
    public let etag: String
    /// When it was signed.
    public let signedAt: Date

    /// Makes a value.
    public init(version: Int, json: [UInt8], etag: String, signedAt: Date) {
        self.version = version
        self.json = json
        self.etag = etag
        self.signedAt = signedAt
    }
}
