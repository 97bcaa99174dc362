import Foundation
import MedCredClient
import MedCredCore
import Testing

/// A licence's life over the real server: a board onboarded, the licence issued, verified, suspended, reinstated
/// and revoked, with the status lists and the audit log that record it.
@Suite struct LicenceLifecycleTests {
    @Test func aLicenceIsIssuedVerifiedSuspendedReinstatedAndRevoked() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        let licence = try await LiveFixtures.issueLicence(server, board)
        let id = try #require(licence["id"]?.stringValue)
        #expect(licence["issuer"]?.stringValue == board.did || licence["issuer"]?["id"]?.stringValue == board.did)
        #expect(licence["proof"]?["verificationMethod"]?.stringValue == board.verificationMethod)
        #expect(licence["proof"]?["cryptosuite"]?.stringValue == "eddsa-jcs-2022")
        let entries = try #require(licence["credentialStatus"]?.arrayValue)
        #expect(entries.allSatisfy { $0["type"]?.stringValue == "BitstringStatusListEntry" })
        #expect(Set(entries.compactMap { $0["statusPurpose"]?.stringValue }) == ["revocation", "suspension"])
        let schema = licence["credentialSchema"]?.arrayValue?.first ?? licence["credentialSchema"]
        #expect(schema?["type"]?.stringValue == "JsonSchema")
        #expect(schema?["id"]?.stringValue?.contains("MedicalLicenseCredential") == true)

        let fresh = try await LiveFixtures.verify(server, licence)
        #expect(fresh["verified"]?.boolValue == true, "\(fresh)")
        #expect(fresh["checks"]?.arrayValue?.contains("status") == true)
        #expect(fresh["checks"]?.arrayValue?.contains("accreditation") == true)

        // The issuer's record keeps what it needs to manage the licence, not the licence's contents.
        let record = try await server.send(.get, "/credentials/\(id)", bearer: board.token)
        #expect(record.status == 200)
        #expect(record.json["status"]?.stringValue == "active")
        #expect(record.json["subject"]?.stringValue == (try LiveFixtures.did(LiveFixtures.holder)))
        #expect(!String(decoding: record.body, as: UTF8.self).contains("Okafor"))

        let suspend = try await LiveFixtures.setStatus(server, board, id, "suspend")
        #expect(suspend.status == 200)
        #expect(suspend.json["status"]?.stringValue == "suspended")
        let suspended = try await LiveFixtures.verify(server, licence)
        #expect(suspended["verified"]?.boolValue == false)
        #expect(LiveFixtures.errorDetails(suspended, check: "status") == ["suspended"], "\(suspended)")

        let reinstate = try await LiveFixtures.setStatus(server, board, id, "reinstate")
        #expect(reinstate.json["status"]?.stringValue == "active")
        let reinstated = try await LiveFixtures.verify(server, licence)
        #expect(reinstated["verified"]?.boolValue == true, "\(reinstated)")

        let revoke = try await LiveFixtures.setStatus(server, board, id, "revoke")
        #expect(revoke.json["status"]?.stringValue == "revoked")
        let revoked = try await LiveFixtures.verify(server, licence)
        #expect(revoked["verified"]?.boolValue == false)
        #expect(LiveFixtures.errorDetails(revoked, check: "status").contains("revoked"), "\(revoked)")

        let again = try await LiveFixtures.setStatus(server, board, id, "reinstate")
        #expect(again.status == 409)
        #expect(again.code == "credential-revoked")
        #expect(try await LiveFixtures.verify(server, licence)["verified"]?.boolValue == false)

