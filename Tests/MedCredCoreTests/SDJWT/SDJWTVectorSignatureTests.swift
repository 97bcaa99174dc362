import MedCredCore
import MedCredCrypto
import MedCredTestSupport
import Testing

/// The P-256 keys of the examples, read from `oauth-sd-jwt-examples-settings.yml` (the settings the spec's example
/// generator used) with a regular expression: a YAML library for two JWKs is not worth a dependency.
enum SDJWTExampleKeys {
    static let settings = "sd-jwt/oauth-sd-jwt-examples-settings.yml"

    /// The public JWK of the first `issuer_keys` entry.
    static func issuerJWK() throws -> JSONObject { try jwk(after: "issuer_keys:") }
    /// The public JWK of `holder_key`.
    static func holderJWK() throws -> JSONObject { try jwk(after: "holder_key:") }

    private static func jwk(after section: String) throws -> JSONObject {
        let text = try Vectors.text(settings)
        let start = try #require(text.firstRange(of: section))
        let rest = text[start.upperBound...]
        let match = try #require(rest.firstMatch(of: /\n\s*x:\s*([A-Za-z0-9_-]+)\s*\n\s*y:\s*([A-Za-z0-9_-]+)/))
        return ["kty": "EC", "crv": "P-256", "x": .string(String(match.1)), "y": .string(String(match.2))]
    }
}

/// The ES256 signatures of the RFC 9901 (draft-22) and SD-JWT VC draft-18 examples, verified with the keys of the
/// examples' settings: the issuer JWT with the issuer key, and each KB-JWT with the holder key (RFC 9901 §7.1, §7.3).
@Suite struct SDJWTVectorSignatureTests {
    /// 2025-01-01T00:00:00Z: after every example's `iat`, before its `exp` (2029).
    static let now: Int64 = 1_735_689_600

    static func options(for vector: SDJWTCompactVector) -> SDJWTVerificationOptions {
        guard let kb = vector.keyBindingPayload, let iat = kb["iat"]?.doubleValue else {
            return SDJWTVerificationOptions(now: now)
        }
        let requirement = KeyBindingRequirement(
            audience: kb["aud"]?.stringValue ?? "", nonce: kb["nonce"]?.stringValue ?? "")
        return SDJWTVerificationOptions(now: Int64(iat), keyBinding: requirement)
    }

    @Test func readsTheExampleKeysFromTheSettings() throws {
        let issuer = try SDJWTExampleKeys.issuerJWK()
        #expect(issuer["x"] == "b28d4MwZMjw8-00CG4xfnn9SLMVMM19SlqZpVb_uNtQ")
        #expect(issuer["y"] == "Xv5zWwuoaTgdS6hV43yI6gBwTnjukmFQQnJ_kCxzqk8")
        #expect(try SDJWTExampleKeys.holderJWK()["x"] == "TCAER19Zvu3OHF4j4W4vfSVoHIP1ILilDls7vCeGemc")
    }

    @Test(arguments: try SDJWTVectorFiles.compacts())
    func verifiesTheExampleIssuerSignatureAndKeyBinding(_ vector: SDJWTCompactVector) throws {
        let sdJWT = try SDJWT(parsing: vector.compact)
        let verified = try SDJWTVerifier.verify(
            sdJWT, issuerJWK: try SDJWTExampleKeys.issuerJWK(), options: Self.options(for: vector))
        if let expected = vector.expected { #expect(verified.payload.claims == expected) }
        guard vector.keyBindingPayload != nil else { return }
        let holder = try JWSVerificationKey(jwk: try SDJWTExampleKeys.holderJWK())
        #expect(verified.holderVerificationKey == holder)
        #expect(verified.holderKey == nil)
        try KeyBinding.verify(
            sdJWT, holderVerificationKey: holder, requirement: Self.options(for: vector).keyBinding,
            now: Self.options(for: vector).now)
    }

    @Test(arguments: try SDJWTVectorFiles.compacts())
    func rejectsTheExampleWithATamperedIssuerSignature(_ vector: SDJWTCompactVector) throws {
        let sdJWT = try SDJWT(parsing: vector.compact)
        var parts = sdJWT.issuerJWT.split(separator: ".").map(String.init)
        var signature = try Base64URL.decode(parts[2])
        signature[10] ^= 0x01
        parts[2] = Base64URL.encode(signature)
        let tampered = SDJWT(
            issuerJWT: parts.joined(separator: "."), disclosures: sdJWT.disclosures, keyBindingJWT: sdJWT.keyBindingJWT)
        #expect(throws: SDJWTError.issuerSignatureInvalid) {
            try SDJWTVerifier.verify(
                tampered, issuerJWK: try SDJWTExampleKeys.issuerJWK(), options: Self.options(for: vector))
        }
    }

