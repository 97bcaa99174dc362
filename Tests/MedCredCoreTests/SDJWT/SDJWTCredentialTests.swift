import MedCredCore
import MedCredCrypto
import Testing

/// SD-JWT VC (draft-ietf-oauth-sd-jwt-vc-18 §3): issuance by a did:key issuer to a did:key holder, and the
/// verifier entry point the service uses, with its named checks.
@Suite struct SDJWTCredentialTests {
    static let statusEntry: JSONObject = [
        "type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "94567",
        "statusListCredential": "https://medcred.example/status-lists/3",
    ]

    static func draft(expiresAt: Int64? = SDJWTFixture.now + 86_400) throws -> SDJWTCredential.Draft {
        let entry = try BitstringStatusListEntry(parsing: statusEntry)
        return SDJWTCredential.Draft(
            vct: SDJWTCredential.vct(forType: "PatientIdentityCredential"), claims: SDJWTFixture.patient,
            disclosable: SDJWTFixture.patientDisclosable, holderKey: try SDJWTFixture.holderKey().publicKey,
            issuedAt: SDJWTFixture.now - 60, expiresAt: expiresAt, status: .bitstringStatusList([entry]))
    }

    static func issue(expiresAt: Int64? = SDJWTFixture.now + 86_400) throws -> SDJWT {
        var random = SeededRandom(seed: 11)
        return try SDJWTCredential.issue(
            try draft(expiresAt: expiresAt), random: &random, signer: try SDJWTFixture.issuer())
    }

    static func verify(_ sdJWT: SDJWT, keyBinding: KeyBindingRequirement? = SDJWTFixture.requirement) async throws
        -> SDJWTCredentialVerification
    {
        try await SDJWTCredentialVerifier.verify(
            sdJWT.serialized, now: SDJWTFixture.nowDateTime, keyBinding: keyBinding, resolver: DIDKeyResolver())
    }

    static let allChecks = SDJWTCredentialVerifier.CheckName.allCases.map(\.rawValue)

    @Test func writesTheSDJWTVCHeaderAndClaims() throws {
        let sdJWT = try Self.issue()
        let header = try JSONValue(parsing: try Base64URL.decode(sdJWT.issuerJWT.prefix { $0 != "." }))
        #expect(header["typ"] == "dc+sd-jwt")
        #expect(header["alg"] == "EdDSA")
        #expect(header["kid"] == .string(try SDJWTFixture.issuer().verificationMethod))
        let payload = try SDJWTFixture.payload(of: sdJWT.issuerJWT)
        #expect(payload["iss"] == .string(try SDJWTFixture.issuerDID()))
        #expect(payload["vct"] == "https://schemas.medcred.dev/PatientIdentityCredential/v1")
        #expect(payload["cnf"]?["jwk"]?["crv"] == "Ed25519")
        #expect(payload["status"]?["bitstring_status_list"]?[0] == .object(Self.statusEntry))
        #expect(payload["given_name"] == nil)
    }

    @Test func verifiesAPresentationOfGivenNameAndBirthdate() async throws {
        let presented = try SDJWTFixture.bind(
            try Self.issue().presenting([SDJWTClaimPath(names: "given_name"), SDJWTClaimPath(names: "birthdate")]))
        let outcome = try await Self.verify(presented)
        #expect(outcome.verified)
        #expect(outcome.result.checks.map(\.name) == Self.allChecks)
        let claims = try #require(outcome.claims)
        #expect(claims["given_name"] == "Erika")
        #expect(claims["birthdate"] == "1963-08-12")
        #expect(claims["family_name"] == nil)
        #expect(claims["address"] == nil)
        #expect(outcome.status == .bitstringStatusList([try BitstringStatusListEntry(parsing: Self.statusEntry)]))
        #expect(outcome.holderKey == (try SDJWTFixture.holderKey().publicKey))
    }

    @Test func verifiesWithoutKeyBindingWhenNotRequired() async throws {
        let outcome = try await Self.verify(try Self.issue(), keyBinding: nil)
        #expect(outcome.verified)
        #expect(outcome.claims?["patient_id"] == "MRN-0042")
    }

