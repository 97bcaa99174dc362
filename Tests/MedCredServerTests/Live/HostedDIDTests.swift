import Foundation
import MedCredClient
import MedCredCore
import MedCredCrypto
import MedCredLedger
import Testing

/// `POST /dids`, `POST /dids/{did}/log` and `GET /people/{name}/did.jsonl` over the real server: a professional's
/// did:webvh, every entry signed by the holder's keys (fixed here), is verified, anchored, resolved and served;
/// entries on another domain or path, for a taken name, unsigned, or signed by an unauthorized key are refused.
@Suite struct HostedDIDTests {
    static let update: UInt8 = 0x31
    static let next: UInt8 = 0x32
    static let assertion: UInt8 = 0x33
    static let nextAfter: UInt8 = 0x34
    static let stranger: UInt8 = 0x35

    static func multikey(_ byte: UInt8) throws -> String { DIDKey(privateKey: try LiveFixtures.key(byte)).multikey }

    /// A DID document with one Multikey in `authentication` and `assertionMethod`.
    static func document(_ id: String, assertion: UInt8 = HostedDIDTests.assertion) throws -> JSONObject {
        let method = id + "#key-1"
        return [
            "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
            "id": .string(id),
            "verificationMethod": [
                [
                    "id": .string(method), "type": "Multikey", "controller": .string(id),
                    "publicKeyMultibase": .string(try multikey(assertion)),
                ]
            ],
            "authentication": [.string(method)], "assertionMethod": [.string(method)],
        ]
    }

    /// A one-entry log for `did:webvh:{SCID}:<domainAndPath>`, signed by `update` and committing to `next`.
    static func create(_ server: LiveServer, _ domainAndPath: String, update: UInt8 = HostedDIDTests.update)
        throws -> WebVHLog
    {
        try WebVHLogWriter.create(
            document: try document("did:webvh:{SCID}:" + domainAndPath),
            parameters: WebVHParameters(
                updateKeys: [try multikey(update)], nextKeyHashes: [WebVHHash.keyHash(try multikey(next))]),
            versionTime: XSDDateTime(server.clock.now), signer: Ed25519Signer(didKey: try LiveFixtures.key(update)))
    }

    static func domain(_ server: LiveServer) async throws -> String {
        let health = try await server.send(.get, "/healthz")
        return try #require(health.json["didDomain"]?.stringValue)
    }

    static func post(_ server: LiveServer, _ entry: WebVHLogEntry, to did: String? = nil) async throws -> LiveResponse {
        try await server.send(.post, did.map { "/dids/\($0)/log" } ?? "/dids", json: ["log": .string(entry.line)])
    }

    /// `entry` with its proof replaced by one from `byte`'s did:key: the entry hash is unchanged, the signer is not.
    static func resigned(_ entry: WebVHLogEntry, by byte: UInt8) throws -> WebVHLogEntry {
        var object = entry.json
        object["proof"] = nil
        let secured = try DataIntegrity.addProof(
            to: .object(object), options: ProofOptions(created: entry.versionInstant),
            signer: Ed25519Signer(didKey: try LiveFixtures.key(byte)))
        object["proof"] = .array([secured["proof"] ?? .null])
        return try WebVHLogEntry(json: .object(object), entry: entry.versionNumber)
    }

