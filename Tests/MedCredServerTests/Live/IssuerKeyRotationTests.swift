import Foundation
import MedCredClient
import MedCredCore
import MedCredServer
import MedCredService
import Testing

/// `POST /admin/issuers/{id}/keys/rotate` over the real server: a licence outlives its board's keys, because
/// verification resolves the board's did:webvh as it was when the proof was `created`; a retired key signs
/// nothing new.
@Suite struct IssuerKeyRotationTests {
    @Test func anOldLicenceVerifiesAfterTwoRotationsAndARetiredKeyCannotSign() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        let licence = try await LiveFixtures.issueLicence(server, board)
        let id = try #require(licence["id"]?.stringValue)
        #expect(licence["proof"]?["verificationMethod"]?.stringValue == board.verificationMethod)
        // The HTTP API never returns a private key; the accounts service hands out the current signer.
        let firstKey = try await server.runtime.components.accounts.signer(forIssuer: board.id)
        #expect(firstKey.verificationMethod == board.verificationMethod)

        server.clock.advance(seconds: 90)
        let second = try await rotate(server, board)
        #expect(second["keyVersion"]?.doubleValue == 2)
        #expect(second["verificationMethod"]?.stringValue == board.did + "#key-2")
        server.clock.advance(seconds: 100)
        let third = try await rotate(server, board)
        #expect(third["keyVersion"]?.doubleValue == 3)
        #expect(third["verificationMethod"]?.stringValue == board.did + "#key-3")
        #expect(third["did"]?.stringValue == board.did && third["id"]?.stringValue == board.id)
        server.clock.advance(seconds: 100)

        let old = try await LiveFixtures.verify(server, licence)
        #expect(old["verified"]?.boolValue == true, "\(old)")
        // A status change re-signs the list with the current key; the old licence still checks against it.
        #expect(try await LiveFixtures.setStatus(server, board, id, "suspend").status == 200)
        #expect(
            LiveFixtures.errorDetails(try await LiveFixtures.verify(server, licence), check: "status") == ["suspended"])
        #expect(try await LiveFixtures.setStatus(server, board, id, "reinstate").status == 200)
        let reinstated = try await LiveFixtures.verify(server, licence)
        #expect(reinstated["verified"]?.boolValue == true, "\(reinstated)")

        // The first key, used after it was retired: the DID as of `created` no longer lists it.
        let issuer = CredentialIssuer(signer: firstKey, contexts: try LiveServer.contexts())
        guard case .document(let late) = try issuer.issue(try LiveFixtures.licenceDraft(), now: server.clock.now)
        else { throw LiveFixtures.Failure("expected a Data Integrity document") }
        #expect(late["proof"]?["verificationMethod"]?.stringValue == board.verificationMethod)
        let refused = try await LiveFixtures.verify(server, late)
        #expect(refused["verified"]?.boolValue == false)
        #expect(
            (refused["errors"]?.arrayValue ?? []).contains { $0["check"]?.stringValue == "proof" }, "\(refused)")

        let fresh = try await LiveFixtures.issueLicence(server, board)
        #expect(fresh["proof"]?["verificationMethod"]?.stringValue == board.did + "#key-3")
        let verified = try await LiveFixtures.verify(server, fresh)
        #expect(verified["verified"]?.boolValue == true, "\(verified)")

        let resolved = try await server.send(.get, "/1.0/identifiers/\(board.did)")
        #expect(resolved.status == 200)
        let methods = (resolved.json["didDocument"]?["verificationMethod"]?.arrayValue ?? []).compactMap {
            $0["id"]?.stringValue
        }
        let listsCurrentKey = methods.contains(board.did + "#key-3")
        let listsFirstKey = methods.contains(board.verificationMethod)
        #expect(listsCurrentKey, "\(resolved.json)")
        #expect(!listsFirstKey)
        await server.stopAndRemove()
    }

    @Test func rotatingAnUnknownIssuerIsNotFound() async throws {
        let server = try await LiveServer.start()
        let response = try await server.send(.post, "/admin/issuers/iss_nope/keys/rotate", bearer: server.adminToken)
        #expect(response.status == 404)
        #expect(response.code == "issuer-not-found")
        await server.stopAndRemove()
    }

    private func rotate(_ server: LiveServer, _ board: LiveBoard) async throws -> JSONValue {
        let response = try await server.send(.post, "/admin/issuers/\(board.id)/keys/rotate", bearer: server.adminToken)
        guard response.status == 200 else {
            throw LiveFixtures.UnexpectedResponse(what: "POST /admin/issuers/{id}/keys/rotate", response: response)
        }
        return response.json
    }
}