    @Test func namesTheFailedCheck() async throws {
        let missingKB = try await Self.verify(try Self.issue())
        #expect(missingKB.result.failedChecks == ["keyBinding"])
        #expect(missingKB.claims == nil)
        let expired = try await Self.verify(try Self.issue(expiresAt: SDJWTFixture.now - 1), keyBinding: nil)
        #expect(expired.result.failedChecks == ["validityPeriod"])
        let wrongNonce = try SDJWTFixture.bind(try Self.issue(), nonce: "other")
        let nonceOutcome = try await Self.verify(wrongNonce)
        #expect(nonceOutcome.result.failedChecks == ["keyBinding"])
        #expect(nonceOutcome.result.errors.first?.problem.type == .invalidChallenge)
        let garbage = try await SDJWTCredentialVerifier.verify(
            "eyJ", now: SDJWTFixture.nowDateTime, keyBinding: nil, resolver: DIDKeyResolver())
        #expect(garbage.result.failedChecks == ["parsing"])
    }

    @Test func refusesASignatureByAKeyOtherThanTheKid() async throws {
        let sdJWT = try Self.issue()
        let parts = sdJWT.issuerJWT.split(separator: ".").map(String.init)
        let forged = try SDJWTFixture.sign(
            header: try #require(try JSONValue(parsing: try Base64URL.decode(parts[0])).objectValue),
            payload: .object(try SDJWTFixture.payload(of: sdJWT.issuerJWT)), key: try SDJWTFixture.otherKey())
        let outcome = try await Self.verify(
            SDJWT(issuerJWT: forged, disclosures: sdJWT.disclosures), keyBinding: nil)
        #expect(outcome.result.failedChecks == ["proof"])
    }

    @Test func refusesAnIssuerThatIsNotTheKidDID() async throws {
        var random = SeededRandom(seed: 5)
        let signer = try SDJWTFixture.issuer()
        let sdJWT = try SDJWTIssuer.issue(
            claims: [
                "iss": "did:example:someone-else", "vct": "x",
                "cnf": ["jwk": .object(JWK.json(for: try SDJWTFixture.holderKey().publicKey))],
            ], disclosable: [],
            header: ["typ": "dc+sd-jwt"], random: &random, signer: signer)
        let outcome = try await Self.verify(sdJWT, keyBinding: nil)
        #expect(outcome.result.failedChecks == ["proofController"])
    }

    @Test func acceptsTheOlderVCSDJWTTypeAndRefusesOthers() async throws {
        var random = SeededRandom(seed: 6)
        let claims: JSONObject = [
            "iss": .string(try SDJWTFixture.issuerDID()), "vct": "urn:example:type",
            "cnf": ["jwk": .object(JWK.json(for: try SDJWTFixture.holderKey().publicKey))],
        ]
        for (typ, passes) in [("vc+sd-jwt", true), ("application/dc+sd-jwt", true), ("example+sd-jwt", false)] {
            let sdJWT = try SDJWTIssuer.issue(
                claims: claims, disclosable: [], header: ["typ": .string(typ)], random: &random,
                signer: try SDJWTFixture.issuer())
            let outcome = try await Self.verify(sdJWT, keyBinding: nil)
            #expect(outcome.verified == passes, "typ \(typ)")
        }
    }

    @Test func bindsToAHolderKeyNamedByKid() async throws {
        var random = SeededRandom(seed: 8)
        let holder = try SDJWTFixture.holder()
        let claims: JSONObject = [
            "iss": .string(try SDJWTFixture.issuerDID()), "vct": "urn:example:type",
            "cnf": ["kid": .string(holder.verificationMethod)], "given_name": "Erika",
        ]
        let sdJWT = try SDJWTIssuer.issue(
            claims: claims, disclosable: [SDJWTClaimPath(names: "given_name")], header: ["typ": "dc+sd-jwt"],
            random: &random, signer: try SDJWTFixture.issuer())
        let outcome = try await Self.verify(try SDJWTFixture.bind(sdJWT))
        #expect(outcome.verified)
        #expect(outcome.holderKey == (try SDJWTFixture.holderKey().publicKey))
    }

    @Test func readsTheTokenStatusListReference() throws {
        let json: JSONValue = ["status_list": ["idx": 412, "uri": "https://example.com/statuslists/1"]]
        let reference = try #require(SDJWTStatusReference(json: json))
        #expect(reference == .tokenStatusList(index: 412, uri: "https://example.com/statuslists/1"))
        #expect(reference.json == json)
        #expect(SDJWTStatusReference(json: ["status_list": ["idx": -1, "uri": "x"]]) == nil)
        #expect(SDJWTStatusReference(json: ["other": true]) == nil)
    }
}
