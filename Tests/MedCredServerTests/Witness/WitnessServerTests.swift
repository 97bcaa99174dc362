import Hummingbird
import HummingbirdTesting
import MedCredLedger
import MedCredServer
import Testing

/// `POST /add-checkpoint` and `GET /<origin hash>/checkpoint` through the Hummingbird router.
@Suite struct WitnessServerTests {
    private let log: ServerTestLog
    private let witness: Witness
    private let state = InMemoryWitnessState()

    init() throws {
        log = try ServerTestLog()
        witness = try ServerTestWitness.make(logs: [log.key.verifierKey])
    }

    private func application(storage: some WitnessStateStorage) -> some ApplicationProtocol {
        WitnessServer.application(
            router: WitnessServer.router(witness: witness, storage: storage, now: { 1_700_000_000 }),
            host: "127.0.0.1", port: 0)
    }

    private func post(_ client: some TestClientProtocol, _ body: String) async throws -> TestResponse {
        try await client.execute(uri: "/add-checkpoint", method: .post, body: ByteBuffer(string: body))
    }

    @Test func cosignsAndServesTheCosignedCheckpoint() async throws {
        try await application(storage: state).test(.router) { client in
            let response = try await post(client, try log.request(from: 0, to: 6))
            #expect(response.status == .ok)
            let cosignature = String(buffer: response.body)
            let cosigned = try SignedNote(parsing: (try log.note(6)).formatted + cosignature)
            #expect(cosigned.verify(with: [witness.verifierKey]).isVerified)

            let path = "/\(lowerHex(WitnessRecord.originHash(ServerTestLog.origin)))/checkpoint"
            let monitor = try await client.execute(uri: path, method: .get)
            #expect(monitor.status == .ok)
            let served = try SignedNote(parsing: String(buffer: monitor.body))
            #expect(served.verify(with: [log.key.verifierKey]).isVerified)
            #expect(served.verify(with: [witness.verifierKey]).isVerified)
            #expect(try Checkpoint(parsing: served.text).treeSize == 6)

            let next = try await post(client, try log.request(from: 6, to: 11))
            #expect(next.status == .ok)
        }
    }

    @Test func answers409WithTheLatestSizeAsTlogSize() async throws {
        try await application(storage: state).test(.router) { client in
            #expect(try await post(client, try log.request(from: 0, to: 9)).status == .ok)
            let response = try await post(client, try log.request(from: 0, to: 12))
            #expect(response.status == .conflict)
            #expect(response.headers[.contentType] == "text/x.tlog.size")
            #expect(String(buffer: response.body) == "9\n")
        }
    }

    @Test func refusesAForkedLog() async throws {
        let fork = try ServerTestLog(salt: "fork")
        try await application(storage: state).test(.router) { client in
            #expect(try await post(client, try log.request(from: 0, to: 10)).status == .ok)
            let sameSize = try WitnessRequest(oldSize: 10, proof: [], note: fork.note(10)).formatted
            #expect(try await post(client, sameSize).status == .unprocessableContent)
            // The fork's own consistency proof from 10 does not start from the root the witness cosigned.
            #expect(try await post(client, try fork.request(from: 10, to: 14)).status == .unprocessableContent)
            // The witness still cosigns the honest log.
            #expect(try await post(client, try log.request(from: 10, to: 14)).status == .ok)
        }
    }

    @Test func answersEachRejectionStatus() async throws {
        let stranger = try ServerTestLog(seedByte: 2, origin: "stranger.example/log")
        let impostor = try ServerTestLog(seedByte: 3)
        try await application(storage: state).test(.router) { client in
            #expect(try await post(client, "old 01\n\n").status == .badRequest)
            #expect(try await post(client, try stranger.request(from: 0, to: 3)).status == .notFound)
            #expect(try await post(client, try impostor.request(from: 0, to: 3)).status == .forbidden)
            let backwards = try WitnessRequest(oldSize: 5, proof: [], note: log.note(3)).formatted
            #expect(try await post(client, backwards).status == .badRequest)
            let proofFromZero = try WitnessRequest(oldSize: 0, proof: [log.leafHashes[0]], note: log.note(3)).formatted
            let refused = try await post(client, proofFromZero)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.headers[.contentType] == "text/plain; charset=utf-8")
            // Nothing was cosigned by any of these.
            let stored = try await state.record(origin: ServerTestLog.origin)
            #expect(stored == nil)
        }
    }

    @Test func refusesAnOversizedBodyWith413() async throws {
        try await application(storage: state).test(.router) { client in
            let body = String(repeating: "A", count: WitnessServer.maxBodyBytes + 1)
            let response = try await post(client, body)
            #expect(response.status == .contentTooLarge)
        }
    }

    @Test func monitoringAnswers404ForUnknownOrMalformedHashes() async throws {
        try await application(storage: state).test(.router) { client in
            let unknown = "/\(lowerHex(WitnessRecord.originHash("nobody.example")))/checkpoint"
            let upper = "/\(lowerHex(WitnessRecord.originHash(ServerTestLog.origin)).uppercased())/checkpoint"
            for path in [unknown, upper, "/zz/checkpoint"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .notFound, "\(path)")
            }
        }
    }

    @Test func aStorageFailureIsA500AndNothingIsCosigned() async throws {
        try await application(storage: FailingWitnessState()).test(.router) { client in
            let response = try await post(client, try log.request(from: 0, to: 3))
            #expect(response.status == .internalServerError)
            #expect(!String(buffer: response.body).contains("\u{2014}"))
        }
    }

    @Test func servesOverTCPOnAnEphemeralPort() async throws {
        try await application(storage: state).test(.live) { client in
            #expect(client.port != nil && client.port != 0)
            let response = try await post(client, try log.request(from: 0, to: 4))
            #expect(response.status == .ok)
            let cosigned = try SignedNote(parsing: (try log.note(4)).formatted + String(buffer: response.body))
            #expect(cosigned.verify(with: [witness.verifierKey]).isVerified)
        }
    }
}
