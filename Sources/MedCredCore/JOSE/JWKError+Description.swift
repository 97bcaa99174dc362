/// One-line messages for people (CLI output, problem `detail`); they quote member names, never key bytes.
extension JWKError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .missingMember(let name): "the JWK has no '\(name)' member"
        case .wrongMemberType(let name): "the JWK member '\(name)' has the wrong JSON type"
        case .privateKeyMember: "the JWK contains the private key member 'd', which must never be published"
        case .unsupportedKeyType(let type): "JWK key type '\(type)' is not supported (expected 'OKP')"
        case .unsupportedCurve(let curve): "JWK curve '\(curve)' is not supported (expected 'Ed25519')"
        case .invalidBase64URL(let error): "the JWK member 'x' is not unpadded base64url: \(error)"
        case .invalidKeyLength(let expected, let actual):
            "the JWK member 'x' decodes to \(actual) bytes; Ed25519 keys are \(expected)"
        case .notForVerification(let member):
            "the JWK's '\(member)' restricts the key to something other than EdDSA signature verification"
        }
    }
}