    @Test func createsResolvesServesAndRotates() async throws {
        let server = try await LiveServer.start()
        let domain = try await Self.domain(server)
        #expect(domain == "medcred.localhost%3A8080")
        let log = try Self.create(server, domain + ":people:dr-okafor")
        let entry = try #require(log.entries.first)
        let created = try await Self.post(server, entry)
        #expect(created.status == 201, "\(created.json)")
        let did = entry.stateID
        #expect(created.json["did"]?.stringValue == did)
        #expect(created.json["versionId"]?.stringValue == entry.versionId)
        #expect(created.json["ledgerIndex"]?.doubleValue != nil)
        #expect(created.json["log"]?.stringValue == "http://medcred.localhost:8080/people/dr-okafor/did.jsonl")

        let resolved = try await server.send(.get, "/1.0/identifiers/\(did)")
        #expect(resolved.status == 200, "\(resolved.json)")
        #expect(resolved.json["didDocument"]?["id"]?.stringValue == did)
        #expect(resolved.json["didDocumentMetadata"]?["anchor"]?["verified"] == true, "\(resolved.json)")
        let served = try await server.send(.get, "/people/dr-okafor/did.jsonl")
        #expect(served.status == 200)
        #expect(served.header("Content-Type") == "text/jsonl")
        #expect(String(decoding: served.body, as: UTF8.self) == log.text)

        server.clock.advance(seconds: 10)
        let rotated = try WebVHLogWriter.update(
            log, document: try Self.document(did, assertion: Self.nextAfter),
            parameters: WebVHParameters(
                updateKeys: [try Self.multikey(Self.next)],
                nextKeyHashes: [WebVHHash.keyHash(try Self.multikey(Self.nextAfter))]),
            versionTime: XSDDateTime(server.clock.now), signer: Ed25519Signer(didKey: try LiveFixtures.key(Self.next)))
        let second = try #require(rotated.entries.last)
        let appended = try await Self.post(server, second, to: did)
        #expect(appended.status == 200, "\(appended.json)")
        #expect(appended.json["versionId"]?.stringValue == second.versionId)
        let now = try await server.send(.get, "/1.0/identifiers/\(did)")
        #expect(now.json["didDocumentMetadata"]?["versionId"]?.stringValue == second.versionId, "\(now.json)")
        #expect(now.json["didDocumentMetadata"]?["anchor"]?["verified"] == true)
        let key = now.json["didDocument"]?["verificationMethod"]?[0]?["publicKeyMultibase"]?.stringValue
        #expect(key == (try Self.multikey(Self.nextAfter)))
        let grown = try await server.send(.get, "/people/dr-okafor/did.jsonl")
        #expect(String(decoding: grown.body, as: UTF8.self) == rotated.text)
        // The same entry again is not the next one.
        #expect(try await Self.post(server, second, to: did).code == "entry-not-next")
        await server.stopAndRemove()
    }

    @Test func refusesOtherDomainsPathsAndTakenNames() async throws {
        let server = try await LiveServer.start()
        let domain = try await Self.domain(server)
        let cases = [
            ("example.com:people:alice", "wrong-domain"), ("medcred.localhost:people:alice", "wrong-domain"),
            (domain + ":issuers:alice", "invalid-did-path"), (domain + ":people", "invalid-did-path"),
            (domain + ":people:alice:extra", "invalid-did-path"), (domain + ":people:Alice", "invalid-did-path"),
            (domain, "invalid-did-path"),
        ]
        for (place, code) in cases {
            let entry = try #require(try Self.create(server, place).entries.first)
            let response = try await Self.post(server, entry)
            #expect(response.status == 400 && response.code == code, "\(place): \(response.json)")
        }
        let first = try #require(try Self.create(server, domain + ":people:alice").entries.first)
        #expect(try await Self.post(server, first).status == 201)
        #expect(try await Self.post(server, first).code == "did-exists")
        let other = try #require(try Self.create(server, domain + ":people:alice", update: Self.stranger).entries.first)
        let taken = try await Self.post(server, other)
        #expect(taken.status == 409 && taken.code == "did-exists", "\(taken.json)")
        // Two DIDs racing for one name: one is hosted, the other refused.
        let racers = try [Self.update, Self.stranger].map { byte in
            try #require(try Self.create(server, domain + ":people:carol", update: byte).entries.first)
        }
        async let one = Self.post(server, racers[0])
        async let two = Self.post(server, racers[1])
        let statuses = try await [one.status, two.status].sorted()
        #expect(statuses == [201, 409])
        #expect(try await server.send(.post, "/dids", json: ["log": 5]).code == "malformed-request")
        #expect(try await server.send(.post, "/dids", json: ["log": "{\"a\":1}\n{}"]).code == "malformed-request")
        #expect(try await server.send(.post, "/dids", json: ["log": "{}", "extra": 1]).code == "unknown-member")
        #expect(try await server.send(.get, "/people/bob/did.jsonl").status == 404)
        #expect(try await server.send(.get, "/people/NOT_A_NAME/did.jsonl").status == 404)
        await server.stopAndRemove()
    }

