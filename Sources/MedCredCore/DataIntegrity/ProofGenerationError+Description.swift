/// One-line messages for people (CLI output, problem `detail`); they quote option names and ids only.
extension ProofGenerationError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .documentNotObject: "the document to sign is not a JSON object"
        case .emptyOption(let name): "the proof option '\(name)' is empty"
        case .existingProofNotObject(let index):
            index.map { "element \($0) of the existing 'proof' is not a JSON object" }
                ?? "the existing 'proof' is neither an object nor an array of objects"
        case .previousProofNotFound(let id): "'previousProof' names '\(id)', which no proof on the document has"
        case .signerFailed(let method, let reason): "the signer for '\(method)' could not sign: \(reason)"
        case .invalidSignatureLength(let expected, let actual):
            "the signer returned \(actual) bytes; an Ed25519 signature is \(expected)"
        case .contextsRequired(let suite): "'\(suite.rawValue)' proofs need the pinned JSON-LD contexts"
        case .jsonLD(let error): "the document cannot be canonicalized as JSON-LD: \(error)"
        case .canonicalization(let error): "the document cannot be canonicalized: \(error)"
        }
    }
}
