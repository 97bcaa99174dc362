/// One-line messages for people (CLI output, problem `detail`); they quote member names, never key bytes.
extension JWKError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .missingMember(let name): "the JWK has no '\(name)' member"
        case .wrongMemberType(let name): "the JWK member '\(name)' has the wrong JSON type"
        case .privateKeyMember: "the JWK contains the private key member 'd', which must never be published"
        case .unsupportedKeyType(let type):
            "JWK key type '\(type)' is not supported (expected 'OKP', or 'EC' where P-256 is accepted)"
        case .unsupportedCurve(let curve):
            "JWK curve '\(curve)' is not supported (expected 'Ed25519', or 'P-256' where accepted)"
        case .invalidBase64URL(let error): "the JWK member 'x' or 'y' is not unpadded base64url: \(error)"
        case .invalidKeyLength(let expected, let actual):
            "a JWK coordinate decodes to \(actual) bytes, not \(expected)"
        case .notOnCurve: "the JWK members 'x' and 'y' are not a point on P-256"
        case .notForVerification(let member):
            "the JWK's '\(member)' restricts the key to something other than signature verification with its algorithm"
        }
    }
}
