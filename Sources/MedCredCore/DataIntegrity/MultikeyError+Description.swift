/// One-line messages for people (CLI output, problem `detail`); they never quote key bytes.
extension MultikeyError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notBase58btc(let prefix): "a Multikey must be base58btc ('z'), not '\(prefix)'"
        case .invalidMultibase(let error): "the Multikey is not valid base58btc: \(error)"
        case .invalidMulticodec(let error): "the Multikey has no valid multicodec header: \(error)"
        case .wrongCodec(let expected, let actual): "the Multikey holds a \(actual) key, not \(expected)"
        case .invalidKeyLength(let expected, let actual):
            "the Multikey's key is \(actual) bytes; Ed25519 keys are \(expected)"
        }
    }
}
