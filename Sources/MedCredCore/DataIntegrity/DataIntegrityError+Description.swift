/// One-line messages for people (CLI output, problem `detail`). They quote member names, proof ids,
/// cryptosuite names, DID URLs, times and lengths; never a challenge, a context value or document content.
extension DataIntegrityError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .parsing(let error): "the document is not strict I-JSON: \(error)"
        case .documentNotObject: "the document is not a JSON object"
        case .missingProof: "the document has no 'proof' member"
        case .emptyProofSet: "the document's 'proof' is an empty array"
        case .duplicateProofID(let id): "two proofs in the set have the id '\(id)'"
        case .proofNotObject(let index): "proof \(index) of the set is not a JSON object"
        case .missingMember(let name): "the proof has no '\(name)' member"
        case .unexpectedMember(let name): "the proof member '\(name)' is not defined by Data Integrity"
        case .wrongMemberType(let name): "the proof member '\(name)' has the wrong JSON type"
        case .emptyMember(let name): "the proof member '\(name)' is empty"
        case .unknownProofType(let type):
            "proof type '\(type)' is not supported (MedCred verifies DataIntegrityProof and Ed25519Signature2020)"
        case .unsupportedCryptosuite(let suite):
            "cryptosuite '\(suite)' is not supported (MedCred verifies eddsa-jcs-2022 and eddsa-rdfc-2022)"
        case .contextsUnavailable(let suite):
            "'\(suite)' proofs need the pinned JSON-LD contexts, which this verifier was not given"
        case .jsonLD(let error): "the document cannot be canonicalized as JSON-LD: \(error)"
        case .canonicalization(let error): "the document cannot be canonicalized: \(error)"
        case .invalidDateTime(let member, let error): "the proof's '\(member)' is not an XSD dateTimeStamp: \(error)"
        case .proofPurposeMismatch(let expected, let actual):
            "the proof purpose is '\(actual)', but '\(expected)' was expected"
        case .domainMismatch(let expected, let actual):
            "the proof's domain \(Self.list(actual)) does not match the expected \(Self.list(expected))"
        case .challengeMismatch(_, let actual):
            actual == nil
                ? "the proof has no 'challenge', but one was expected" : "the proof's challenge is not the expected one"
        case .expired(let expires, let now): "the proof expired at \(expires) (now \(now))"
        case .previousProofNotFound(let id): "'previousProof' names '\(id)', which no proof in the set has"
        case .previousProofNotVerified(let id): "the previous proof '\(id)' this proof chains to did not verify"
        case .contextMismatch: "the document's '@context' does not begin with the proof's '@context'"
        case .proofValueNotBase58btc(let prefix): "'proofValue' must be base58btc ('z'), not '\(prefix)'"
        case .invalidProofValue(let error): "'proofValue' is not valid base58btc: \(error)"
        case .invalidSignatureLength(let expected, let actual):
            "'proofValue' decodes to \(actual) bytes; an Ed25519 signature is \(expected)"
        case .verificationKey(let error): "the verification method's key: \(error)"
        case .signatureInvalid: "the Ed25519 signature does not verify over the document and proof options"
        }
    }

    private static func list(_ values: [String]) -> String {
        "[" + values.map { "'\($0)'" }.joined(separator: ", ") + "]"
    }
}
