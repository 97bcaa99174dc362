/// Why a secured document or one of its proofs did not verify (W3C Data Integrity §4.4–4.5,
/// https://www.w3.org/TR/vc-data-integrity/#verify-proof, and vc-di-eddsa §3.3.2,
/// https://www.w3.org/TR/vc-di-eddsa/#verify-proof-eddsa-jcs-2022).
///
/// Verification reports these inside a ``DataIntegrityVerification``; only parsing a single proof with
/// ``DataIntegrityProof/init(json:)`` throws one.
public enum DataIntegrityError: Error, Equatable, Sendable {
    /// The document bytes are not strict I-JSON (`PARSING_ERROR`).
    case parsing(JSONParseError)
    /// The document is not a JSON object (`PARSING_ERROR`).
    case documentNotObject
    /// The document has no `proof` member.
    case missingProof
    /// `proof` is an empty array.
    case emptyProofSet
    /// Two proofs in the set share this `id`, so `previousProof` could not tell them apart.
    case duplicateProofID(String)
    /// The proof at this position of the set is not a JSON object.
    case proofNotObject(index: Int)
    /// A required proof member is absent: `type`, `cryptosuite`, `verificationMethod`, `proofPurpose` or
    /// `proofValue`.
    case missingMember(String)
    /// The proof has a member Data Integrity §2.1 does not define.
    case unexpectedMember(String)
    /// A proof member has the wrong JSON type, e.g. a number for `challenge` or an array of numbers for `domain`.
    case wrongMemberType(String)
    /// A proof member that must hold text, or a list, is empty.
    case emptyMember(String)
    /// `type` is not `DataIntegrityProof`.
    case unknownProofType(String)
    /// `cryptosuite` is not `eddsa-jcs-2022`, e.g. `eddsa-rdfc-2022`, which MedCred does not verify.
    case unsupportedCryptosuite(String)
    /// The proof's suite canonicalizes with JSON-LD (`eddsa-rdfc-2022`, `Ed25519Signature2020`), but the verifier
    /// was given no pinned contexts to do it with.
    case contextsUnavailable(String)
    /// The document or proof configuration could not be turned into RDF: a term no pinned context defines, an
    /// unpinned context, or another JSON-LD error.
    case jsonLD(JSONLDError)
    /// RDFC-1.0 gave up on the document's dataset (a poison graph).
    case canonicalization(RDFCanonicalizationError)
    /// `created` or `expires` is not an XML Schema `dateTimeStamp`.
    case invalidDateTime(member: String, XSDDateTimeError)
    /// `proofPurpose` is not the purpose the verifier expected.
    case proofPurposeMismatch(expected: String, actual: String)
    /// `domain` does not hold the same set of strings the verifier expected (`INVALID_DOMAIN_ERROR`).
    case domainMismatch(expected: [String], actual: [String])
    /// `challenge` is not the verifier's challenge (`INVALID_CHALLENGE_ERROR`).
    case challengeMismatch(expected: String, actual: String?)
    /// The proof's `expires` is not after the verifier's current time.
    case expired(expires: XSDDateTime, now: XSDDateTime)
    /// `previousProof` names an id that no proof in the set has (Data Integrity §4.5 step 3.2).
    case previousProofNotFound(String)
    /// The proof verified, but a proof it chains to did not (Data Integrity §4.5).
    case previousProofNotVerified(String)
    /// The document's `@context` does not start with the proof's `@context`, in order (vc-di-eddsa §3.3.2
    /// step 4.1).
    case contextMismatch(document: JSONValue?, proof: JSONValue)
    /// `proofValue` starts with this multibase prefix instead of `z` (base58btc).
    case proofValueNotBase58btc(Character)
    /// `proofValue` is not valid base58btc.
    case invalidProofValue(MultibaseError)
    /// `proofValue` does not decode to a 64-byte Ed25519 signature.
    case invalidSignatureLength(expected: Int, actual: Int)
    /// The verification method gives no key authorized for the proof's purpose.
    case verificationKey(VerificationKeyError)
    /// The Ed25519 signature does not verify over the hash data (vc-di-eddsa §3.3.7).
    case signatureInvalid

    /// The step of verification that found the problem.
    public var check: DataIntegrityCheck {
        switch self {
        case .parsing, .documentNotObject, .missingProof, .emptyProofSet, .duplicateProofID: .document
        case .unknownProofType, .unsupportedCryptosuite, .contextsUnavailable, .proofNotObject: .cryptosuite
        case .missingMember(let name), .wrongMemberType(let name), .emptyMember(let name):
            name == "type" || name == "cryptosuite" ? .cryptosuite : .proofStructure
        case .unexpectedMember, .invalidDateTime: .proofStructure
        case .proofPurposeMismatch: .proofPurpose
        case .domainMismatch: .domain
        case .challengeMismatch: .challenge
        case .expired: .expiry
        case .previousProofNotFound, .previousProofNotVerified: .previousProof
        case .contextMismatch, .jsonLD, .canonicalization: .context
        case .proofValueNotBase58btc, .invalidProofValue, .invalidSignatureLength: .proofValue
        case .verificationKey: .verificationMethod
        case .signatureInvalid: .signature
        }
    }

    /// The error type Data Integrity §5.1 "Processing Errors" assigns, e.g. `INVALID_DOMAIN_ERROR`.
    public var specErrorType: String {
        switch self {
        case .parsing, .documentNotObject: "PARSING_ERROR"
        case .domainMismatch: "INVALID_DOMAIN_ERROR"
        case .challengeMismatch: "INVALID_CHALLENGE_ERROR"
        case .jsonLD, .canonicalization: "PROOF_TRANSFORMATION_ERROR"
        case .verificationKey(let error): error.specErrorType
        default: "PROOF_VERIFICATION_ERROR"
        }
    }
}

/// The steps of proof verification, in the order MedCred runs them (Data Integrity §4.4 "Verify Proof",
/// then vc-di-eddsa §3.3.2); a ``ProofVerification`` lists those that passed.
public enum DataIntegrityCheck: String, CaseIterable, Sendable {
    /// The document parses, is an object and has a non-empty `proof`.
    case document
    /// The proof is an object whose `type` is `DataIntegrityProof` and `cryptosuite` is `eddsa-jcs-2022`.
    case cryptosuite
    /// Every member is known, present when required and of the right type and lexical form.
    case proofStructure
    /// `proofPurpose` is the expected one.
    case proofPurpose
    /// `domain` matches the expected domains.
    case domain
    /// `challenge` matches the expected challenge.
    case challenge
    /// `expires`, when present, is still in the future.
    case expiry
    /// Every `previousProof` id is in the set, and those proofs verified.
    case previousProof
    /// The proof's `@context` is a prefix of the document's.
    case context
    /// `proofValue` is base58btc multibase holding 64 bytes.
    case proofValue
    /// The verification method resolves to a key authorized for the purpose.
    case verificationMethod
    /// The signature verifies.
    case signature
}
