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
    /// The holder key from `cnf`, when a KB-JWT was verified with it and it is an Ed25519 key.
    public let holderKey: Ed25519.PublicKey?
    /// The holder key from `cnf`, of either type, when a KB-JWT was verified with it.
    public let holderVerificationKey: JWSVerificationKey?
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
        try verify(sdJWT, issuerKey: .ed25519(issuerKey), options: options) { payload throws(SDJWTError) in
            .ed25519(try KeyBinding.holderKey(in: payload, kidKey: holderKidKey))
        }
    }

    /// Verifies an SD-JWT with an issuer key the caller supplies as a public JWK, as for SD-JWTs from other
    /// implementations: Ed25519 (`alg` `EdDSA`/`Ed25519`) or P-256 (`alg` `ES256`, RFC 7518 §3.4).
    ///
    /// The key decides the algorithm, never the header (RFC 8725 §2.1). The KB-JWT is verified with `cnf.jwk`,
    /// Ed25519 or P-256 likewise; `cnf.kid` is not resolved here.
    /// - Parameters:
    ///   - sdJWT: the presentation.
    ///   - issuerJWK: the issuer's public JWK, obtained by the caller (e.g. from issuer metadata it trusts).
    ///   - options: time, accepted types and key-binding requirement.
    /// - Returns: the header, claims and holder key.
    /// - Throws: ``SDJWTError/issuerKey(_:)`` for an unusable JWK, and the cases of
    ///   ``verify(_:issuerKey:holderKidKey:options:)``.
    public static func verify(_ sdJWT: SDJWT, issuerJWK: JSONObject, options: SDJWTVerificationOptions)
        throws(SDJWTError) -> SDJWTVerified
    {
        let issuerKey: JWSVerificationKey
        do { issuerKey = try JWSVerificationKey(jwk: issuerJWK) } catch { throw .issuerKey(error) }
        return try verify(sdJWT, issuerKey: issuerKey, options: options) { payload throws(SDJWTError) in
            try KeyBinding.holderVerificationKey(in: payload)
        }
    }

    private static func verify(
        _ sdJWT: SDJWT, issuerKey: JWSVerificationKey, options: SDJWTVerificationOptions,
        holderKey: (JSONObject) throws(SDJWTError) -> JWSVerificationKey
    ) throws(SDJWTError) -> SDJWTVerified {
        let jws = try sdJWT.issuerJWS()
        try SDJWTHeaderCheck.run(jws.header, algorithms: issuerKey.algorithms, acceptedTypes: options.acceptedTypes)
        guard issuerKey.isValidSignature(jws.signature, for: jws.signingInput) else { throw .issuerSignatureInvalid }
        guard let payload = jws.payload.objectValue else { throw .issuerJWT(.notObject(.payload)) }
        try SDJWTHeaderCheck.times(payload, now: options.now)
        let processed = try SDJWTPayloadProcessor.process(payload: payload, disclosures: sdJWT.disclosures)
        guard sdJWT.keyBindingJWT != nil || options.keyBinding != nil else {
            return SDJWTVerified(header: jws.header, payload: processed, holderKey: nil, holderVerificationKey: nil)
        }
        guard sdJWT.keyBindingJWT != nil else { throw .keyBindingMissing }
        let key = try holderKey(payload)
        try KeyBinding.verify(sdJWT, holderVerificationKey: key, requirement: options.keyBinding, now: options.now)
        return SDJWTVerified(header: jws.header, payload: processed, holderKey: key.ed25519, holderVerificationKey: key)
    }
}

/// Header and time checks shared by the issuer JWT and the KB-JWT.
enum SDJWTHeaderCheck {
    static func run(_ header: JSONObject, algorithms: [String], acceptedTypes: [String]?) throws(SDJWTError) {
        try algorithm(header, accepted: algorithms)
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

    /// Only the algorithms of the verifying key (``JWSVerificationKey/algorithms``): EdDSA over Ed25519 as MedCred
    /// issues, or ES256 for a P-256 key the caller gave; `none` and HMAC are always refused (RFC 9901 §7.1
    /// step 2.2).
    static func algorithm(_ header: JSONObject, accepted: [String]) throws(SDJWTError) {
        guard let alg = header["alg"]?.stringValue else { throw .wrongType("alg") }
        guard accepted.contains(where: { ExactString.equal($0, alg) }) else {
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
