public import MedCredCore

/// Who signs an issuance or a status list: resolved by the caller from the issuer account (its current key).
public struct IssuerSigning: Sendable {
    /// The issuer account id; records and status lists belong to it.
    public let issuerID: String
    /// The issuer's DID, the `issuer` of what it signs.
    public let did: String
    /// The issuer's current key; its verification method must be a DID URL of `did`.
    public let signer: any ProofSigner

    /// Makes a value.
    public init(issuerID: String, did: String, signer: any ProofSigner) {
        self.issuerID = issuerID
        self.did = did
        self.signer = signer
    }
}

/// How an issued credential is secured.
public enum CredentialFormat: String, Sendable {
    /// An embedded Data Integrity proof: `eddsa-jcs-2022`, `eddsa-rdfc-2022` or `Ed25519Signature2020`.
    case dataIntegrity = "di"
    /// A compact JWS (VC-JOSE).
    case jwt
    /// An SD-JWT VC (`dc+sd-jwt`) bound to the subject's did:key, every subject member selectively disclosable.
    case sdJWT = "sd-jwt"
}

/// One credential issued by ``CredentialService/issue(_:format:issuer:)``.
public struct IssuedCredential: Sendable {
    /// The credential's `id`.
    public let id: String
    /// The secured credential: a JSON object for Data Integrity, a `.string` compact JWS for JWT, a `.string`
    /// compact SD-JWT (every disclosure, no KB-JWT) for SD-JWT VC.
    public let credential: JSONValue
    /// What was stored about it.
    public let record: CredentialRecord
}

/// Why one draft of a batch was not issued; the other drafts are unaffected.
public struct IssueFailure: Error, Sendable, Equatable {
    /// The draft's position in the request.
    public let index: Int
    /// A stable machine code: `invalid-credential`, `already-secured`, `credential-status-not-allowed`,
    /// `duplicate-id`, `issuer-mismatch`, `subject-invalid`, `signing-failed`, `holder-key-required` (SD-JWT VC).
    public let code: String
    /// A human-readable reason; it names fields, never their values.
    public let detail: String
    /// A JSON Pointer into the draft, when the failure is about one member.
    public let pointer: String?

    /// Makes a failure.
    public init(index: Int, code: String, detail: String, pointer: String?) {
        self.index = index
        self.code = code
        self.detail = detail
        self.pointer = pointer
    }
}
