import Foundation
import MedCredClient
import MedCredCore
import MedCredServer
import MedCredService
import Testing

/// DID-Auth login over the real server: a did:key physician presents a licence from an accredited board for a
/// challenge, and gets a session; every way it can go wrong is refused with its code and a reason.
@Suite struct LoginTests {
    /// The refusal's code and reason, checking it is a problem+json 4xx.
    private func refusal(_ response: LiveResponse) -> (code: String?, reason: String) {
        #expect((400..<500).contains(response.status), "HTTP \(response.status)")
        #expect(response.header("Content-Type") == "application/problem+json")
        return (response.code, response.json["reason"]?.stringValue ?? "")
    }

    @Test func aValidLicenceLogsInAndTheSessionIntrospects() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        let licence = try await LiveFixtures.issueLicence(server, board)
        let login = try await LiveFixtures.login(server, licence)
        #expect(login.status == 200, "\(login.json)")
        let token = try #require(login.json["token"]?.stringValue)
        #expect(token.split(separator: ".").count == 3)
        #expect(login.json["holder"]?.stringValue == (try LiveFixtures.did(LiveFixtures.holder)))
        #expect(login.json["tokenType"]?.stringValue == "Bearer")
        let serviceDID = try await server.send(.get, "/healthz").json["did"]?.stringValue
        #expect(try CompactJWS(parsing: token).payload["iss"]?.stringValue == serviceDID)

        let session = try await server.send(.get, "/auth/session", bearer: token)
        #expect(session.status == 200)
        #expect(session.json["holder"]?.stringValue == (try LiveFixtures.did(LiveFixtures.holder)))
        #expect(session.json["policy"]?.stringValue == LiveFixtures.physicianPolicy)
        let claims = try #require(session.json["claims"])
        #expect(claims["licenseNumber"]?.stringValue == "MD-12345")
        #expect(claims["profession"]?.stringValue == "physician")
        #expect(claims["jurisdiction"]?.stringValue == "US-CA")
        #expect(claims["licensee"]?["familyName"]?.stringValue == "Okafor")
        #expect(claims["licensingBoard"] == nil)

