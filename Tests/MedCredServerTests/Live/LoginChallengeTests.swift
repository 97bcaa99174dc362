import Foundation
import MedCredClient
import MedCredCore
import MedCredServer
import Testing

/// Login edge cases over the real server: challenges expire, a JWT licence logs in inside a Data Integrity
/// presentation, and every login and refusal is audited.
@Suite struct LoginChallengeTests {
    @Test func anExpiredChallengeIsRefused() async throws {
        var settings = ServiceSettings()
        settings.challengeLifetime = 120
        let server = try await LiveServer.start(settings: settings)
        let board = try await LiveFixtures.onboard(server)
        let licence = try await LiveFixtures.issueLicence(server, board)
        let challenge = try await LiveFixtures.challenge(server)
        server.clock.advance(seconds: 180)
        let presentation = try LiveFixtures.presentation(
            [licence], challenge: challenge, domain: LiveFixtures.physicianDomain, now: server.clock.now)
        let response = try await server.send(
            .post, "/auth/login",
            json: ["presentation": presentation, "policy": .string(LiveFixtures.physicianPolicy)])
        #expect(response.status == 401)
        #expect(response.code == "challenge-expired")
        let unknown = try LiveFixtures.presentation(
            [licence], challenge: "never-issued", domain: LiveFixtures.physicianDomain, now: server.clock.now)
        let refused = try await server.send(
            .post, "/auth/login", json: ["presentation": unknown, "policy": .string(LiveFixtures.physicianPolicy)])
        #expect(refused.code == "challenge-unknown")
        await server.stopAndRemove()
    }

    @Test func aJWTLicenceLogsInInsideAPresentation() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        let jwt = try await LiveFixtures.issue(server, board, try LiveFixtures.licenceDraft(), format: "jwt")
        let enveloped = EnvelopedVerifiableCredential(jws: try #require(jwt.stringValue)).json
        let login = try await LiveFixtures.login(server, enveloped)
        #expect(login.status == 200, "\(login.json)")
        #expect(login.json["claims"]?["licenseNumber"]?.stringValue == "MD-12345")
        await server.stopAndRemove()
    }

    @Test func loginsAndRefusalsAreAudited() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        let licence = try await LiveFixtures.issueLicence(server, board)
        #expect(try await LiveFixtures.login(server, licence).status == 200)
        #expect(try await LiveFixtures.login(server, licence, domain: "attacker.example").status == 401)
        let audit = try await server.send(.get, "/admin/audit", bearer: server.adminToken)
        let events = (audit.json["entries"]?.arrayValue ?? []).compactMap { $0["event"] }
        let login = events.first { $0["action"]?.stringValue == "auth.login" }
        #expect(login?["actor"]?.stringValue == (try LiveFixtures.did(LiveFixtures.holder)))
        let refused = events.first { $0["action"]?.stringValue == "auth.login-refused" }
        #expect(refused?["details"]?["code"]?.stringValue == "wrong-domain")
        // The audit log holds no licence contents.
        #expect(!String(decoding: audit.body, as: UTF8.self).contains("MD-12345"))
        await server.stopAndRemove()
    }
}
