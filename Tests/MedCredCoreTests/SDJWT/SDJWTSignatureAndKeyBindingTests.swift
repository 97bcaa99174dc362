import MedCredCore
import MedCredCrypto
import Testing

/// RFC 9901 §7.1 step 2 (issuer JWT: algorithm, signature, times) and §7.3 (key binding) rejections.
@Suite struct SDJWTSignatureAndKeyBindingTests {
    static func claims(_ extra: JSONObject = [:]) throws -> JSONObject {
        var claims: JSONObject = [
            "iss": .string(try SDJWTFixture.issuerDID()), "iat": .number(Double(SDJWTFixture.now)),
            "cnf": ["jwk": .object(JWK.json(for: try SDJWTFixture.holderKey().publicKey))],
        ]
        for member in extra { claims[member.name] = member.value }
        return claims
    }

    static func issuerJWT(header: JSONObject, claims: JSONObject) throws -> SDJWT {
        SDJWT(issuerJWT: try SDJWTFixture.sign(header: header, payload: .object(claims)), disclosures: [])
    }

    /// A KB-JWT with the given header and payload edits, signed by `key` (the holder by default).
    static func kb(
        _ sdJWT: SDJWT, header: JSONObject = ["alg": "EdDSA", "typ": "kb+jwt"], edits: JSONObject = [:],
        key: Ed25519.PrivateKey? = nil
    ) throws -> SDJWT {
        var payload: JSONObject = [
            "iat": .number(Double(SDJWTFixture.now)), "aud": .string(SDJWTFixture.audience),
            "nonce": .string(SDJWTFixture.nonce), "sd_hash": .string(sdJWT.sdHash),
        ]
        for member in edits { payload[member.name] = member.value.isNull ? nil : member.value }
        let jwt = try SDJWTFixture.sign(header: header, payload: .object(payload), key: key ?? SDJWTFixture.holderKey())
        return SDJWT(issuerJWT: sdJWT.issuerJWT, disclosures: sdJWT.disclosures, keyBindingJWT: jwt)
    }

    // MARK: Issuer JWT

    @Test(arguments: ["none", "ES256", "HS256", "RS256", "eddsa"])
    func refusesAlgorithmsOtherThanEdDSA(_ alg: String) throws {
        let sdJWT = try Self.issuerJWT(header: ["alg": .string(alg)], claims: try Self.claims())
        #expect(throws: SDJWTError.unsupportedAlgorithm(alg)) { try SDJWTFixture.verify(sdJWT, keyBinding: nil) }
    }

    @Test func acceptsTheFullySpecifiedEd25519Algorithm() throws {
        let sdJWT = try Self.issuerJWT(header: ["alg": "Ed25519"], claims: try Self.claims())
        #expect(try SDJWTFixture.verify(sdJWT, keyBinding: nil).payload.claims["iss"] != nil)
    }

