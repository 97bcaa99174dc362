import Foundation
import MedCredClient
import MedCredCore
import Testing

/// `POST /admin/service/keys/rotate` over the real server: the service DID (trust root and session signer) gets a
/// new key; sessions signed before stay valid until they expire, new ones carry the new key, and accreditations
/// signed by either key keep their boards' licences verifying.
@Suite struct ServiceKeyRotationTests {
    /// The `kid` of a session JWT.
    static func kid(_ token: String) throws -> String? {
        let header = try #require(token.split(separator: ".").first)
        return try JSONValue(parsing: Base64URL.decode(String(header)))["kid"]?.stringValue
    }

    @Test func sessionsAndAccreditationsOutliveAServiceKeyRotation() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        let licence = try await LiveFixtures.issueLicence(server, board)
        let before = try await LiveFixtures.login(server, licence)
        #expect(before.status == 200, "\(before.json)")
        let oldToken = try #require(before.json["token"]?.stringValue)
        let oldKid = try #require(try Self.kid(oldToken))
        server.clock.advance(seconds: 2)

        let rotated = try await server.send(.post, "/admin/service/keys/rotate", bearer: server.adminToken)
        #expect(rotated.status == 200, "\(rotated.json)")
        let method = try #require(rotated.json["verificationMethod"]?.stringValue)
        let serviceDID = try #require(rotated.json["did"]?.stringValue)
        #expect(method != oldKid && method.hasPrefix(serviceDID + "#"))
        // A session made in the very second of the rotation (before the new entry's versionTime) is valid too.
        let sameSecond = try await LiveFixtures.login(server, licence)
        #expect(sameSecond.status == 200, "\(sameSecond.json)")
        let sameSecondToken = try #require(sameSecond.json["token"]?.stringValue)
        #expect(try await server.send(.get, "/auth/session", bearer: sameSecondToken).status == 200)
        server.clock.advance(seconds: 2)

        #expect(try await server.send(.get, "/auth/session", bearer: oldToken).status == 200)
        let after = try await LiveFixtures.login(server, licence)
        #expect(after.status == 200, "\(after.json)")
        let newToken = try #require(after.json["token"]?.stringValue)
        #expect(try Self.kid(newToken) == method)
        #expect(try await server.send(.get, "/auth/session", bearer: newToken).status == 200)

        // A board accredited after the rotation (by the new key) and one before (by the old) both verify.
        let second = try await LiveFixtures.onboard(server, name: "Osteopathic Medical Board of California")
        let secondLicence = try await LiveFixtures.issueLicence(server, second)
        for credential in [licence, secondLicence] {
            let verified = try await LiveFixtures.verify(server, credential)
            #expect(verified["verified"]?.boolValue == true, "\(verified)")
        }
        // The old session expires on schedule, rotation or not.
        server.clock.advance(seconds: 900)
        #expect(try await server.send(.get, "/auth/session", bearer: oldToken).status == 401)

        let audit = try await server.send(.get, "/admin/audit", bearer: server.adminToken)
        #expect(String(decoding: audit.body, as: UTF8.self).contains("service.key.rotated"))
        await server.stopAndRemove()
    }
}
