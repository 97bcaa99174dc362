/// One-line messages for people (CLI output, problem `detail`); they quote DID URLs, member and type names.
extension VerificationKeyError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidVerificationMethodURL(let url):
            "'\(url)' is not an absolute DID URL without path or query"
        case .unsupportedProofPurpose(let purpose):
            "proof purpose '\(purpose)' is not a DID verification relationship, so no key is authorized for it"
        case .documentIDMismatch(let expected, let actual):
            "the resolved DID document's id is \(actual), not \(expected)"
        case .verificationMethodNotFound(let method): "the DID document has no verification method \(method)"
        case .controllerMismatch(let method, let controller):
            "verification method \(method) is controlled by \(controller), not by its DID document's DID"
        case .notAuthorized(let method, let relationship):
            "verification method \(method) is not listed under '\(relationship.rawValue)'"
        case .unsupportedVerificationMethodType(let method, let type):
            "verification method \(method) has type '\(type)', from which MedCred reads no Ed25519 key"
        case .missingKeyMaterial(let method, let member): "verification method \(method) has no '\(member)'"
        case .invalidMultikey(let method, let error):
            "the 'publicKeyMultibase' of \(method) is not an Ed25519 Multikey: \(error)"
        case .invalidBase58Key(let method, let error):
            "the 'publicKeyBase58' of \(method) is not base58btc: \(error)"
        case .invalidKeyLength(let method, let expected, let actual):
            "the 'publicKeyBase58' of \(method) decodes to \(actual) bytes; an Ed25519 key is \(expected)"
        case .invalidJWK(let method, let error):
            "the 'publicKeyJwk' of \(method) is not an Ed25519 public JWK: \(error)"
        case .unknownVerificationMethod(let method): "no key is known for verification method '\(method)'"
        }
    }
}
