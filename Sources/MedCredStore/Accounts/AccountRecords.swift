public import Foundation

/// One private key in the vault: its public half in the clear, its seed sealed (secretbox) under the master key.
///
/// The store never sees a plaintext secret; sealing and opening happen in the service's vault.
public struct VaultKeyRecord: Hashable, Sendable, CustomStringConvertible {
    /// A random identifier.
    public let id: String
    /// The account that owns the key.
    public let owner: String
    /// What the key is for: `update`, `next-update` (committed in `nextKeyHashes`) or `assertion`.
    public var purpose: String
    /// The Ed25519 public key as a Multikey (`z6Mk…`).
    public let publicKeyMultibase: String
    /// nonce ‖ tag ‖ ciphertext of the 32-byte seed.
    public let sealedSecret: [UInt8]
    /// When the key was made.
    public let createdAt: Date
    /// When the key stopped being current, or `nil` while it is.
    public var retiredAt: Date?

    /// Makes a record.
    public init(
        id: String, owner: String, purpose: String, publicKeyMultibase: String, sealedSecret: [UInt8],
        createdAt: Date, retiredAt: Date? = nil
    ) {
        self.id = id
        self.owner = owner
        self.purpose = purpose
        self.publicKeyMultibase = publicKeyMultibase
        self.sealedSecret = sealedSecret
        self.createdAt = createdAt
        self.retiredAt = retiredAt
    }

    /// The identifiers only; even sealed bytes stay out of logs.
    public var description: String { "VaultKeyRecord(\(id), \(purpose), \(publicKeyMultibase))" }
}

/// An account row: the service's own identity or an issuer hosted by MedCred.
///
/// `isComplete` is false from the moment the keys are committed until the DID is anchored and the
/// accreditation is on the ledger; incomplete accounts are finished on the next start, never served before.
public struct AccountRecord: Hashable, Sendable {
    /// Which kind of account.
    public enum Kind: String, Sendable {
        /// MedCred's own did:webvh at the domain root.
        case service
        /// An issuer's did:webvh under `issuers/<slug>`.
        case issuer
    }

    public let id: String
    public let kind: Kind
    public let name: String
    /// Unique among issuers; `nil` for the service identity.
    public let slug: String?
    public let did: String
    public let credentialTypes: [String]
    public let jurisdiction: String
    public let createdAt: Date
    public var verificationMethod: String
    public var keyVersion: Int
    public var updateKeyID: String
    public var nextKeyID: String
    public var assertionKeyID: String
    /// A signed did:webvh entry written but not yet known to be anchored (creation or rotation).
    public var pendingEntry: String?
    /// The accreditation granted at creation, if any.
    public let accreditationID: String?
    public var isComplete: Bool

    /// Makes a record.
    public init(
        id: String, kind: Kind, name: String, slug: String?, did: String, credentialTypes: [String],
        jurisdiction: String, createdAt: Date, verificationMethod: String, keyVersion: Int, updateKeyID: String,
        nextKeyID: String, assertionKeyID: String, pendingEntry: String?, accreditationID: String?, isComplete: Bool
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.slug = slug
        self.did = did
        self.credentialTypes = credentialTypes
        self.jurisdiction = jurisdiction
        self.createdAt = createdAt
        self.verificationMethod = verificationMethod
        self.keyVersion = keyVersion
        self.updateKeyID = updateKeyID
        self.nextKeyID = nextKeyID
        self.assertionKeyID = assertionKeyID
        self.pendingEntry = pendingEntry
        self.accreditationID = accreditationID
        self.isComplete = isComplete
    }
}

/// A signed accreditation or withdrawal, kept with the ledger index it was appended at (`nil` until it is).
///
/// The row is written before the ledger append, so a crash in between is finished by appending (or finding) the
/// same bytes on the next start.
public struct AccreditationEntryRecord: Hashable, Sendable {
    /// Which statement.
    public enum Kind: String, Sendable {
        case accreditation
        case withdrawal
    }

    /// The row's key: the accreditation id, or `withdrawal:` + the accreditation id.
    public let id: String
    public let kind: Kind
    /// The accreditation granted or withdrawn.
    public let accreditationID: String
    /// The accredited issuer's DID.
    public let issuer: String
    /// The signed entry as JSON text.
    public let json: String
    public var ledgerIndex: UInt64?

    /// Makes a record.
    public init(
        id: String, kind: Kind, accreditationID: String, issuer: String, json: String, ledgerIndex: UInt64?
    ) {
        self.id = id
        self.kind = kind
        self.accreditationID = accreditationID
        self.issuer = issuer
        self.json = json
        self.ledgerIndex = ledgerIndex
    }
}

/// Why the account store refused a write.
public enum AccountStoreError: Error, Equatable, Sendable {
    /// Another issuer already has this slug.
    case slugTaken(String)
    /// A row with this id already exists.
    case duplicateID(String)
    /// No account has this id.
    case accountNotFound(String)
}
