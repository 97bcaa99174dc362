import Foundation
import MedCredClient
import MedCredCore
import MedCredServer
import Testing

/// `medcred serve`'s first start and restart, over a real server on 127.0.0.1.
@Suite struct ServiceStartTests {
    @Test func firstStartCreatesTheAdminTokenOnceAndTheServiceDID() async throws {
        let server = try await LiveServer.start()
        let health = try await server.send(.get, "/healthz")
        #expect(health.status == 200)
        let did = try #require(health.json["did"]?.stringValue)
        #expect(did.hasPrefix("did:webvh:"))
        let tokenFile = server.directory.appendingPathComponent("admin.token").path
        let attributes = try FileManager.default.attributesOfItem(atPath: tokenFile)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(server.adminToken.hasPrefix("mc_adm_"))
        let list = try await server.send(.get, "/admin/issuers", bearer: server.adminToken)
        #expect(list.status == 200)
        await server.stop()

        let again = try await LiveServer.start(directory: server.directory)
        #expect(again.runtime.initialAdminToken == nil)
        #expect(try await again.send(.get, "/healthz").json["did"]?.stringValue == did)
        #expect(try await again.send(.get, "/admin/issuers", bearer: server.adminToken).status == 200)
        await again.stopAndRemove()
    }

    @Test func unknownRoutesAndMalformedBodiesAreProblems() async throws {
        let server = try await LiveServer.start()
        let missing = try await server.send(.get, "/no/such/route")
        #expect(missing.status == 404)
        #expect(missing.code == "route-not-found")
        #expect(missing.header("Content-Type") == "application/problem+json")
        #expect(missing.header("X-Request-Id") != nil)
        let malformed = try await server.send(.post, "/credentials/verify", bytes: Array("{\"a\":1,\"a\":2}".utf8))
        #expect(malformed.status == 400)
        #expect(malformed.code == "malformed-json")
        let unknown = try await server.send(.post, "/credentials/verify", json: ["verifiableCredential": [:], "extra": 1])
        #expect(unknown.code == "unknown-member")
        let large = try await server.send(.post, "/challenges", bytes: [UInt8](repeating: 0x20, count: 70_000))
        #expect(large.status == 413)
        #expect(large.code == "body-too-large")
        await server.stopAndRemove()
    }
}
