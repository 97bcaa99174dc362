import Foundation
import MedCredCore
import MedCredCrypto
import MedCredService
import Testing

/// `LoginService` and `VerificationService` with SD-JWT VCs: the KB-JWT `nonce` is the challenge and its `aud`
/// the domain, the holder is the `cnf` key's did:key, and the policy sees only the disclosed claims.
@Suite struct SDJWTLoginTests {
    static let policy = "telemedicine-physician"

    /// A licence for 0x22 as an SD-JWT VC from the accredited board 0x11, with the status entries the fixture
    /// serves.
    static func licence() throws -> SDJWT {
        let claims: JSONObject = [
            "licensee": ["familyName": "Okafor", "givenName": "Adaeze"], "profession": "physician",
            "licenseNumber": "MD-12345", "jurisdiction": "US-CA", "specialty": "Internal Medicine",
        ]
        let entries = try [
            (
                StatusPurpose.revocation, BitstringStatusCheckTests.revocationURL,
                BitstringStatusCheckTests.revocationIndex
            ),
            (.suspension, BitstringStatusCheckTests.suspensionURL, BitstringStatusCheckTests.suspensionIndex),
        ].map { purpose, url, index in
            try BitstringStatusListEntry(
                parsing: try #require(BitstringStatusCheckTests.entry(purpose, url, index).objectValue))
        }
        let draft = SDJWTCredential.Draft(
            vct: SDJWTCredential.vct(forType: "MedicalLicenseCredential"), claims: claims,
            disclosable: claims.names.map { SDJWTClaimPath(names: $0) },
            holderKey: try BitstringStatusCheckTests.key(0x22).publicKey,
            issuedAt: Int64(BitstringStatusCheckTests.issuedAt.timeIntervalSince1970),
            status: .bitstringStatusList(entries))
        var random = SecureRandomSource()
        return try SDJWTCredential.issue(
            draft, random: &random, signer: Ed25519Signer(didKey: try BitstringStatusCheckTests.key(0x11)))
    }

    /// The licence showing `claims`, bound by `signer` (the holder 0x22 unless given) to `nonce` and `audience`.
    static func present(
        _ claims: [String], nonce: String, audience: String = LoginFixture.domain, signer: UInt8 = 0x22
    ) throws -> [UInt8] {
        let chosen = try licence().presenting(claims.map { SDJWTClaimPath(names: $0) })
        let bound = try KeyBinding.bind(
            chosen, audience: audience, nonce: nonce, issuedAt: Int64(LoginFixture.now.timeIntervalSince1970),
            signer: Ed25519Signer(didKey: try BitstringStatusCheckTests.key(signer)))
        return Array(bound.serialized.utf8)
    }

    static let shown = ["profession", "licenseNumber", "jurisdiction"]

    @Test func aSelectiveLicenceLogsInWithOnlyItsDisclosedClaims() async throws {
        let fixture = try LoginFixture()
        let challenge = try await fixture.challenges.issue(domain: LoginFixture.domain)
        let session = try await fixture.service.login(
            presentation: try Self.present(Self.shown, nonce: challenge.challenge), policy: Self.policy)
        #expect(session.holder == (try LoginFixture.did(0x22)))
        #expect(session.claims == ["profession": "physician", "licenseNumber": "MD-12345", "jurisdiction": "US-CA"])
        let replay = await LoginFixture.refusal {
            try await fixture.service.login(
                presentation: try Self.present(Self.shown, nonce: challenge.challenge), policy: Self.policy)
        }
        #expect(replay?.code == "challenge-replayed")
    }

    @Test func verificationRunsStatusAndAccreditation() async throws {
        let fixture = try LoginFixture()
        let bytes = try Self.present(Self.shown, nonce: "n-1")
        let result = try await fixture.verification.verifyPresentation(
            bytes, challenge: "n-1", domain: LoginFixture.domain, now: LoginFixture.now)
        #expect(result.verified, "\(result.json)")
        #expect(result.checks.map(\.name).suffix(2) == ["status", "accreditation"])
        let wrongNonce = try await fixture.verification.verifyPresentation(
            bytes, challenge: "n-2", domain: LoginFixture.domain, now: LoginFixture.now)
        #expect(wrongNonce.failedChecks == ["keyBinding"])
        let anyDomain = try await fixture.verification.verifyPresentation(
            bytes, challenge: "n-1", domain: nil, now: LoginFixture.now)
        #expect(anyDomain.verified)
        let unbound = Array(try Self.licence().serialized.utf8)
        let missing = try await fixture.verification.verifyPresentation(
            unbound, challenge: nil, domain: nil, now: LoginFixture.now)
        #expect(missing.failedChecks == ["keyBinding"])
        #expect(try await fixture.verification.verifyCredential(unbound, now: LoginFixture.now).verified)
    }

    @Test func aRevokedSDJWTIsRefusedByStatus() async throws {
        let fixture = try LoginFixture(revoked: true)
        let challenge = try await fixture.challenges.issue(domain: LoginFixture.domain)
        let refusal = await LoginFixture.refusal {
            try await fixture.service.login(
                presentation: try Self.present(Self.shown, nonce: challenge.challenge), policy: Self.policy)
        }
        #expect(refusal?.code == "credential-not-verified")
        #expect(refusal?.reason == "status: revoked")
    }

    @Test func aRequiredDisclosureMustBeShown() async throws {
        let policy = VerifierPolicy(
            name: "front-desk", domain: LoginFixture.domain, credentialType: "MedicalLicenseCredential",
            exposedClaims: ["licensee", "licenseNumber"], requiredDisclosures: ["licensee"])
        let fixture = try LoginFixture(policies: [policy])
        let first = try await fixture.challenges.issue(domain: LoginFixture.domain)
        let refusal = await LoginFixture.refusal {
            try await fixture.service.login(
                presentation: try Self.present(Self.shown, nonce: first.challenge), policy: "front-desk")
        }
        #expect(refusal?.code == "policy-not-satisfied")
        #expect(refusal?.reason == "front-desk: licensee is not disclosed")
        let second = try await fixture.challenges.issue(domain: LoginFixture.domain)
        let session = try await fixture.service.login(
            presentation: try Self.present(["licensee", "profession"], nonce: second.challenge), policy: "front-desk")
        #expect(session.claims["licensee"]?["familyName"] == "Okafor")
        #expect(session.claims["licenseNumber"] == nil)
    }

    @Test func aForgedKeyBindingDoesNotBurnTheChallenge() async throws {
        let fixture = try LoginFixture()
        let challenge = try await fixture.challenges.issue(domain: LoginFixture.domain)
        let forged = await LoginFixture.refusal {
            try await fixture.service.login(
                presentation: try Self.present(Self.shown, nonce: challenge.challenge, signer: 0x23),
                policy: Self.policy)
        }
        #expect(forged?.code == "invalid-presentation")
        #expect(forged?.reason.hasPrefix("keyBinding:") == true)
        let genuine = try await fixture.service.login(
            presentation: try Self.present(Self.shown, nonce: challenge.challenge), policy: Self.policy)
        #expect(genuine.holder == (try LoginFixture.did(0x22)))
    }

    @Test func aWrongDomainOrNoKeyBindingIsRefused() async throws {
        let fixture = try LoginFixture()
        let challenge = try await fixture.challenges.issue(domain: LoginFixture.domain)
        let wrongDomain = await LoginFixture.refusal {
            try await fixture.service.login(
                presentation: try Self.present(Self.shown, nonce: challenge.challenge, audience: "evil.example"),
                policy: Self.policy)
        }
        #expect(wrongDomain?.code == "wrong-domain")
        let unbound = await LoginFixture.refusal {
            try await fixture.service.login(
                presentation: Array(try Self.licence().serialized.utf8), policy: Self.policy)
        }
        #expect(unbound?.code == "challenge-missing")
    }

    @Test func policiesWithoutRequiredDisclosuresDecode() throws {
        let json =
            #"{"name": "p", "domain": "d", "credentialType": "T", "subjectConstraints": {},"#
            + #" "exposedClaims": [], "requireAccreditation": true}"#
        let policy = try JSONDecoder().decode(VerifierPolicy.self, from: Data(json.utf8))
        #expect(policy.requiredDisclosures == [])
        let loaded = try VerifierPolicies.load(
            json: Array(#"[{"name": "p", "domain": "d", "credentialType": "T"}]"#.utf8))
        #expect(loaded.first?.requiredDisclosures == [])
        let clinic = VerifierPolicies.builtIn.first { $0.name == "clinic-patient" }
        #expect(clinic?.requiredDisclosures == ["givenName", "familyName", "birthDate"])
    }
}
