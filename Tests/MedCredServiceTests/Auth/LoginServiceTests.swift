import Foundation
import MedCredCore
import MedCredCrypto
import MedCredService
import Testing

/// DID-Auth login end to end: real did:key holders sign presentations bound to a stored challenge; the licence is
/// verified with its status lists and its board's accreditation; the session is a JWT signed by the service key.
@Suite struct LoginServiceTests {
    @Test func aValidLicenceLogsInWithThePolicysClaims() async throws {
        let fixture = try LoginFixture()
        let session = try await fixture.login()
        #expect(session.holder == (try LoginFixture.did(0x22)))
        #expect(session.policy == "telemedicine-physician")
        #expect(session.claims["licenseNumber"] == "MD-12345")
        #expect(session.claims["jurisdiction"] == "US-CA")
        #expect(session.claims["profession"] == "physician")
        #expect(session.claims["licensee"]?["familyName"] == "Okafor")
        #expect(session.claims["licensingBoard"] == nil)
        #expect(session.expiresAt.timeIntervalSince(session.issuedAt) == 900)
        let jws = try CompactJWS(parsing: session.token)
        #expect(jws.header["typ"] == "JWT")
        #expect(jws.header["alg"] == "EdDSA")
        #expect(jws.payload["iss"]?.stringValue == (try LoginFixture.did(0x41)))
        #expect(jws.payload["aud"] == .string(LoginFixture.domain))
        #expect(jws.payload["jti"]?.stringValue?.isEmpty == false)
    }

    @Test func aJWTPresentationLogsIn() async throws {
        let fixture = try LoginFixture()
        let challenge = try await fixture.challenges.issue(domain: LoginFixture.domain)
        let presentation: JSONValue = [
            "@context": [.string(KnownContexts.credentialsV2)], "type": ["VerifiablePresentation"],
            "holder": .string(try LoginFixture.did(0x22)), "verifiableCredential": [try LoginFixture.license()],
            "nonce": .string(challenge.challenge), "aud": .string(LoginFixture.domain),
        ]
        let jwt = try JOSE.secure(
            presentation, as: .verifiablePresentation,
            signer: Ed25519Signer(didKey: try BitstringStatusCheckTests.key(0x22)))
        let session = try await fixture.service.login(presentation: Array(jwt.utf8), policy: "telemedicine-physician")
        #expect(session.claims["licenseNumber"] == "MD-12345")
    }

    @Test func introspectionReturnsTheSession() async throws {
        let fixture = try LoginFixture()
        let session = try await fixture.login()
        fixture.clock.advance(899)
        #expect(try await fixture.service.introspect(token: session.token) == session)
    }

    @Test func anExpiredSessionIsRefused() async throws {
        let fixture = try LoginFixture()
        let session = try await fixture.login()
        fixture.clock.advance(900)
        let error = await LoginFixture.refusal { try await fixture.service.introspect(token: session.token) }
        #expect(error?.code == "session-expired")
    }

