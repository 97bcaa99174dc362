public import MedCredCrypto

/// A public key a JWS is verified with, and the `alg` values it verifies (RFC 7515 §5.2 step 8, RFC 8725 §3.1).
///
/// Binding the algorithm to the key, not to the header, is what prevents algorithm confusion (RFC 8725 §2.1):
/// an Ed25519 key verifies only `EdDSA`/`Ed25519`, a P-256 key only `ES256` (RFC 7518 §3.4); `none` and HMAC
/// verify with no key. MedCred signs with Ed25519 and resolves only Ed25519 keys from DIDs; P-256 keys come only
/// from a JWK the caller or the issuer (`cnf.jwk`) supplies.
public enum JWSVerificationKey: Hashable, Sendable {
    /// An Ed25519 key (RFC 8037).
    case ed25519(Ed25519.PublicKey)
    /// A P-256 key (RFC 7518 §3.4).
    case p256(P256.PublicKey)

    /// Reads a public JWK: `kty` `OKP` with `crv` `Ed25519` (RFC 8037 §2), or `kty` `EC` with `crv` `P-256`
    /// (RFC 7518 §6.2.1).
    /// - Parameter jwk: the JWK members.
    /// - Throws: ``JWKError`` as ``JWK/ed25519PublicKey(_:)`` and ``JWK/p256PublicKey(_:)`` do;
    ///   ``JWKError/unsupportedKeyType(_:)`` for any other `kty`.
    public init(jwk: JSONObject) throws(JWKError) {
        switch jwk["kty"]?.stringValue {
        case "EC": self = .p256(try JWK.p256PublicKey(jwk))
        default: self = .ed25519(try JWK.ed25519PublicKey(jwk))
        }
    }

    /// The `alg` values this key verifies.
    public var algorithms: [String] {
        switch self {
        case .ed25519: JOSEHeaderCheck.algorithms
        case .p256: ["ES256"]
        }
    }

    /// The Ed25519 key, when it is one.
    public var ed25519: Ed25519.PublicKey? {
        if case .ed25519(let key) = self { key } else { nil }
    }

    /// Verifies a JWS signature over its signing input.
    /// - Parameters:
    ///   - signature: the decoded signature (64 bytes for both key types).
    ///   - signingInput: `ASCII(BASE64URL(header) || '.' || BASE64URL(payload))`.
    /// - Returns: `true` only for a valid signature by this key.
    public func isValidSignature(_ signature: [UInt8], for signingInput: [UInt8]) -> Bool {
        switch self {
        case .ed25519(let key): key.isValidSignature(signature, for: signingInput)
        case .p256(let key): key.isValidSignature(signature, for: signingInput)
        }
    }
}
