public import Foundation
public import MedCredCore
import MedCredLedger

/// An issuer hosted by MedCred: its did:webvh DID (anchored on the ledger), what it is accredited for, and which
/// of its keys signs now. The private keys stay in the vault.
public struct IssuerAccount: Sendable, Equatable, Codable {
    /// A short stable id, `iss_` + 16 hex digits.
    public let id: String
    /// The display name.
    public let name: String
    /// The URL path segment, `[a-z0-9-]{1,63}`, unique.
    public let slug: String
    /// `did:webvh:{SCID}:<domain>:issuers:<slug>`.
    public let did: String
    /// The credential types it was accredited for at creation.
    public let credentialTypes: [String]
    /// Where.
    public let jurisdiction: String
    /// When the account was created.
    public let createdAt: Date
    /// The current `assertionMethod` DID URL.
    public var verificationMethod: String
    /// 1, then one more after each rotation.
    public var keyVersion: Int
}

/// What `POST /admin/issuers` asks for.
public struct IssuerRequest: Sendable {
    public var name: String
    /// Derived from `name` when `nil`.
    public var slug: String?
    public var credentialTypes: [String]
    public var jurisdiction: String
    /// The end of the initial accreditation, if any.
    public var validUntil: Date?

    /// Makes a request; ``IssuerAccounts/createIssuer(_:)`` validates it.
    public init(name: String, slug: String?, credentialTypes: [String], jurisdiction: String, validUntil: Date?) {
        self.name = name
        self.slug = slug
        self.credentialTypes = credentialTypes
        self.jurisdiction = jurisdiction
        self.validUntil = validUntil
    }
}

/// MedCred's own did:webvh (`did:webvh:{SCID}:<domain>`): it signs session tokens and acts as the built-in trust
/// root that accredits issuers.
public struct ServiceIdentity: Sendable {
    /// The DID.
    public let did: String
    /// Its assertion key's DID URL.
    public let verificationMethod: String
    /// Signs with that key; the key itself never leaves the vault otherwise.
    public let signer: any ProofSigner
}

/// An accreditation the service trust root granted, and where it is on the ledger.
public struct AccreditationRecord: Sendable, Codable, Equatable {
    /// The accreditation's URI (`urn:uuid:…`), which a withdrawal names.
    public let id: String
    /// The accredited issuer's DID.
    public let issuer: String
    public let credentialTypes: [String]
    public let jurisdiction: String
    /// XML Schema dateTimeStamp.
    public let validFrom: String
    public let validUntil: String?
    /// The ledger leaf index of the signed entry.
    public let ledgerIndex: UInt64
}

extension AccreditationRecord {
    init(_ accreditation: Accreditation, ledgerIndex: UInt64) {
        self.init(
            id: accreditation.id, issuer: accreditation.issuer.description,
            credentialTypes: accreditation.credentialTypes, jurisdiction: accreditation.jurisdiction,
            validFrom: accreditation.validFrom.lexicalForm, validUntil: accreditation.validUntil?.lexicalForm,
            ledgerIndex: ledgerIndex)
    }
}
