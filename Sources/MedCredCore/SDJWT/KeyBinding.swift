public import MedCredCrypto

/// What a verifier requires of the key-binding JWT (RFC 9901 §7.3, https://www.rfc-editor.org/rfc/rfc9901#section-7.3).
public struct KeyBindingRequirement: Equatable, Sendable {
    /// The verifier's identifier, which `aud` must equal (for MedCred, the challenge's domain).
    public var audience: String
    /// The nonce the verifier issued, which `nonce` must equal (for MedCred, the challenge).
    public var nonce: String
    /// How old `iat` may be, in seconds.
    public var maxAge: Int64
    /// Tolerated clock difference, in seconds, both ways.
    public var clockSkew: Int64

    /// Creates a requirement.
    /// - Parameters:
    ///   - audience: the expected `aud`.
    ///   - nonce: the expected `nonce`.
    ///   - maxAge: the oldest acceptable `iat`, in seconds before now; 300 unless given.
    ///   - clockSkew: the tolerated clock difference; 60 seconds unless given.
    public init(audience: String, nonce: String, maxAge: Int64 = 300, clockSkew: Int64 = 60) {
        self.audience = audience
        self.nonce = nonce
        self.maxAge = maxAge
        self.clockSkew = clockSkew
    }
}

/// Key-binding JWTs: the holder's proof of possession over one presentation (RFC 9901 §4.3).
public enum KeyBinding {
    /// The KB-JWT `typ`.
    public static let type = "kb+jwt"

    /// Adds a KB-JWT to a presentation: header `{"alg":"EdDSA","typ":"kb+jwt"}`, payload `iat`, `aud`, `nonce`
    /// and `sd_hash` over the SD-JWT as presented (RFC 9901 §4.3, §4.3.1).
    /// - Parameters:
    ///   - sdJWT: the SD-JWT with the disclosures chosen; any KB-JWT it has is replaced.
    ///   - audience: the verifier.
    ///   - nonce: the verifier's nonce.
    ///   - issuedAt: now, in seconds since 1970.
    ///   - signer: the holder key named in the payload's `cnf`.
    /// - Returns: the SD-JWT+KB.
    /// - Throws: ``SDJWTError/signerFailed(verificationMethod:reason:)``.
    public static func bind(
        _ sdJWT: SDJWT, audience: String, nonce: String, issuedAt: Int64, signer: some ProofSigner
    ) throws(SDJWTError) -> SDJWT {
        let bare = SDJWT(issuerJWT: sdJWT.issuerJWT, disclosures: sdJWT.disclosures)
        let payload: JSONValue = [
            "iat": .number(Double(issuedAt)), "aud": .string(audience), "nonce": .string(nonce),
            "sd_hash": .string(bare.sdHash),
        ]
        let jwt = try SDJWTIssuer.sign(
            header: ["alg": "EdDSA", "typ": .string(type)], payload: payload, signer: signer)
        return SDJWT(issuerJWT: sdJWT.issuerJWT, disclosures: sdJWT.disclosures, keyBindingJWT: jwt)
    }

    /// The Ed25519 key the issuer bound the credential to: `cnf.jwk` (RFC 7800 §3.2), or `cnf.kid` resolved by
    /// the caller.
    /// - Parameters:
    ///   - claims: the issuer JWT payload.
    ///   - kidKey: the key `cnf.kid` names, when the caller resolved one.
    /// - Returns: the key.
    /// - Throws: ``SDJWTError/missingHolderKey`` or ``SDJWTError/holderKey(_:)``.
    public static func holderKey(in claims: JSONObject, kidKey: Ed25519.PublicKey?) throws(SDJWTError)
        -> Ed25519.PublicKey
    {
        guard let cnf = claims["cnf"]?.objectValue else { throw .missingHolderKey }
        if let jwk = cnf["jwk"] {
            guard let object = jwk.objectValue else { throw .wrongType("cnf.jwk") }
            do { return try JWK.ed25519PublicKey(object) } catch { throw .holderKey(error) }
        }
        guard cnf["kid"]?.stringValue != nil, let kidKey else { throw .missingHolderKey }
        return kidKey
    }

