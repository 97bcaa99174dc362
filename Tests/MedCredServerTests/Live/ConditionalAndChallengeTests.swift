import Foundation
import MedCredClient
import MedCredCore
import Testing

@testable import MedCredServer

/// If-None-Match on status lists follows RFC 9110 §13.1.2, and a challenge for a malformed domain is a client
/// error, not a server one.
@Suite struct ConditionalAndChallengeTests {
    @Test(arguments: [
        ("\"abc\"", true), ("W/\"abc\"", true), ("\"x\", \"abc\"", true), ("*", true), ("\"abd\"", false),
        ("\"x\", W/\"y\"", false),
    ])
    func ifNoneMatchUsesWeakComparison(_ condition: String, _ expected: Bool) {
        #expect(CredentialRoutes.matches(condition, etag: "\"abc\"") == expected)
    }

    @Test func aChallengeForAMalformedDomainIsABadRequest() async throws {
        let server = try await LiveServer.start()
        let response = try await server.send(.post, "/challenges", json: ["domain": "not a domain/"])
        #expect(response.status == 400)
        #expect(response.code == "invalid-domain")
        let fine = try await server.send(.post, "/challenges", json: ["domain": "clinic.example"])
        #expect(fine.status == 201)
        await server.stopAndRemove()
    }
}
