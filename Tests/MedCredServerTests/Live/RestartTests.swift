import Foundation
import MedCredClient
import MedCredCore
import MedCredServer
import Testing

/// A restart on the same data folder keeps every account, credential record, status and ledger entry, and the
/// tokens issued before it.
@Suite struct RestartTests {
    @Test func aRestartKeepsAccountsCredentialsStatusesAndTheLedger() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        let licence = try await LiveFixtures.issueLicence(server, board)
        let other = try await LiveFixtures.issueLicence(server, board, holder: LiveFixtures.otherHolder)
        let id = try #require(licence["id"]?.stringValue)
        let otherID = try #require(other["id"]?.stringValue)
        let session = try #require(try await LiveFixtures.login(server, licence).json["token"]?.stringValue)
        #expect(try await LiveFixtures.setStatus(server, board, id, "suspend").status == 200)
        #expect(try await LiveFixtures.setStatus(server, board, otherID, "revoke").status == 200)

        let issuers = try await server.send(.get, "/admin/issuers", bearer: server.adminToken)
        let record = try await server.send(.get, "/credentials/\(id)", bearer: board.token)
        let otherRecord = try await server.send(.get, "/credentials/\(otherID)", bearer: board.token)
        #expect(record.json["status"]?.stringValue == "suspended")
        #expect(otherRecord.json["status"]?.stringValue == "revoked")
        let size = try await Self.ledgerSize(server)
        let entries = try await server.send(.get, "/ledger/entries?start=0&count=\(size)")
        let audit = try await server.send(.get, "/admin/audit?limit=1000", bearer: server.adminToken)
        await server.stop()

        let again = try await LiveServer.start(directory: server.directory, clock: server.clock)
        #expect(again.runtime.initialAdminToken == nil)
        let issuersAfter = try await again.send(.get, "/admin/issuers", bearer: server.adminToken)
        #expect(issuersAfter.status == 200)
        #expect(issuersAfter.json == issuers.json)
        let recordAfter = try await again.send(.get, "/credentials/\(id)", bearer: board.token)
        #expect(recordAfter.status == 200, "the issuer token survives the restart")
        #expect(recordAfter.json == record.json)
        #expect(try await again.send(.get, "/credentials/\(otherID)", bearer: board.token).json == otherRecord.json)

        #expect(try await Self.ledgerSize(again) >= size)
        let entriesAfter = try await again.send(.get, "/ledger/entries?start=0&count=\(size)")
        #expect(entriesAfter.status == 200)
        #expect(entriesAfter.body == entries.body)
        let auditAfter = try await again.send(.get, "/admin/audit?limit=1000", bearer: server.adminToken)
        // Anchoring may fill in ledger indices later; the chained hashes must not change.
        let before = (audit.json["entries"]?.arrayValue ?? []).map { $0["hash"] }
        let after = (auditAfter.json["entries"]?.arrayValue ?? []).map { $0["hash"] }
        #expect(!before.isEmpty && Array(after.prefix(before.count)) == before)
        let chain = try await again.send(.get, "/admin/audit/verify", bearer: server.adminToken)
        #expect(chain.json["valid"]?.boolValue == true, "\(chain.json)")

        let suspended = try await LiveFixtures.verify(again, licence)
        #expect(LiveFixtures.errorDetails(suspended, check: "status") == ["suspended"], "\(suspended)")
        let revoked = try await LiveFixtures.verify(again, other)
        #expect(LiveFixtures.errorDetails(revoked, check: "status").contains("revoked"), "\(revoked)")

        // The session signed before the restart is still the service's.
        let introspected = try await again.send(.get, "/auth/session", bearer: session)
        #expect(introspected.status == 200, "\(introspected.json)")

        // The board keeps working: its status lists are signed again and new licences verify.
        #expect(try await LiveFixtures.setStatus(again, board, id, "reinstate").json["status"]?.stringValue == "active")
        #expect(try await LiveFixtures.verify(again, licence)["verified"]?.boolValue == true)
        let fresh = try await LiveFixtures.issueLicence(again, board)
        #expect(try await LiveFixtures.verify(again, fresh)["verified"]?.boolValue == true)
        await again.stopAndRemove()
    }

    /// The tree size of the ledger's current checkpoint (the note's second line, C2SP tlog-checkpoint).
    static func ledgerSize(_ server: LiveServer) async throws -> Int {
        let response = try await server.send(.get, "/ledger/checkpoint")
        let lines = String(decoding: response.body, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false)
        guard response.status == 200, lines.count > 2, let size = Int(lines[1]) else {
            throw LiveFixtures.UnexpectedResponse(what: "GET /ledger/checkpoint", response: response)
        }
        return size
    }
}
