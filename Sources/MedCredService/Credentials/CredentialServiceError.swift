/// Why a credential status or status list operation was refused or could not run.
public enum CredentialServiceError: Error, Equatable, Sendable {
    /// No credential has this id.
    case credentialNotFound(String)
    /// The credential was issued by another issuer account.
    case notYourCredential(String)
    /// The credential is revoked; revocation is final.
    case credentialRevoked(String)
    /// No credential points into a status list with this id.
    case statusListNotFound(String)
    /// No free status index could be allocated for the issuer.
    case statusListFull(issuerID: String)
    /// The issuer's key could not be obtained or could not sign; the reason never carries key material.
    case signingFailed(issuerID: String, reason: String)
    /// The database failed; the message is SQLite's own.
    case storage(String)

    /// The stable machine code the HTTP layer puts in problem+json.
    public var code: String {
        switch self {
        case .credentialNotFound: "credential-not-found"
        case .notYourCredential: "not-your-credential"
        case .credentialRevoked: "credential-revoked"
        case .statusListNotFound: "status-list-not-found"
        case .statusListFull: "status-list-full"
        case .signingFailed: "signing-failed"
        case .storage: "storage-failed"
        }
    }
}

extension CredentialServiceError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .credentialNotFound(let id): "no credential \(id)"
        case .notYourCredential(let id): "credential \(id) was issued by another issuer"
        case .credentialRevoked(let id): "credential \(id) is revoked, and revocation is final"
        case .statusListNotFound(let id): "no status list \(id)"
        case .statusListFull(let issuer): "no free status index for issuer \(issuer)"
        case .signingFailed(let issuer, let reason): "issuer \(issuer) could not sign: \(reason)"
        case .storage(let message): "credential storage failed: \(message)"
        }
    }
}
