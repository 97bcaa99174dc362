import MedCredStore

/// Why an account operation was refused or could not finish. Every case has a stable ``code`` the HTTP layer
/// maps to a problem+json type; no case carries key material.
public enum AccountError: Error, Equatable, Sendable {
    /// A request member is missing or malformed: `field` names it, `reason` says what rule it breaks.
    case invalidRequest(field: String, reason: String)
    /// A credential type neither MedCred's schemas know nor shaped like a VC type name (`…Credential`).
    case unknownCredentialType(String)
    /// Another issuer already uses this slug.
    case slugTaken(String)
    /// No (complete) issuer account has this id.
    case issuerNotFound(String)
    /// No accreditation granted here has this id.
    case accreditationNotFound(String)
    /// The accreditation was already withdrawn.
    case accreditationAlreadyWithdrawn(String)
    /// The did:webvh update that rotates the key could not be written or anchored; `reason` names the error.
    case rotationFailed(reason: String)
    /// The did:webvh log could not be written or anchored; `reason` names the error.
    case didCreationFailed(reason: String)
    /// Signing an accreditation or withdrawal failed.
    case accreditationFailed(reason: String)
    /// ``IssuerAccounts/bootstrap()`` has not created the service identity yet.
    case notBootstrapped
    /// The master key does not open this vault (it was sealed under another key).
    case masterKeyMismatch
    /// The master key is not 32 bytes (`length` is what was found).
    case invalidMasterKey(length: Int)
    /// The master key file could not be read or created.
    case masterKeyFile(path: String, errno: Int32)
    /// A sealed key does not open, or is missing: the vault is damaged.
    case keyUnavailable(keyID: String)
    /// The did:webvh domain part is not valid (e.g. `localhost`, an IP address, a bad port).
    case invalidDomain(String)
    /// The database or ledger failed; `reason` is the error, without bound values.
    case storage(reason: String)

    /// The stable machine code.
    public var code: String {
        switch self {
        case .invalidRequest: "invalid-request"
        case .unknownCredentialType: "unknown-credential-type"
        case .slugTaken: "slug-taken"
        case .issuerNotFound: "issuer-not-found"
        case .accreditationNotFound: "accreditation-not-found"
        case .accreditationAlreadyWithdrawn: "accreditation-withdrawn"
        case .rotationFailed: "rotation-failed"
        case .didCreationFailed: "did-creation-failed"
        case .accreditationFailed: "accreditation-failed"
        case .notBootstrapped: "not-bootstrapped"
        case .masterKeyMismatch: "master-key-mismatch"
        case .invalidMasterKey: "invalid-master-key"
        case .masterKeyFile: "master-key-file"
        case .keyUnavailable: "key-unavailable"
        case .invalidDomain: "invalid-domain"
        case .storage: "storage-failed"
        }
    }

    /// `error` as an ``AccountError``: itself, a slug conflict from the store, or ``storage(reason:)``.
    static func wrapping(_ error: any Error) -> AccountError {
        switch error {
        case let error as AccountError: error
        case AccountStoreError.slugTaken(let slug): .slugTaken(slug)
        default: .storage(reason: String(describing: error))
        }
    }
}