    @Test func aTamperedOrForeignSessionTokenIsInvalid() async throws {
        let fixture = try LoginFixture()
        let session = try await fixture.login()
        var parts = session.token.split(separator: ".").map(String.init)
        var payload = try #require(try CompactJWS(parsing: session.token).payload.objectValue)
        payload["sub"] = .string(try LoginFixture.did(0x23))
        parts[1] = Base64URL.encode(JSONValue.object(payload).utf8Bytes)
        let tampered = parts.joined(separator: ".")
        #expect(
            await LoginFixture.refusal { try await fixture.service.introspect(token: tampered) }?.code
                == "session-invalid")
        #expect(
            await LoginFixture.refusal { try await fixture.service.introspect(token: "not.a.jwt") }?.code
                == "session-invalid")
        let other = try LoginFixture()
        let foreign = try await other.login()
        let otherService = LoginService(
            challenges: other.challenges, verification: other.verification, policies: VerifierPolicies.builtIn,
            sessionSigner: Ed25519Signer(didKey: try BitstringStatusCheckTests.key(0x42)), clock: { LoginFixture.now })
        #expect(
            await LoginFixture.refusal { try await otherService.introspect(token: foreign.token) }?.code
                == "session-invalid")
    }

    @Test func aRevokedLicenceIsRefusedAsRevoked() async throws {
        let fixture = try LoginFixture(revoked: true)
        let error = await LoginFixture.refusal { try await fixture.login() }
        #expect(error?.code == "credential-not-verified")
        #expect(error?.reason == "verifiableCredential[0].status: revoked")
        #expect(error?.verification?.verified == false)
    }

    @Test func anExpiredLicenceIsRefusedAsExpired() async throws {
        let fixture = try LoginFixture()
        let expired = try LoginFixture.license(validUntil: "2025-03-01T00:00:00Z")
        let error = await LoginFixture.refusal { try await fixture.login([expired]) }
        #expect(error?.code == "credential-expired")
        #expect(error?.reason.contains("expired") == true)
    }

    @Test func aLicenceFromAnUnaccreditedBoardIsRefused() async throws {
        let fixture = try LoginFixture()
        let error = await LoginFixture.refusal { try await fixture.login([try LoginFixture.license(issuer: 0x12)]) }
        #expect(error?.code == "issuer-not-accredited")
        #expect(error?.reason.hasPrefix("verifiableCredential[0].accreditation:") == true)
    }

    @Test func someoneElsesLicenceIsAHolderMismatch() async throws {
        let fixture = try LoginFixture()
        let error = await LoginFixture.refusal { try await fixture.login(holder: 0x23) }
        #expect(error?.code == "holder-mismatch")
    }

    @Test func aReplayedChallengeIsRefused() async throws {
        let fixture = try LoginFixture()
        let challenge = try await fixture.challenges.issue(domain: LoginFixture.domain)
        let bytes = try LoginFixture.presentation([try LoginFixture.license()], challenge: challenge.challenge)
        _ = try await fixture.service.login(presentation: bytes, policy: "telemedicine-physician")
        let error = await LoginFixture.refusal {
            try await fixture.service.login(presentation: bytes, policy: "telemedicine-physician")
        }
        #expect(error?.code == "challenge-replayed")
    }

    @Test func aPresentationForAnotherDomainIsRefused() async throws {
        let fixture = try LoginFixture()
        let challenge = try await fixture.challenges.issue(domain: LoginFixture.domain)
        let bytes = try LoginFixture.presentation(
            [try LoginFixture.license()], challenge: challenge.challenge, domain: "attacker.example")
        let error = await LoginFixture.refusal {
            try await fixture.service.login(presentation: bytes, policy: "telemedicine-physician")
        }
        #expect(error?.code == "wrong-domain")
    }

    @Test func aChallengeIssuedForAnotherDomainIsRefused() async throws {
        let fixture = try LoginFixture()
        let challenge = try await fixture.challenges.issue(domain: "pharmacy.medcred.local")
        let bytes = try LoginFixture.presentation([try LoginFixture.license()], challenge: challenge.challenge)
        let error = await LoginFixture.refusal {
            try await fixture.service.login(presentation: bytes, policy: "telemedicine-physician")
        }
        #expect(error?.code == "wrong-domain")
        #expect(error?.reason == "the challenge was issued for pharmacy.medcred.local, not telemedicine.medcred.local")
    }

    @Test func unknownMissingAndExpiredChallengesAreRefused() async throws {
        let fixture = try LoginFixture()
        let license = try LoginFixture.license()
        let unknown = try LoginFixture.presentation([license], challenge: "never-issued")
        #expect(
            await LoginFixture.refusal {
                try await fixture.service.login(presentation: unknown, policy: "telemedicine-physician")
            }?.code == "challenge-unknown")
        let missing = try LoginFixture.presentation([license], challenge: nil)
        #expect(
            await LoginFixture.refusal {
                try await fixture.service.login(presentation: missing, policy: "telemedicine-physician")
            }?.code == "challenge-missing")
        let challenge = try await fixture.challenges.issue(domain: LoginFixture.domain)
        fixture.clock.advance(300)
        let late = try LoginFixture.presentation([license], challenge: challenge.challenge)
        #expect(
            await LoginFixture.refusal {
                try await fixture.service.login(presentation: late, policy: "telemedicine-physician")
            }?.code == "challenge-expired")
    }

    @Test func anUnknownPolicyIsRefused() async throws {
        let fixture = try LoginFixture()
        let error = await LoginFixture.refusal { try await fixture.login(policy: "no-such-policy") }
        #expect(error?.code == "unknown-policy")
    }

    @Test func aForgedPresentationDoesNotBurnTheChallenge() async throws {
        let fixture = try LoginFixture()
        let challenge = try await fixture.challenges.issue(domain: LoginFixture.domain)
        let forged = try LoginFixture.presentation(
            [try LoginFixture.license()], signer: 0x23, challenge: challenge.challenge)
        let error = await LoginFixture.refusal {
            try await fixture.service.login(presentation: forged, policy: "telemedicine-physician")
        }
        #expect(error?.code == "invalid-presentation")
        let genuine = try LoginFixture.presentation([try LoginFixture.license()], challenge: challenge.challenge)
        let session = try await fixture.service.login(presentation: genuine, policy: "telemedicine-physician")
        #expect(session.holder == (try LoginFixture.did(0x22)))
    }

    @Test func garbageIsAnInvalidPresentation() async throws {
        let fixture = try LoginFixture()
        let error = await LoginFixture.refusal {
            try await fixture.service.login(presentation: Array("{\"a\":".utf8), policy: "telemedicine-physician")
        }
        #expect(error?.code == "invalid-presentation")
    }

    @Test func aPhysicianDoesNotSatisfyThePharmacistPolicy() async throws {
        let fixture = try LoginFixture()
        let error = await LoginFixture.refusal {
            try await fixture.login(policy: "pharmacy-pharmacist", domain: "pharmacy.medcred.local")
        }
        #expect(error?.code == "policy-not-satisfied")
        #expect(error?.reason == "pharmacy-pharmacist: profession is physician, not one of pharmacist")
    }

    @Test func aPresentationWithoutCredentialsDoesNotSatisfyAPolicy() async throws {
        let fixture = try LoginFixture()
        let error = await LoginFixture.refusal { try await fixture.login([]) }
        #expect(error?.code == "policy-not-satisfied")
    }

    /// Consumption is atomic: of two logins racing with one genuine presentation, exactly one gets a session.
    @Test func racingLoginsWithOneChallengeYieldOneSession() async throws {
        let fixture = try LoginFixture()
        let challenge = try await fixture.challenges.issue(domain: LoginFixture.domain)
        let bytes = try LoginFixture.presentation([try LoginFixture.license()], challenge: challenge.challenge)
        let service = fixture.service
        let codes = await withTaskGroup(of: String.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let error = await LoginFixture.refusal {
                        try await service.login(presentation: bytes, policy: "telemedicine-physician")
                    }
                    return error?.code ?? "session"
                }
            }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(codes.sorted() == ["challenge-replayed", "challenge-replayed", "challenge-replayed", "session"])
    }
}