        try await expectAudit(server, credentialID: id)
        await server.stopAndRemove()
    }

    /// The audit log names every step, and its hash chain verifies.
    private func expectAudit(_ server: LiveServer, credentialID: String) async throws {
        let audit = try await server.send(.get, "/admin/audit?limit=1000", bearer: server.adminToken)
        #expect(audit.status == 200)
        let events = (audit.json["entries"]?.arrayValue ?? []).compactMap { $0["event"] }
        let actions = events.compactMap { $0["action"]?.stringValue }
        for action in [
            "issuer.created", "credential.issued", "credential.suspended", "credential.reinstated",
            "credential.revoked",
        ] {
            #expect(actions.contains(action), "no \(action) in \(actions)")
        }
        let statusEvents = events.filter { $0["action"]?.stringValue?.hasPrefix("credential.") == true }
        #expect(statusEvents.allSatisfy { $0["subject"]?.stringValue == credentialID })
        let verify = try await server.send(.get, "/admin/audit/verify", bearer: server.adminToken)
        #expect(verify.status == 200)
        #expect(verify.json["valid"]?.boolValue == true, "\(verify.json)")
        #expect((verify.json["entries"]?.doubleValue ?? 0) >= Double(actions.count))
    }

    @Test func aJWTLicenceVerifiesAndFollowsItsStatus() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        let jwt = try await LiveFixtures.issue(server, board, try LiveFixtures.licenceDraft(), format: "jwt")
        let compact = try #require(jwt.stringValue)
        #expect(compact.split(separator: ".").count == 3)
        let payload = try CompactJWS(parsing: compact).payload
        #expect(payload["credentialStatus"]?.arrayValue?.count == 2)
        let id = try #require(payload["id"]?.stringValue)

        let verified = try await LiveFixtures.verify(server, jwt)
        #expect(verified["verified"]?.boolValue == true, "\(verified)")
        #expect(try await LiveFixtures.setStatus(server, board, id, "suspend").status == 200)
        let suspended = try await LiveFixtures.verify(server, jwt)
        #expect(LiveFixtures.errorDetails(suspended, check: "status") == ["suspended"], "\(suspended)")
        await server.stopAndRemove()
    }

    @Test func aBatchIssuesTheGoodDraftsAndIndexesTheBadOnes() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        var drafts: [JSONValue] = []
        for index in 0..<50 {
            drafts.append(try LiveFixtures.licenceDraft(licenseNumber: "MD-\(10_000 + index)"))
        }
        var noNumber = drafts[7]
        noNumber.setMember("credentialSubject", drafts[7]["credentialSubject"]?.removingMember("licenseNumber"))
        drafts[7] = noNumber
        drafts[31] = try LiveFixtures.licenceDraft(profession: "wizard")
        let response = try await server.send(
            .post, "/credentials/issue", json: ["credentials": .array(drafts)], bearer: board.token)
        #expect(response.status == 201)
        let issued = response.json["verifiableCredentials"]?.arrayValue ?? []
        #expect(issued.count == 48)
        #expect(response.json["issued"]?.doubleValue == 48)
        let errors = response.json["errors"]?.arrayValue ?? []
        #expect(errors.compactMap { $0["index"]?.doubleValue } == [7, 31])
        #expect(errors.allSatisfy { $0["code"]?.stringValue == "subject-invalid" }, "\(errors)")
        #expect(Set(issued.compactMap { $0["id"]?.stringValue }).count == 48)
        let numbers = issued.compactMap { $0["credentialSubject"]?["licenseNumber"]?.stringValue }
        #expect(!numbers.contains("MD-10007") && !numbers.contains("MD-10031") && numbers.count == 48)

        let last = try #require(issued.last)
        #expect(try await LiveFixtures.verify(server, last)["verified"]?.boolValue == true)
        await server.stopAndRemove()
    }

    @Test func theStatusListIsServedWithCacheHeadersAndChangesItsETag() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        let licence = try await LiveFixtures.issueLicence(server, board)
        let id = try #require(licence["id"]?.stringValue)
        let listID = try #require(LiveFixtures.statusListID(licence, purpose: "suspension"))

        let first = try await server.send(.get, "/status-lists/\(listID)")
        #expect(first.status == 200)
        #expect(first.header("Content-Type") == "application/vc")
        let cache = try #require(first.header("Cache-Control"))
        #expect(cache.contains("max-age=") && cache.contains("public"))
        let etag = try #require(first.header("ETag"))
        let list = first.json
        #expect(list["type"]?.arrayValue?.contains("BitstringStatusListCredential") == true)
        #expect(list["credentialSubject"]?["statusPurpose"]?.stringValue == "suspension")
        #expect(list["credentialSubject"]?["encodedList"]?.stringValue?.hasPrefix("u") == true)
        #expect(list["issuer"]?.stringValue == board.did || list["issuer"]?["id"]?.stringValue == board.did)
        #expect(list["proof"] != nil)

        let unchanged = try await server.send(.get, "/status-lists/\(listID)", headers: [("If-None-Match", etag)])
        #expect(unchanged.status == 304)
        #expect(unchanged.body.isEmpty)
        #expect(unchanged.header("ETag") == etag)

        #expect(try await LiveFixtures.setStatus(server, board, id, "suspend").status == 200)
        let changed = try await server.send(.get, "/status-lists/\(listID)", headers: [("If-None-Match", etag)])
        #expect(changed.status == 200)
        let newTag = try #require(changed.header("ETag"))
        #expect(newTag != etag)
        #expect(changed.json["credentialSubject"]?["encodedList"] != list["credentialSubject"]?["encodedList"])

        let missing = try await server.send(.get, "/status-lists/no-such-list")
        #expect(missing.status == 404)
        #expect(missing.code == "status-list-not-found")
        await server.stopAndRemove()
    }
}