    @Test func refusesASignatureByAnotherKey() throws {
        let sdJWT = try SDJWTFixture.sdJWT()
        #expect(throws: SDJWTError.issuerSignatureInvalid) {
            try SDJWTVerifier.verify(
                sdJWT, issuerKey: try SDJWTFixture.otherKey().publicKey, options: SDJWTFixture.options(keyBinding: nil))
        }
    }

    @Test func refusesATamperedPayload() throws {
        let sdJWT = try SDJWTFixture.sdJWT()
        let parts = sdJWT.issuerJWT.split(separator: ".").map(String.init)
        var payload = try SDJWTFixture.payload(of: sdJWT.issuerJWT)
        payload["exp"] = 4_000_000_000
        let jwt = parts[0] + "." + Base64URL.encode(JSONValue.object(payload).utf8Bytes) + "." + parts[2]
        #expect(throws: SDJWTError.issuerSignatureInvalid) {
            try SDJWTFixture.verify(SDJWT(issuerJWT: jwt, disclosures: sdJWT.disclosures), keyBinding: nil)
        }
    }

    @Test func refusesCriticalHeaders() throws {
        let sdJWT = try Self.issuerJWT(header: ["alg": "EdDSA", "crit": ["b64"]], claims: try Self.claims())
        #expect(throws: SDJWTError.unsupportedCriticalHeaders(["b64"])) {
            try SDJWTFixture.verify(sdJWT, keyBinding: nil)
        }
    }

    @Test func refusesAnExpiredSDJWT() throws {
        let sdJWT = try Self.issuerJWT(header: ["alg": "EdDSA"], claims: try Self.claims(["exp": 1_700_000_000]))
        #expect(throws: SDJWTError.expired(exp: 1_700_000_000, now: SDJWTFixture.now)) {
            try SDJWTFixture.verify(sdJWT, keyBinding: nil)
        }
    }

    @Test func refusesAnSDJWTNotYetValid() throws {
        let nbf = Double(SDJWTFixture.now + 10)
        let sdJWT = try Self.issuerJWT(header: ["alg": "EdDSA"], claims: try Self.claims(["nbf": .number(nbf)]))
        #expect(throws: SDJWTError.notYetValid(nbf: nbf, now: SDJWTFixture.now)) {
            try SDJWTFixture.verify(sdJWT, keyBinding: nil)
        }
    }

    @Test func refusesAWrongType() throws {
        let sdJWT = try Self.issuerJWT(header: ["alg": "EdDSA", "typ": "JWT"], claims: try Self.claims())
        let options = SDJWTVerificationOptions(now: SDJWTFixture.now, acceptedTypes: ["dc+sd-jwt"])
        #expect(throws: SDJWTError.typeMismatch(expected: ["dc+sd-jwt"], actual: "JWT")) {
            try SDJWTVerifier.verify(sdJWT, issuerKey: try SDJWTFixture.issuerKey().publicKey, options: options)
        }
    }

    // MARK: Key binding

    @Test func refusesAMissingKeyBindingWhenRequired() throws {
        #expect(throws: SDJWTError.keyBindingMissing) { try SDJWTFixture.verify(try SDJWTFixture.sdJWT()) }
    }

    @Test func refusesKeyBindingWithoutAHolderKey() throws {
        let sdJWT = try Self.issuerJWT(header: ["alg": "EdDSA"], claims: try Self.claims().removing("cnf"))
        #expect(throws: SDJWTError.missingHolderKey) { try SDJWTFixture.verify(try Self.kb(sdJWT)) }
    }

    @Test(arguments: [JSONValue.string("JWT"), "dc+sd-jwt", nil])
    func refusesAWrongKeyBindingType(_ typ: JSONValue?) throws {
        var header: JSONObject = ["alg": "EdDSA"]
        header["typ"] = typ
        #expect(throws: SDJWTError.keyBindingTypeMismatch(typ?.stringValue)) {
            try SDJWTFixture.verify(try Self.kb(try SDJWTFixture.sdJWT(), header: header))
        }
    }

    @Test func refusesAKeyBindingJWTWithAlgNone() throws {
        #expect(throws: SDJWTError.unsupportedAlgorithm("none")) {
            try SDJWTFixture.verify(try Self.kb(try SDJWTFixture.sdJWT(), header: ["alg": "none", "typ": "kb+jwt"]))
        }
    }

    @Test func refusesAKeyBindingJWTByAnotherKey() throws {
        #expect(throws: SDJWTError.keyBindingSignatureInvalid) {
            try SDJWTFixture.verify(try Self.kb(try SDJWTFixture.sdJWT(), key: try SDJWTFixture.otherKey()))
        }
    }

    @Test func refusesAWrongAudience() throws {
        let sdJWT = try SDJWTFixture.bind(try SDJWTFixture.sdJWT(), audience: "https://evil.example")
        #expect(
            throws: SDJWTError.keyBindingAudienceMismatch(
                expected: SDJWTFixture.audience, actual: "https://evil.example")
        ) { try SDJWTFixture.verify(sdJWT) }
        #expect(throws: SDJWTError.keyBindingAudienceMismatch(expected: SDJWTFixture.audience, actual: nil)) {
            try SDJWTFixture.verify(try Self.kb(try SDJWTFixture.sdJWT(), edits: ["aud": nil]))
        }
    }

    @Test func refusesAWrongNonce() throws {
        #expect(throws: SDJWTError.keyBindingNonceMismatch) {
            try SDJWTFixture.verify(try SDJWTFixture.bind(try SDJWTFixture.sdJWT(), nonce: "replayed"))
        }
    }

    @Test func refusesAStaleOrFutureIssuedAt() throws {
        let requirement = SDJWTFixture.requirement
        let stale = SDJWTFixture.now - requirement.maxAge - requirement.clockSkew - 1
        #expect(throws: SDJWTError.keyBindingIssuedTooLongAgo(iat: Double(stale), now: SDJWTFixture.now)) {
            try SDJWTFixture.verify(try SDJWTFixture.bind(try SDJWTFixture.sdJWT(), iat: stale))
        }
        let future = SDJWTFixture.now + requirement.clockSkew + 1
        #expect(throws: SDJWTError.keyBindingIssuedInFuture(iat: Double(future), now: SDJWTFixture.now)) {
            try SDJWTFixture.verify(try SDJWTFixture.bind(try SDJWTFixture.sdJWT(), iat: future))
        }
        let withinSkew = SDJWTFixture.now + requirement.clockSkew
        _ = try SDJWTFixture.verify(try SDJWTFixture.bind(try SDJWTFixture.sdJWT(), iat: withinSkew))
    }

    @Test func refusesAWrongSDHash() throws {
        // Bound over every disclosure, then one is dropped: the KB-JWT no longer covers what is presented.
        let bound = try SDJWTFixture.bind(try SDJWTFixture.sdJWT())
        let fewer = SDJWT(
            issuerJWT: bound.issuerJWT, disclosures: Array(bound.disclosures.dropLast()),
            keyBindingJWT: bound.keyBindingJWT)
        #expect(throws: SDJWTError.keyBindingHashMismatch) { try SDJWTFixture.verify(fewer) }
        #expect(throws: SDJWTError.keyBindingHashMismatch) {
            try SDJWTFixture.verify(try Self.kb(try SDJWTFixture.sdJWT(), edits: ["sd_hash": "AAAA"]))
        }
    }

    @Test func refusesAMalformedKeyBindingJWT() throws {
        let sdJWT = try SDJWTFixture.sdJWT()
        let broken = try SDJWT(parsing: sdJWT.serialized + "not.a-jwt")
        #expect(throws: SDJWTError.keyBindingJWT(.wrongPartCount(2))) { try SDJWTFixture.verify(broken) }
    }
}

extension JSONObject {
    fileprivate func removing(_ name: String) -> JSONObject {
        var copy = self
        copy[name] = nil
        return copy
    }
}
