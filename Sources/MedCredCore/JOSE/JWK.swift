public import MedCredCrypto

/// Ed25519 public keys as JSON Web Keys: `{"kty":"OKP","crv":"Ed25519","x":<base64url key>}`.
///
/// RFC 7517 (https://www.rfc-editor.org/rfc/rfc7517) with the Octet Key Pair type of RFC 8037 §2
/// (https://www.rfc-editor.org/rfc/rfc8037#section-2). This is the key material of the `JsonWebKey` and
/// `JsonWebKey2020` verification method types (CID 1.0 §2.2.3).
public enum JWK {
    /// The public JWK of an Ed25519 key (RFC 8037 §2): `kty`, `crv` and `x`, in that order.
    /// - Parameter publicKey: the key.
    /// - Returns: the JWK members.
    public static func json(for publicKey: Ed25519.PublicKey) -> JSONObject {
        ["kty": "OKP", "crv": "Ed25519", "x": .string(Base64URL.encode(publicKey.rawRepresentation))]
    }

    /// Reads an Ed25519 public key from a public JWK (RFC 8037 §2).
    ///
    /// `alg`, `use` and `key_ops` are optional, but when present they must allow EdDSA signature
    /// verification (RFC 7517 §4.2–4.4); other members are ignored as RFC 7517 §4 requires.
    /// - Parameter jwk: the JWK members, e.g. a verification method's `publicKeyJwk`.
    /// - Returns: the public key.
    /// - Throws: ``JWKError/missingMember(_:)``, ``JWKError/wrongMemberType(_:)``,
    ///   ``JWKError/privateKeyMember`` when `d` is present, ``JWKError/unsupportedKeyType(_:)`` for a
    ///   `kty` other than `OKP`, ``JWKError/unsupportedCurve(_:)`` for a `crv` other than `Ed25519`,
    ///   ``JWKError/invalidBase64URL(_:)`` or ``JWKError/invalidKeyLength(expected:actual:)`` for `x`, and
    ///   ``JWKError/notForVerification(member:)`` when `alg`, `use` or `key_ops` forbid verifying.
    public static func ed25519PublicKey(_ jwk: JSONObject) throws(JWKError) -> Ed25519.PublicKey {
        guard jwk["d"] == nil else { throw .privateKeyMember }
        let kty = try string(jwk, "kty")
        guard kty == "OKP" else { throw .unsupportedKeyType(kty) }
        let crv = try string(jwk, "crv")
        guard crv == "Ed25519" else { throw .unsupportedCurve(crv) }
        try checkUsage(jwk, algorithms: ["EdDSA", "Ed25519"])
        let x = try string(jwk, "x")
        let bytes: [UInt8]
        do { bytes = try Base64URL.decode(x) } catch { throw .invalidBase64URL(error) }
        do { return try Ed25519.PublicKey(rawRepresentation: bytes) } catch {
            throw .invalidKeyLength(expected: Ed25519.keyLength, actual: bytes.count)
        }
    }

    /// Reads a P-256 public key from a public JWK (RFC 7518 §6.2.1): `kty` `EC`, `crv` `P-256`, `x` and `y`.
    ///
    /// Only for keys a caller supplies explicitly (an SD-JWT issuer key, a `cnf.jwk`): MedCred itself signs
    /// with Ed25519 only. `alg`, when present, must be `ES256`; `use` and `key_ops` are checked as for Ed25519.
    /// - Parameter jwk: the JWK members.
    /// - Returns: the public key.
    /// - Throws: ``JWKError/missingMember(_:)``, ``JWKError/wrongMemberType(_:)``, ``JWKError/privateKeyMember``,
    ///   ``JWKError/unsupportedKeyType(_:)`` for a `kty` other than `EC`, ``JWKError/unsupportedCurve(_:)`` for
    ///   a `crv` other than `P-256`, ``JWKError/invalidBase64URL(_:)``,
    ///   ``JWKError/invalidKeyLength(expected:actual:)`` when `x` or `y` is not 32 bytes,
    ///   ``JWKError/notOnCurve`` and ``JWKError/notForVerification(member:)``.
    public static func p256PublicKey(_ jwk: JSONObject) throws(JWKError) -> P256.PublicKey {
        guard jwk["d"] == nil else { throw .privateKeyMember }
        let kty = try string(jwk, "kty")
        guard kty == "EC" else { throw .unsupportedKeyType(kty) }
        let crv = try string(jwk, "crv")
        guard crv == "P-256" else { throw .unsupportedCurve(crv) }
        try checkUsage(jwk, algorithms: ["ES256"])
        var coordinates: [[UInt8]] = []
        for name in ["x", "y"] {
            let text = try string(jwk, name)
            let bytes: [UInt8]
            do { bytes = try Base64URL.decode(text) } catch { throw .invalidBase64URL(error) }
            guard bytes.count == P256.coordinateLength else {
                throw .invalidKeyLength(expected: P256.coordinateLength, actual: bytes.count)
            }
            coordinates.append(bytes)
        }
        do { return try P256.PublicKey(x: coordinates[0], y: coordinates[1]) } catch { throw .notOnCurve }
    }

    private static func checkUsage(_ jwk: JSONObject, algorithms: [String]) throws(JWKError) {
        if let alg = jwk["alg"] {
            guard let text = alg.stringValue else { throw .wrongMemberType("alg") }
            guard algorithms.contains(text) else { throw .notForVerification(member: "alg") }
        }
        if let use = jwk["use"] {
            guard let text = use.stringValue else { throw .wrongMemberType("use") }
            guard text == "sig" else { throw .notForVerification(member: "use") }
        }
        if let operations = jwk["key_ops"] {
            guard let list = operations.arrayValue, list.allSatisfy({ $0.stringValue != nil }) else {
                throw .wrongMemberType("key_ops")
            }
            guard list.contains("verify") else { throw .notForVerification(member: "key_ops") }
        }
    }

    private static func string(_ jwk: JSONObject, _ name: String) throws(JWKError) -> String {
        guard let value = jwk[name] else { throw .missingMember(name) }
        guard let text = value.stringValue else { throw .wrongMemberType(name) }
        return text
    }
}

/// Why a JSON Web Key is not a usable Ed25519 (RFC 8037 §2) or P-256 (RFC 7518 §6.2.1) public key (RFC 7517).
/// No case carries key bytes.
public enum JWKError: Error, Equatable, Sendable {
    /// A required member (`kty`, `crv` or `x`) is absent.
    case missingMember(String)
    /// The member has the wrong JSON type, e.g. a number for `x`.
    case wrongMemberType(String)
    /// The JWK holds the private key `d`, which must never appear where a public key is published.
    case privateKeyMember
    /// `kty` is not `OKP` (RFC 8037 §2).
    case unsupportedKeyType(String)
    /// `crv` is not `Ed25519` (RFC 8037 §2), e.g. `X25519` or `Ed448`.
    case unsupportedCurve(String)
    /// `x` is not strict unpadded base64url (RFC 7515 §2).
    case invalidBase64URL(Base64URLError)
    /// `x` (or, for P-256, `x` or `y`) does not decode to 32 bytes.
    case invalidKeyLength(expected: Int, actual: Int)
    /// `x` and `y` are not a point on P-256 (RFC 7518 §6.2.1).
    case notOnCurve
    /// `alg`, `use` or `key_ops` restricts the key to something other than EdDSA signature verification.
    case notForVerification(member: String)
}
