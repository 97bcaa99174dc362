/// One-line messages for people (CLI output, problem `detail`); they quote only the offending fragment.
extension DIDParseError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .empty: "empty DID"
        case .missingScheme: "not a DID: it must begin with 'did:'"
        case .invalidScheme(let scheme): "the scheme must be lower-case 'did', not '\(scheme)'"
        case .emptyMethodName: "the DID method name is empty"
        case .invalidMethodName(let name):
            "invalid DID method name '\(name)': only lower-case letters and digits are allowed"
        case .missingMethodSpecificID: "the DID has no method-specific identifier after the method name"
        case .emptyMethodSpecificID: "the method-specific identifier is empty"
        case .trailingColon: "the method-specific identifier must not end with ':'"
        case .invalidCharacter(let character, let offset):
            "character '\(character.unicodeScalars.map { $0.escaped(asASCII: true) }.joined())' "
                + "is not allowed at offset \(offset)"
        case .invalidPercentEncoding(let offset): "'%' at offset \(offset) is not followed by two hex digits"
        case .pathNotAbsolute(let path): "the DID URL path '\(path)' must be empty or begin with '/'"
        case .unsupportedRelativeReference(let reference):
            "relative reference '\(reference)' is not supported; use '#fragment' or '?query'"
        }
    }
}

extension DIDKeyError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidDID(let error): error.description
        case .wrongMethod(let method): "not a did:key: the method is '\(method)'"
        case .unsupportedVersion(let version): "unsupported did:key version '\(version)'"
        case .notBase58btc(let prefix): "the did:key value must be base58btc ('z'), not '\(prefix)'"
        case .invalidMultibase(let error): "the did:key value does not decode: \(error)"
        case .invalidMulticodec(let error): "the did:key value has no valid multicodec prefix: \(error)"
        case .unsupportedPublicKeyType(let codec):
            "unsupported key type \(codec); MedCred resolves Ed25519 (ed25519-pub) did:keys only"
        case .invalidPublicKeyLength(let expected, let actual):
            "the public key is \(actual) bytes; Ed25519 keys are \(expected)"
        case .invalidPublicKey: "the public key is not a usable Ed25519 point"
        }
    }
}