    @Test(arguments: try SDJWTVectorFiles.compacts())
    func rejectsTheExampleUnderTheHolderKeyAsIssuer(_ vector: SDJWTCompactVector) throws {
        let sdJWT = try SDJWT(parsing: vector.compact)
        #expect(throws: SDJWTError.issuerSignatureInvalid) {
            try SDJWTVerifier.verify(
                sdJWT, issuerJWK: try SDJWTExampleKeys.holderJWK(), options: Self.options(for: vector))
        }
    }

    @Test(arguments: try SDJWTVectorFiles.compacts().filter { $0.keyBindingPayload != nil })
    func rejectsTheExampleKeyBindingUnderTheIssuerKey(_ vector: SDJWTCompactVector) throws {
        let sdJWT = try SDJWT(parsing: vector.compact)
        let issuer = try JWSVerificationKey(jwk: try SDJWTExampleKeys.issuerJWK())
        #expect(throws: SDJWTError.keyBindingSignatureInvalid) {
            try KeyBinding.verify(
                sdJWT, holderVerificationKey: issuer, requirement: Self.options(for: vector).keyBinding,
                now: Self.options(for: vector).now)
        }
    }

    @Test func refusesAnAlgorithmTheGivenKeyDoesNotVerify() throws {
        let vector = try #require(try SDJWTVectorFiles.compacts().first)
        let sdJWT = try SDJWT(parsing: vector.compact)
        let ed25519JWK = JWK.json(for: try SDJWTFixture.issuerKey().publicKey)
        #expect(throws: SDJWTError.unsupportedAlgorithm("ES256")) {
            try SDJWTVerifier.verify(sdJWT, issuerJWK: ed25519JWK, options: Self.options(for: vector))
        }
        for alg in ["none", "HS256", "ES384", "EdDSA", "es256"] {
            let forged = try SDJWTFixture.sign(
                header: ["alg": .string(alg), "typ": "example+sd-jwt"],
                payload: .object(try SDJWTFixture.payload(of: sdJWT.issuerJWT)))
            let presented = SDJWT(issuerJWT: forged, disclosures: sdJWT.disclosures)
            #expect(throws: SDJWTError.unsupportedAlgorithm(alg)) {
                try SDJWTVerifier.verify(
                    presented, issuerJWK: try SDJWTExampleKeys.issuerJWK(),
                    options: SDJWTVerificationOptions(now: Self.now))
            }
        }
    }

    @Test func refusesAnUnusableIssuerJWK() throws {
        let vector = try #require(try SDJWTVectorFiles.compacts().first)
        let sdJWT = try SDJWT(parsing: vector.compact)
        var jwk = try SDJWTExampleKeys.issuerJWK()
        let options = SDJWTVerificationOptions(now: Self.now)
        jwk["crv"] = "P-384"
        #expect(throws: SDJWTError.issuerKey(.unsupportedCurve("P-384"))) {
            try SDJWTVerifier.verify(sdJWT, issuerJWK: jwk, options: options)
        }
        jwk = try SDJWTExampleKeys.issuerJWK()
        jwk["alg"] = "ES384"
        #expect(throws: SDJWTError.issuerKey(.notForVerification(member: "alg"))) {
            try SDJWTVerifier.verify(sdJWT, issuerJWK: jwk, options: options)
        }
        jwk = try SDJWTExampleKeys.issuerJWK()
        jwk["y"] = jwk["x"]
        #expect(throws: SDJWTError.issuerKey(.notOnCurve)) {
            try SDJWTVerifier.verify(sdJWT, issuerJWK: jwk, options: options)
        }
        jwk = try SDJWTExampleKeys.issuerJWK()
        jwk["d"] = "Ur2bNKuBPOrAaxsRnbSH6hIhmNTxSGXshDSUD1a1y7g"
        #expect(throws: SDJWTError.issuerKey(.privateKeyMember)) {
            try SDJWTVerifier.verify(sdJWT, issuerJWK: jwk, options: options)
        }
        jwk = try SDJWTExampleKeys.issuerJWK()
        jwk["kty"] = "oct"
        #expect(throws: SDJWTError.issuerKey(.unsupportedKeyType("oct"))) {
            try SDJWTVerifier.verify(sdJWT, issuerJWK: jwk, options: options)
        }
    }
}
