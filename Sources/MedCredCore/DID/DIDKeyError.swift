/// Why a DID is not an Ed25519 `did:key` this module accepts (did:key Method v0.9, "Document Creation",
/// "Signature Method Creation" and "Decode Public Key" algorithms, https://w3c-ccg.github.io/did-method-key/).
public enum DIDKeyError: Error, Equatable, Sendable {
    /// The text is not a DID at all (spec error `invalidDid`).
    case invalidDID(DIDParseError)
    /// The DID's method is not `key`.
    case wrongMethod(String)
    /// The identifier has a version component other than `1` (`did:key:<version>:<mb-value>`), or more than
    /// one extra component (spec error `invalidDid`).
    case unsupportedVersion(String)
    /// The multibase value does not start with `z`, base58btc (spec error `invalidDid`).
    case notBase58btc(Character)
    /// The base58btc text does not decode.
    case invalidMultibase(MultibaseError)
    /// The decoded bytes do not start with a multicodec varint followed by a payload.
    case invalidMulticodec(MulticodecError)
    /// The key type is not `ed25519-pub` (0xed), the only type this module resolves; `x25519-pub` (0xec)
    /// did:keys are among these (spec error `unsupportedPublicKeyType`).
    case unsupportedPublicKeyType(Multicodec)
    /// The key is not 32 bytes (spec error `invalidPublicKeyLength`).
    case invalidPublicKeyLength(expected: Int, actual: Int)
    /// The bytes do not encode a usable Ed25519 point: not on the curve, non-canonical or of small order,
    /// so no X25519 key can be derived (spec error `invalidPublicKey`).
    case invalidPublicKey

    /// The error name the did:key spec gives this failure, e.g. `invalidPublicKeyLength`.
    public var specErrorName: String {
        switch self {
        case .invalidDID, .wrongMethod, .unsupportedVersion, .notBase58btc, .invalidMultibase, .invalidMulticodec:
            "invalidDid"
        case .unsupportedPublicKeyType: "unsupportedPublicKeyType"
        case .invalidPublicKeyLength: "invalidPublicKeyLength"
        case .invalidPublicKey: "invalidPublicKey"
        }
    }
}
