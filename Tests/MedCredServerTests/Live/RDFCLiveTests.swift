import Foundation
import MedCredClient
import MedCredCore
import MedCredCrypto
import Testing

/// eddsa-rdfc-2022 and Ed25519Signature2020 over the real server (issue #8): chosen with `options.cryptosuite`
/// at issuance, and accepted by `/credentials/verify`, `/presentations/verify` and `/auth/login` with the same
/// status and accreditation checks as eddsa-jcs-2022.
@Suite struct RDFCLiveTests {
    static func issue(_ server: LiveServer, _ board: LiveBoard, cryptosuite: String) async throws -> JSONValue {
        let response = try await server.send(
            .post, "/credentials/issue",
            json: ["credential": try LiveFixtures.licenceDraft(), "options": ["cryptosuite": .string(cryptosuite)]],
            bearer: board.token)
        guard response.status == 201, let credential = response.json["verifiableCredential"] else {
            throw LiveFixtures.UnexpectedResponse(what: "POST /credentials/issue", response: response)
        }
        return credential
    }

    @Test func anRDFCLicenceVerifiesLogsInAndLosesItsLoginWhenSuspended() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        let licence = try await Self.issue(server, board, cryptosuite: "eddsa-rdfc-2022")
        #expect(licence["proof"]?["type"]?.stringValue == "DataIntegrityProof")
        #expect(licence["proof"]?["cryptosuite"]?.stringValue == "eddsa-rdfc-2022")
        #expect(licence["proof"]?["verificationMethod"]?.stringValue == board.verificationMethod)

        let verified = try await LiveFixtures.verify(server, licence)
        #expect(verified["verified"]?.boolValue == true, "\(verified)")
        let checks = (verified["checks"]?.arrayValue ?? []).compactMap(\.stringValue)
        #expect(checks.contains("status") && checks.contains("accreditation"), "\(verified)")

        var tampered = licence
        tampered.setMember("validUntil", "2040-01-01T00:00:00Z")
        let refused = try await LiveFixtures.verify(server, tampered)
        #expect(refused["verified"]?.boolValue == false)
        #expect(LiveFixtures.errorDetails(refused, check: "proof").contains { $0.contains("signature") }, "\(refused)")

        let login = try await LiveFixtures.login(server, licence)
        #expect(login.status == 200, "\(login.json)")
        let id = try #require(licence["id"]?.stringValue)
        #expect(try await LiveFixtures.setStatus(server, board, id, "suspend").status == 200)
        let suspended = try await LiveFixtures.login(server, licence)
        #expect(suspended.status != 200)
        #expect(suspended.json["reason"]?.stringValue == "verifiableCredential[0].status: suspended", "\(suspended.json)")
        await server.stopAndRemove()
    }

    @Test func anEd25519Signature2020LicenceCarriesItsContextAndVerifies() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        let licence = try await Self.issue(server, board, cryptosuite: "Ed25519Signature2020")
        #expect(licence["proof"]?["type"]?.stringValue == "Ed25519Signature2020")
        #expect(licence["proof"]?["cryptosuite"] == nil)
        let contexts = (licence["@context"]?.arrayValue ?? []).compactMap(\.stringValue)
        #expect(contexts.last == DataIntegrityCryptosuite.ed25519Signature2020Context)
        let verified = try await LiveFixtures.verify(server, licence)
        #expect(verified["verified"]?.boolValue == true, "\(verified)")
        #expect(try await LiveFixtures.login(server, licence).status == 200)
        await server.stopAndRemove()
    }

    /// The holder's own presentation proof may use eddsa-rdfc-2022 too.
    @Test func anRDFCPresentationLogsIn() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        let licence = try await Self.issue(server, board, cryptosuite: "eddsa-rdfc-2022")
        let challenge = try await LiveFixtures.challenge(server)
        let unsigned: JSONValue = [
            "@context": [.string(KnownContexts.credentialsV2)], "type": ["VerifiablePresentation"],
            "holder": .string(try LiveFixtures.did(LiveFixtures.holder)), "verifiableCredential": [licence],
        ]
        let options = ProofOptions(
            proofPurpose: "authentication", created: XSDDateTime(server.clock.now), challenge: challenge,
            domain: [LiveFixtures.physicianDomain])
        let presentation = try DataIntegrity.addProof(
            to: unsigned, options: options, signer: Ed25519Signer(didKey: try LiveFixtures.key(LiveFixtures.holder)),
            cryptosuite: .eddsaRDFC2022, contexts: try LiveServer.contexts())
        let login = try await server.send(
            .post, "/auth/login",
            json: ["presentation": presentation, "policy": .string(LiveFixtures.physicianPolicy)])
        #expect(login.status == 200, "\(login.json)")
        await server.stopAndRemove()
    }

    @Test func anUnknownOrMisplacedCryptosuiteIsRefused() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        for options: JSONValue in [
            ["cryptosuite": "ecdsa-rdfc-2019"], ["cryptosuite": 7], ["format": "jwt", "cryptosuite": "eddsa-rdfc-2022"],
        ] {
            let response = try await server.send(
                .post, "/credentials/issue", json: ["credential": try LiveFixtures.licenceDraft(), "options": options],
                bearer: board.token)
            #expect(response.status == 400, "\(options)")
            #expect(response.code == "unsupported-cryptosuite", "\(options)")
            #expect(response.json["pointer"]?.stringValue == "/options/cryptosuite")
        }
        await server.stopAndRemove()
    }
}