    @Test func refusesUnsignedAndUnauthorizedEntries() async throws {
        let server = try await LiveServer.start()
        let domain = try await Self.domain(server)
        let log = try Self.create(server, domain + ":people:dr-lee")
        let entry = try #require(log.entries.first)
        var unsigned = entry.json
        unsigned["proof"] = nil
        let refused = try await server.send(
            .post, "/dids", json: ["log": .string(JSONValue.object(unsigned).serialized())])
        #expect(refused.status == 422 && refused.code == "invalid-log-entry", "\(refused.json)")
        #expect(refused.json["webvhError"]?.stringValue?.contains("proof") == true, "\(refused.json)")
        let forged = try await Self.post(server, try Self.resigned(entry, by: Self.stranger))
        #expect(forged.status == 422 && forged.code == "invalid-log-entry", "\(forged.json)")
        #expect(try await server.send(.get, "/people/dr-lee/did.jsonl").status == 404)

        #expect(try await Self.post(server, entry).status == 201)
        let did = entry.stateID
        server.clock.advance(seconds: 10)
        let next = try WebVHLogWriter.update(
            log, document: entry.state,
            parameters: WebVHParameters(updateKeys: [try Self.multikey(Self.next)], nextKeyHashes: []),
            versionTime: XSDDateTime(server.clock.now), signer: Ed25519Signer(didKey: try LiveFixtures.key(Self.next)))
        let second = try #require(next.entries.last)
        // Signed by the old update key, which pre-rotation no longer authorizes, or by a stranger.
        for signer in [Self.update, Self.stranger] {
            let response = try await Self.post(server, try Self.resigned(second, by: signer), to: did)
            #expect(response.status == 422 && response.code == "invalid-log-entry", "\(response.json)")
            #expect(response.json["webvhError"]?.stringValue != nil)
        }
        let unknown = did.replacingOccurrences(of: "dr-lee", with: "dr-nobody")
        #expect(try await Self.post(server, second, to: unknown).status == 404)
        #expect(try await Self.post(server, second, to: "did:webvh:x").code == "invalid-did")
        #expect(try await Self.post(server, second, to: did).status == 200)
        #expect(
            String(decoding: try await server.send(.get, "/people/dr-lee/did.jsonl").body, as: UTF8.self) == next.text)

        // Deactivation is an entry like any other; after it the log takes nothing more.
        server.clock.advance(seconds: 10)
        let signer = Ed25519Signer(didKey: try LiveFixtures.key(Self.next))
        let ended = try WebVHLogWriter.deactivate(next, versionTime: XSDDateTime(server.clock.now), signer: signer)
        let last = try #require(ended.entries.last)
        #expect(try await Self.post(server, last, to: did).status == 200)
        let resolved = try await server.send(.get, "/1.0/identifiers/\(did)")
        #expect(resolved.json["didDocumentMetadata"]?["deactivated"] == true, "\(resolved.json)")
        server.clock.advance(seconds: 10)
        #expect(throws: WebVHError.self) {
            try WebVHLogWriter.update(
                ended, document: entry.state, parameters: WebVHParameters(),
                versionTime: XSDDateTime(server.clock.now), signer: signer)
        }
        #expect(try await Self.post(server, last, to: did).code == "entry-not-next")
        await server.stopAndRemove()
    }
}
