import Foundation
import Hummingbird
import HummingbirdTesting
import MedCredLedger
import MedCredServer
import MedCredService
import Testing

/// `GET /ledger/...` through the Hummingbird router, on a real temporary SQLite ledger.
@Suite struct LedgerRoutesTests {
    private let fixture: LedgerRoutesFixture

    init() throws { fixture = try LedgerRoutesFixture() }

    private func application() -> some ApplicationProtocol {
        Application(
            router: fixture.router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)))
    }

    private func get(_ client: some TestClientProtocol, _ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get)
    }

    private func expectProblem(
        _ response: TestResponse, _ status: HTTPResponse.Status, _ code: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(response.headers[.contentType] == "application/problem+json", sourceLocation: sourceLocation)
        let problem = try JSONDecoder().decode(ProblemBody.self, from: Data(String(buffer: response.body).utf8))
        #expect(
            problem == ProblemBody(type: "https://medcred.dev/problems/\(code)", status: Int(status.code), code: code),
            sourceLocation: sourceLocation)
    }

    private func json<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
        try JSONDecoder().decode(type, from: Data(String(buffer: response.body).utf8))
    }

    // MARK: Checkpoint

    @Test func servesTheCosignedCheckpoint() async throws {
        try await fixture.append(5)
        try await fixture.publisher.publish()
        try await application().test(.router) { client in
            let response = try await get(client, "/ledger/checkpoint")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(response.headers[.cacheControl] == "no-cache")
            let note = try SignedNote(parsing: String(buffer: response.body))
            #expect(try Checkpoint(parsing: note.text).treeSize == 5)
            let policy = try WitnessPolicy(witnesses: fixture.witnessKeys, threshold: 2)
            let result = policy.evaluate(signedCheckpoint: note, logKey: fixture.ledger.verifierKey)
            #expect(result.isMet)
            #expect(result.cosigners.count == 3)
        }
    }

    @Test func anEmptyLedgerHasNoCheckpoint() async throws {
        try await application().test(.router) { client in
            try expectProblem(try await get(client, "/ledger/checkpoint"), .notFound, "no-checkpoint")
            try expectProblem(try await get(client, "/ledger/bundles/0"), .notFound, "out-of-range")
        }
    }

    // MARK: Entries

    @Test func servesEntriesAsBase64URLWithIndices() async throws {
        try await fixture.append(5)
        try await application().test(.router) { client in
            let full = try await get(client, "/ledger/entries?start=1&count=3")
            #expect(full.status == .ok)
            #expect(full.headers[.contentType] == "application/json")
            #expect(full.headers[.cacheControl] == "public, max-age=31536000, immutable")
            let entries = try json([EntryBody].self, full)
            #expect(entries.map(\.index) == [1, 2, 3])
            #expect(entries.map { base64URLDecoded($0.data) } == (1...3).map(LedgerRoutesFixture.entry))
            #expect(!entries.contains { $0.data.contains("=") || $0.data.contains("+") || $0.data.contains("/") })

            let tail = try await get(client, "/ledger/entries?start=3")
            #expect(try json([EntryBody].self, tail).map(\.index) == [3, 4])
            #expect(tail.headers[.cacheControl] == "no-cache")
        }
    }

    @Test func capsTheEntryCount() async throws {
        try await fixture.append(LedgerRoutes.maxEntries + 3)
        try await application().test(.router) { client in
            let response = try await get(client, "/ledger/entries?start=0&count=100000")
            #expect(try json([EntryBody].self, response).count == LedgerRoutes.maxEntries)
            #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable")
        }
    }

    @Test(arguments: [
        "/ledger/entries", "/ledger/entries?count=2", "/ledger/entries?start=abc", "/ledger/entries?start=01",
        "/ledger/entries?start=-1", "/ledger/entries?start=%2B1", "/ledger/entries?start=1.0",
        "/ledger/entries?start=99999999999999999999", "/ledger/entries?start=0&count=0",
        "/ledger/entries?start=0&start=1", "/ledger/entries?start=",
    ])
    func rejectsBadEntryParameters(uri: String) async throws {
        try await fixture.append(2)
        try await application().test(.router) { client in
            try expectProblem(try await get(client, uri), .badRequest, "invalid-parameter")
        }
    }

    @Test func entriesBeyondTheLogAreOutOfRange() async throws {
        try await fixture.append(2)
        try await application().test(.router) { client in
            try expectProblem(try await get(client, "/ledger/entries?start=2"), .notFound, "out-of-range")
        }
    }

    // MARK: Proofs

    @Test func servesAnInclusionProofThatVerifies() async throws {
        try await fixture.append(7)
        try await application().test(.router) { client in
            let response = try await get(client, "/ledger/proofs/inclusion?index=4&size=6")
            #expect(response.status == .ok)
            #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable")
            let body = try json(ProofBody.self, response)
            #expect(body.index == 4 && body.size == 6)
            let hashes = try body.hashes.map { try #require(Data(base64Encoded: $0)).map { $0 } }
            let proof = InclusionProof(leafIndex: 4, treeSize: 6, hashes: hashes)
            try proof.verify(leafHash: MerkleHash.leaf(LedgerRoutesFixture.entry(4)), root: fixture.root(6))
        }
    }

    @Test func servesAConsistencyProofThatVerifies() async throws {
        try await fixture.append(7)
        try await application().test(.router) { client in
            let response = try await get(client, "/ledger/proofs/consistency?from=3&to=7")
            #expect(response.status == .ok)
            #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable")
            let body = try json(ConsistencyBody.self, response)
            #expect(body.from == 3 && body.to == 7)
            let hashes = try body.hashes.map { try #require(Data(base64Encoded: $0)).map { $0 } }
            try ConsistencyProof(oldSize: 3, newSize: 7, hashes: hashes).verify(
                oldRoot: fixture.root(3), newRoot: fixture.root(7))
            let same = try json(ConsistencyBody.self, try await get(client, "/ledger/proofs/consistency?from=7&to=7"))
            #expect(same.hashes.isEmpty)
        }
    }

    @Test(arguments: [
        ("/ledger/proofs/inclusion?index=5&size=5", 400, "invalid-parameter"),
        ("/ledger/proofs/inclusion?size=5", 400, "invalid-parameter"),
        ("/ledger/proofs/inclusion?index=1", 400, "invalid-parameter"),
        ("/ledger/proofs/inclusion?index=x&size=5", 400, "invalid-parameter"),
        ("/ledger/proofs/inclusion?index=1&size=6", 404, "out-of-range"),
        ("/ledger/proofs/consistency?from=4&to=2", 400, "invalid-parameter"),
        ("/ledger/proofs/consistency?from=1", 400, "invalid-parameter"),
        ("/ledger/proofs/consistency?from=1&to=002", 400, "invalid-parameter"),
        ("/ledger/proofs/consistency?from=1&to=6", 404, "out-of-range"),
        ("/ledger/bundles/x", 400, "invalid-parameter"),
        ("/ledger/bundles/01", 400, "invalid-parameter"),
        ("/ledger/bundles/1?size=abc", 400, "invalid-parameter"),
        ("/ledger/bundles/5", 404, "out-of-range"),
        ("/ledger/bundles/3?size=3", 404, "out-of-range"),
        ("/ledger/bundles/1?size=9", 404, "out-of-range"),
        ("/ledger/bundles/0?size=0", 404, "out-of-range"),
    ])
    func rejectsBadProofAndBundleParameters(uri: String, status: Int, code: String) async throws {
        try await fixture.append(5)
        try await application().test(.router) { client in
            try expectProblem(try await get(client, uri), HTTPResponse.Status(code: status), code)
        }
    }

    // MARK: Bundles

    @Test func aBundleFetchedOverHTTPVerifiesOfflineUnderTwoOfThree() async throws {
        try await fixture.append(6)
        try await fixture.publisher.publish()
        try await application().test(.router) { client in
            let response = try await get(client, "/ledger/bundles/4")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(response.headers[.cacheControl] == "no-cache")
            let proof = try TlogProof(parsing: String(buffer: response.body))
            let verification = proof.verify(
                entry: LedgerRoutesFixture.entry(4), logKey: fixture.ledger.verifierKey, witnesses: fixture.witnessKeys,
                threshold: 2)
            #expect(verification.isVerified)
            #expect(verification.cosigners.count == 3)
            // Another entry does not verify against it.
            #expect(
                !proof.verify(
                    entry: LedgerRoutesFixture.entry(3), logKey: fixture.ledger.verifierKey,
                    witnesses: fixture.witnessKeys,
                    threshold: 2
                ).isVerified)
        }
    }

    @Test func aBundleAtAnOlderSizeIsCacheableAndCarriesOnlyTheLogSignature() async throws {
        try await fixture.append(6)
        try await fixture.publisher.publish()
        try await application().test(.router) { client in
            let response = try await get(client, "/ledger/bundles/1?size=3")
            #expect(response.status == .ok)
            #expect(response.headers[.cacheControl] == "public, max-age=300")
            let proof = try TlogProof(parsing: String(buffer: response.body))
            #expect(proof.checkpoint.treeSize == 3)
            let logOnly = proof.verify(
                entry: LedgerRoutesFixture.entry(1), logKey: fixture.ledger.verifierKey, witnesses: fixture.witnessKeys,
                threshold: 0)
            #expect(logOnly.isVerified)
            #expect(
                !proof.verify(
                    entry: LedgerRoutesFixture.entry(1), logKey: fixture.ledger.verifierKey,
                    witnesses: fixture.witnessKeys,
                    threshold: 2
                ).isVerified)
        }
    }

    @Test func servesTheCheckpointLive() async throws {
        try await fixture.append(2)
        try await fixture.publisher.publish()
        try await application().test(.live) { client in
            let response = try await get(client, "/ledger/checkpoint")
            #expect(response.status == .ok)
            let note = try SignedNote(parsing: String(buffer: response.body))
            #expect(note.signatures.count == 4)
            try expectProblem(try await get(client, "/ledger/entries?start=zz"), .badRequest, "invalid-parameter")
        }
    }
}

private struct EntryBody: Decodable {
    let index: UInt64
    let data: String
}

private struct ProofBody: Decodable {
    let index: UInt64
    let size: UInt64
    let hashes: [String]
}

private struct ConsistencyBody: Decodable {
    let from: UInt64
    let to: UInt64
    let hashes: [String]
}