    /// The key the issuer bound the credential to, from `cnf.jwk` (RFC 7800 §3.2): Ed25519, or P-256 (ES256).
    ///
    /// Used where the issuer key, too, was given as a JWK; `cnf.kid` is not resolved here.
    /// - Parameter claims: the issuer JWT payload.
    /// - Returns: the key.
    /// - Throws: ``SDJWTError/missingHolderKey``, ``SDJWTError/wrongType(_:)`` or ``SDJWTError/holderKey(_:)``.
    public static func holderVerificationKey(in claims: JSONObject) throws(SDJWTError) -> JWSVerificationKey {
        guard let jwk = claims["cnf"]?["jwk"] else { throw .missingHolderKey }
        guard let object = jwk.objectValue else { throw .wrongType("cnf.jwk") }
        do { return try JWSVerificationKey(jwk: object) } catch { throw .holderKey(error) }
    }

    /// Checks a KB-JWT (RFC 9901 §7.3 step 5): `alg`, `typ`, signature, `iat`, `aud`, `nonce`, `sd_hash`.
    /// - Parameters:
    ///   - sdJWT: the presentation carrying it.
    ///   - holderKey: the key from `cnf`.
    ///   - requirement: the expected audience and nonce, or `nil` to check only signature, type and hash.
    ///   - now: seconds since 1970.
    /// - Throws: ``SDJWTError/keyBindingMissing``, ``SDJWTError/keyBindingJWT(_:)``, and the `keyBinding…` cases.
    public static func verify(
        _ sdJWT: SDJWT, holderKey: Ed25519.PublicKey, requirement: KeyBindingRequirement?, now: Int64
    ) throws(SDJWTError) {
        try verify(sdJWT, holderVerificationKey: .ed25519(holderKey), requirement: requirement, now: now)
    }

    /// Checks a KB-JWT as ``verify(_:holderKey:requirement:now:)`` does, with an Ed25519 or P-256 holder key; the
    /// key decides the accepted `alg`.
    /// - Parameters:
    ///   - sdJWT: the presentation carrying it.
    ///   - holderVerificationKey: the key from `cnf`.
    ///   - requirement: the expected audience and nonce, or `nil`.
    ///   - now: seconds since 1970.
    /// - Throws: as ``verify(_:holderKey:requirement:now:)``.
    public static func verify(
        _ sdJWT: SDJWT, holderVerificationKey holderKey: JWSVerificationKey, requirement: KeyBindingRequirement?,
        now: Int64
    ) throws(SDJWTError) {
        guard let text = sdJWT.keyBindingJWT else { throw .keyBindingMissing }
        let jws: CompactJWS
        do { jws = try CompactJWS(parsing: text) } catch { throw .keyBindingJWT(error) }
        try SDJWTHeaderCheck.algorithm(jws.header, accepted: holderKey.algorithms)
        let typ = jws.header["typ"]?.stringValue
        guard typ == type else { throw .keyBindingTypeMismatch(typ) }
        guard holderKey.isValidSignature(jws.signature, for: jws.signingInput) else {
            throw .keyBindingSignatureInvalid
        }
        guard let payload = jws.payload.objectValue else { throw .keyBindingJWT(.notObject(.payload)) }
        guard let iat = payload["iat"]?.doubleValue else { throw .wrongType("iat") }
        guard payload["sd_hash"]?.stringValue == sdJWT.sdHash else { throw .keyBindingHashMismatch }
        guard let requirement else { return }
        let aud = payload["aud"]?.stringValue
        guard aud.map({ ExactString.equal($0, requirement.audience) }) == true else {
            throw .keyBindingAudienceMismatch(expected: requirement.audience, actual: aud)
        }
        guard payload["nonce"]?.stringValue.map({ ExactString.equal($0, requirement.nonce) }) == true else {
            throw .keyBindingNonceMismatch
        }
        if iat > Double(now + requirement.clockSkew) { throw .keyBindingIssuedInFuture(iat: iat, now: now) }
        if iat < Double(now - requirement.maxAge - requirement.clockSkew) {
            throw .keyBindingIssuedTooLongAgo(iat: iat, now: now)
        }
    }
}
