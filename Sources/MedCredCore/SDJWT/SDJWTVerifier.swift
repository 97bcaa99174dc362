public import MedCredCrypto

/// What a verifier accepts, besides the keys.
public struct SDJWTVerificationOptions: Equatable, Sendable {
    /// Now, in seconds since 1970, for `exp`, `nbf` and the KB-JWT `iat`.
    public var now: Int64
    /// The issuer JWT `typ` values accepted (compared without `application/`, ignoring case); `nil` accepts any.
    public var acceptedTypes: [String]?
    /// Key binding the verifier requires, or `nil` when a presentation without KB-JWT is acceptable.
    public var keyBinding: KeyBindingRequirement?

    /// Creates options.
    /// - Parameters:
    ///   - now: seconds since 1970.
    ///   - acceptedTypes: the `typ` values accepted, or `nil`.
    ///   - keyBinding: the key-binding requirement, or `nil`.
    public init(now: Int64, acceptedTypes: [String]? = nil, keyBinding: KeyBindingRequirement? = nil) {
        self.now = now
        self.acceptedTypes = acceptedTypes
        self.keyBinding = keyBinding
    }
}

/// A verified SD-JWT: the issuer header, the disclosed claims and the holder key when bound.
public struct SDJWTVerified: Equatable, Sendable {
    /// The issuer JWT header.
    public let header: JSONObject
    /// The processed payload (RFC 9901 §7.1 step 6).
    public let payload: SDJWTProcessedPayload
    /// The holder key from `cnf`, when a KB-JWT was verified with it.
    public let holderKey: Ed25519.PublicKey?
}

/// Verifies SD-JWTs and SD-JWT+KBs (RFC 9901 §7.1–7.3, https://www.rfc-editor.org/rfc/rfc9901#section-7).
///
/// Throws the first rule broken: this is the building block beneath ``SDJWTCredentialVerifier``, which turns the
/// error into a named failed check.
public enum SDJWTVerifier {
    /// Verifies the issuer signature, the validity period, every disclosure and, when present or required, the
    /// key binding.
    /// - Parameters:
    ///   - sdJWT: the presentation.
    ///   - issuerKey: the issuer's Ed25519 key (from `kid`, resolved by the caller).
    ///   - holderKidKey: the key `cnf.kid` names, when the caller resolved one.
    ///   - options: time, accepted types and key-binding requirement.
    /// - Returns: the header, claims and holder key.
    /// - Throws: ``SDJWTError``: any case of header, signature, time, disclosure or key-binding checking.
    public static func verify(
        _ sdJWT: SDJWT, issuerKey: Ed25519.PublicKey, holderKidKey: Ed25519.PublicKey? = nil,
        options: SDJWTVerificationOptions
    ) throws(SDJWTError) -> SDJWTVerified {
        let jws = try sdJWT.issuerJWS()
        try SDJWTHeaderCheck.run(jws.header, acceptedTypes: options.acceptedTypes)
        guard issuerKey.isValidSignature(jws.signature, for: jws.signingInput) else { throw .issuerSignatureInvalid }
        guard let payload = jws.payload.objectValue else { throw .issuerJWT(.notObject(.payload)) }
        try SDJWTHeaderCheck.times(payload, now: options.now)
        let processed = try SDJWTPayloadProcessor.process(payload: payload, disclosures: sdJWT.disclosures)
        guard sdJWT.keyBindingJWT != nil || options.keyBinding != nil else {
            return SDJWTVerified(header: jws.header, payload: processed, holderKey: nil)
        }
        guard sdJWT.keyBindingJWT != nil else { throw .keyBindingMissing }
        let holderKey = try KeyBinding.holderKey(in: payload, kidKey: holderKidKey)
        try KeyBinding.verify(sdJWT, holderKey: holderKey, requirement: options.keyBinding, now: options.now)
        return SDJWTVerified(header: jws.header, payload: processed, holderKey: holderKey)
    }
}

/// Header and time checks shared by the issuer JWT and the KB-JWT.
enum SDJWTHeaderCheck {
    static func run(_ header: JSONObject, acceptedTypes: [String]?) throws(SDJWTError) {
        try algorithm(header)
        if let crit = header["crit"] {
            throw .unsupportedCriticalHeaders(crit.arrayValue?.compactMap(\.stringValue) ?? [])
        }
        guard let acceptedTypes else { return }
        let typ = header["typ"]?.stringValue
        let normalized = typ.map(JOSEHeaderCheck.normalizedMediaType)
        guard let normalized, acceptedTypes.contains(where: { ExactString.equal($0, normalized) }) else {
            throw .typeMismatch(expected: acceptedTypes, actual: typ)
        }
    }

    /// Only EdDSA over Ed25519, as MedCred issues; `none`, HMAC and ECDSA are refused (RFC 9901 §7.1 step 2.2).
    static func algorithm(_ header: JSONObject) throws(SDJWTError) {
        guard let alg = header["alg"]?.stringValue else { throw .wrongType("alg") }
        guard JOSEHeaderCheck.algorithms.contains(where: { ExactString.equal($0, alg) }) else {
            throw .unsupportedAlgorithm(alg)
        }
    }

    /// RFC 7519 §4.1.4–4.1.5 on the issuer JWT (RFC 9901 §7.1 step 2.4).
    static func times(_ payload: JSONObject, now: Int64) throws(SDJWTError) {
        for name in ["exp", "nbf", "iat"] where payload[name] != nil && payload[name]?.doubleValue == nil {
            throw .wrongType(name)
        }
        if let exp = payload["exp"]?.doubleValue, Double(now) >= exp { throw .expired(exp: exp, now: now) }
        if let nbf = payload["nbf"]?.doubleValue, Double(now) < nbf { throw .notYetValid(nbf: nbf, now: now) }
    }
}
