/// Why a proof's `verificationMethod` does not give an Ed25519 key authorized for the proof's purpose.
///
/// These are the failures of "Retrieve Verification Method" in W3C Controlled Identifiers v1.0 §3.3
/// (https://www.w3.org/TR/cid-1.0/#retrieve-verification-method), plus the key formats MedCred reads. They
/// are check results, not thrown errors: the DID resolved, and what it says does not authorize the key.
public enum VerificationKeyError: Error, Equatable, Sendable {
    /// The value is not an absolute DID URL without path or query (`INVALID_VERIFICATION_METHOD_URL`).
    case invalidVerificationMethodURL(String)
    /// The proof purpose is not a verification relationship of DID Core §5.3, so no key can be authorized
    /// for it (`INVALID_RELATIONSHIP_FOR_VERIFICATION_METHOD`).
    case unsupportedProofPurpose(String)
    /// The resolved document's `id` is not the DID of the verification method URL
    /// (`INVALID_CONTROLLED_IDENTIFIER_DOCUMENT_ID`).
    case documentIDMismatch(expected: DID, actual: DID)
    /// The controller's document defines no verification method with this id (`INVALID_VERIFICATION_METHOD`).
    case verificationMethodNotFound(DIDURL)
    /// The method's `controller` is not the document's DID (`INVALID_VERIFICATION_METHOD`).
    case controllerMismatch(DIDURL, controller: DID)
    /// The method exists but the document does not list it under the proof's purpose, e.g. a key listed only
    /// under `authentication` signing with `assertionMethod` (`INVALID_RELATIONSHIP_FOR_VERIFICATION_METHOD`).
    case notAuthorized(DIDURL, relationship: VerificationRelationship)
    /// The method type is not one MedCred reads Ed25519 keys from (`Multikey`, `Ed25519VerificationKey2020`,
    /// `Ed25519VerificationKey2018`, `JsonWebKey`, `JsonWebKey2020`).
    case unsupportedVerificationMethodType(DIDURL, type: String)
    /// The method lacks the member its type keeps the key in, e.g. `publicKeyMultibase` for `Multikey`.
    case missingKeyMaterial(DIDURL, member: String)
    /// `publicKeyMultibase` is not an Ed25519 Multikey.
    case invalidMultikey(DIDURL, MultikeyError)
    /// `publicKeyBase58` is not base58btc.
    case invalidBase58Key(DIDURL, Base58Error)
    /// `publicKeyBase58` does not decode to a 32-byte key.
    case invalidKeyLength(DIDURL, expected: Int, actual: Int)
    /// `publicKeyJwk` is not an Ed25519 public JWK.
    case invalidJWK(DIDURL, JWKError)
    /// No key was supplied for this verification method (verification with a fixed key table).
    case unknownVerificationMethod(String)

    /// The error type the CID specification names for this failure, e.g. `INVALID_VERIFICATION_METHOD`.
    public var specErrorType: String {
        switch self {
        case .invalidVerificationMethodURL: "INVALID_VERIFICATION_METHOD_URL"
        case .unsupportedProofPurpose, .notAuthorized: "INVALID_RELATIONSHIP_FOR_VERIFICATION_METHOD"
        case .documentIDMismatch: "INVALID_CONTROLLED_IDENTIFIER_DOCUMENT_ID"
        case .verificationMethodNotFound, .controllerMismatch, .unsupportedVerificationMethodType,
            .missingKeyMaterial, .invalidMultikey, .invalidBase58Key, .invalidKeyLength, .invalidJWK,
            .unknownVerificationMethod:
            "INVALID_VERIFICATION_METHOD"
        }
    }
}
