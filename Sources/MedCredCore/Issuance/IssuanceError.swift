/// Why a credential was not issued.
public enum IssuanceError: Error, Equatable, Sendable {
    /// The draft is not a JSON object.
    case notAnObject
    /// The draft already has a `proof`; MedCred issues only unsigned drafts.
    case alreadySecured
    /// The signer's verification method is not a DID URL with a fragment.
    case invalidVerificationMethod(String)
    /// The draft names an issuer other than the signer's DID.
    case issuerMismatch(given: String, signer: String)
    /// The subject does not validate against its credential type's schema; each violation names a field.
    case subjectInvalid(type: String, violations: [SchemaViolation])
    /// The completed credential does not conform to the VC Data Model.
    case dataModel([CredentialProblem])
    /// Data Integrity proof creation failed.
    case proofGeneration(ProofGenerationError)
    /// JWS creation failed.
    case jose(JOSEError)
}

extension IssuanceError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notAnObject: "the credential must be a JSON object"
        case .alreadySecured: "the credential already has a proof"
        case .invalidVerificationMethod(let method):
            "the signing key's verification method '\(method)' is not a DID URL with a fragment"
        case .issuerMismatch(let given, let signer):
            "the credential names issuer \(given), but the key belongs to \(signer)"
        case .subjectInvalid(let type, let violations):
            "the credentialSubject is not a valid \(type): "
                + violations.map { "\($0.instanceLocation.isEmpty ? "/" : $0.instanceLocation): \($0.message)" }.joined(
                    separator: "; ")
        case .dataModel(let problems):
            "the credential does not conform to the VC Data Model: "
                + problems.map(\.description).joined(separator: "; ")
        case .proofGeneration(let error): "cannot create the proof: \(error)"
        case .jose(let error): "cannot create the JWS: \(error)"
        }
    }
}