        let anonymous = try await server.send(.get, "/auth/session")
        #expect(anonymous.status == 401 && anonymous.code == "session-missing")
        let garbage = try await server.send(.get, "/auth/session", bearer: "not.a.jwt")
        #expect(garbage.status == 401 && garbage.code == "session-invalid")
        await server.stopAndRemove()
    }

    @Test func anExpiredSessionIsRefused() async throws {
        let server = try await LiveServer.start(settings: Self.settings(sessionLifetime: 600))
        let board = try await LiveFixtures.onboard(server)
        let licence = try await LiveFixtures.issueLicence(server, board)
        let login = try await LiveFixtures.login(server, licence)
        let token = try #require(login.json["token"]?.stringValue, "\(login.json)")
        server.clock.advance(seconds: 590)
        #expect(try await server.send(.get, "/auth/session", bearer: token).status == 200)
        server.clock.advance(seconds: 20)
        let expired = try await server.send(.get, "/auth/session", bearer: token)
        #expect(expired.status == 401)
        #expect(expired.code == "session-expired")
        await server.stopAndRemove()
    }

    @Test func aRevokedLicenceIsRefused() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        let licence = try await LiveFixtures.issueLicence(server, board)
        let id = try #require(licence["id"]?.stringValue)
        #expect(try await LiveFixtures.setStatus(server, board, id, "revoke").status == 200)
        let (code, reason) = refusal(try await LiveFixtures.login(server, licence))
        #expect(code == "credential-not-verified")
        #expect(reason == "verifiableCredential[0].status: revoked")
        await server.stopAndRemove()
    }

    @Test func aSuspendedLicenceIsRefusedUntilReinstated() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        let licence = try await LiveFixtures.issueLicence(server, board)
        let id = try #require(licence["id"]?.stringValue)
        #expect(try await LiveFixtures.setStatus(server, board, id, "suspend").status == 200)
        let (code, reason) = refusal(try await LiveFixtures.login(server, licence))
        #expect(code == "credential-not-verified")
        #expect(reason == "verifiableCredential[0].status: suspended")
        #expect(try await LiveFixtures.setStatus(server, board, id, "reinstate").status == 200)
        #expect(try await LiveFixtures.login(server, licence).status == 200)
        await server.stopAndRemove()
    }

    @Test func presentationsVerifyAgainstTheirChallengeAndDomain() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        let licence = try await LiveFixtures.issueLicence(server, board)
        let presentation = try LiveFixtures.presentation(
            [licence], challenge: "c-1", domain: LiveFixtures.physicianDomain, now: server.clock.now)
        func verify(challenge: String, domain: String) async throws -> JSONValue {
            let options: JSONValue = ["challenge": .string(challenge), "domain": .string(domain)]
            let response = try await server.send(
                .post, "/presentations/verify", json: ["verifiablePresentation": presentation, "options": options])
            #expect(response.status == 200)
            return response.json
        }
        let good = try await verify(challenge: "c-1", domain: LiveFixtures.physicianDomain)
        #expect(good["verified"]?.boolValue == true, "\(good)")
        #expect(try await verify(challenge: "c-2", domain: LiveFixtures.physicianDomain)["verified"] == false)
        #expect(try await verify(challenge: "c-1", domain: "attacker.example")["verified"] == false)
        await server.stopAndRemove()
    }

    @Test func anExpiredLicenceIsRefused() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        let licence = try await LiveFixtures.issueLicence(
            server, board, validUntil: server.clock.now.addingTimeInterval(3600))
        server.clock.advance(seconds: 7200)
        let (code, reason) = refusal(try await LiveFixtures.login(server, licence))
        #expect(code == "credential-expired")
        #expect(reason.hasPrefix("verifiableCredential[0].validityPeriod"), "\(reason)")
        await server.stopAndRemove()
    }

    @Test func aLicenceIssuedAfterTheAccreditationWasWithdrawnIsRefused() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        // The onboarding accreditation's id is not in the HTTP answer; the accounts service lists it.
        let accreditations = try await server.runtime.components.accounts.accreditations(
            issuer: DID(parsing: board.did))
        let accreditation = try #require(accreditations.first)
        let withdraw = try await server.send(
            .post, "/admin/accreditations/\(accreditation.id)/withdraw", bearer: server.adminToken)
        #expect(withdraw.status == 200)
        server.clock.advance(seconds: 60)
        let licence = try await LiveFixtures.issueLicence(server, board)
        let (code, reason) = refusal(try await LiveFixtures.login(server, licence))
        #expect(code == "issuer-not-accredited")
        #expect(reason.hasPrefix("verifiableCredential[0].accreditation:"), "\(reason)")
        await server.stopAndRemove()
    }

    @Test func aLicenceFromADIDKeyIssuerNobodyAccreditedIsRefused() async throws {
        let server = try await LiveServer.start()
        let signer = Ed25519Signer(didKey: try LiveFixtures.key(0x12))
        let issuer = CredentialIssuer(signer: signer, contexts: try LiveServer.contexts())
        guard case .document(let licence) = try issuer.issue(try LiveFixtures.licenceDraft(), now: server.clock.now)
        else { throw LiveFixtures.Failure("expected a Data Integrity document") }
        let (code, reason) = refusal(try await LiveFixtures.login(server, licence))
        #expect(code == "issuer-not-accredited")
        #expect(reason.contains("accreditation"), "\(reason)")
        await server.stopAndRemove()
    }

    @Test func someoneElsesLicenceIsAHolderMismatch() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        let licence = try await LiveFixtures.issueLicence(server, board)
        let response = try await LiveFixtures.login(server, licence, holder: LiveFixtures.otherHolder)
        let (code, reason) = refusal(response)
        #expect(code == "holder-mismatch")
        #expect(reason.contains(try LiveFixtures.did(LiveFixtures.otherHolder)), "\(reason)")
        await server.stopAndRemove()
    }

    @Test func aPresentationSignedByAnotherKeyIsRefused() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        let licence = try await LiveFixtures.issueLicence(server, board)
        let response = try await LiveFixtures.login(server, licence, signer: LiveFixtures.otherHolder)
        let (code, reason) = refusal(response)
        #expect(code == "invalid-presentation")
        #expect(!reason.isEmpty)
        await server.stopAndRemove()
    }

    @Test func aReplayedPresentationIsRefused() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        let licence = try await LiveFixtures.issueLicence(server, board)
        let challenge = try await LiveFixtures.challenge(server)
        let presentation = try LiveFixtures.presentation(
            [licence], challenge: challenge, domain: LiveFixtures.physicianDomain, now: server.clock.now)
        let body: JSONValue = ["presentation": presentation, "policy": .string(LiveFixtures.physicianPolicy)]
        #expect(try await server.send(.post, "/auth/login", json: body).status == 200)
        let (code, reason) = refusal(try await server.send(.post, "/auth/login", json: body))
        #expect(code == "challenge-replayed")
        #expect(!reason.isEmpty)
        await server.stopAndRemove()
    }

    @Test func aPresentationForAnotherDomainIsRefused() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        let licence = try await LiveFixtures.issueLicence(server, board)
        let (code, reason) = refusal(try await LiveFixtures.login(server, licence, domain: "attacker.example"))
        #expect(code == "wrong-domain")
        #expect(reason.contains(LiveFixtures.physicianDomain), "\(reason)")

        // A challenge issued for the pharmacy domain cannot be spent at the telemedicine one.
        let pharmacy = try await LiveFixtures.challenge(server, policy: "pharmacy-pharmacist")
        let presentation = try LiveFixtures.presentation(
            [licence], challenge: pharmacy, domain: LiveFixtures.physicianDomain, now: server.clock.now)
        let crossed = try await server.send(
            .post, "/auth/login", json: ["presentation": presentation, "policy": .string(LiveFixtures.physicianPolicy)])
        #expect(refusal(crossed).code == "wrong-domain")
        await server.stopAndRemove()
    }

    @Test func challengesAreRateLimited() async throws {
        let server = try await LiveServer.start(settings: Self.settings(rateLimit: 1, rateBurst: 2))
        let body: JSONValue = ["policy": .string(LiveFixtures.physicianPolicy)]
        #expect(try await server.send(.post, "/challenges", json: body).status == 201)
        #expect(try await server.send(.post, "/challenges", json: body).status == 201)
        // The third is refused unless a whole second passed since the first; a few more tries keep the test
        // meaningful on a slow machine (the bucket refills one request a second).
        var limited = try await server.send(.post, "/challenges", json: body)
        for _ in 0..<3 where limited.status != 429 {
            limited = try await server.send(.post, "/challenges", json: body)
        }
        #expect(limited.status == 429)
        #expect(limited.code == "rate-limited")
        let retry = try #require(limited.header("Retry-After").flatMap { Int($0) })
        #expect(retry >= 1)
        await server.stopAndRemove()
    }

    private static func settings(sessionLifetime: Int? = nil, rateLimit: Double? = nil, rateBurst: Double? = nil)
        -> ServiceSettings
    {
        var settings = ServiceSettings()
        settings.sessionLifetime = sessionLifetime
        settings.rateLimit = rateLimit
        settings.rateBurst = rateBurst
        return settings
    }
}
