import Foundation
import MedCredCore
import MedCredCrypto
import MedCredService
import Synchronization
import Testing

/// did:web resolution (W3C did:web Method Specification §3.2): the DID → URL mapping, the fetched document's
/// checks, and rejection of malformed did:web DIDs, with documents served from memory.
@Suite struct DIDWebResolverTests {
    /// Serves documents by URL and records what was asked for.
    final class Documents: DIDWebDocumentFetcher {
        struct Missing: Error {}
        private let table: [String: [UInt8]]
        private let asked = Mutex<[String]>([])
        init(_ table: [String: [UInt8]]) { self.table = table }
        var requested: [String] { asked.withLock { $0 } }
        func fetch(url: String) async throws -> [UInt8] {
            asked.withLock { $0.append(url) }
            guard let body = table[url] else { throw Missing() }
            return body
        }
    }

    static func url(_ did: String) throws -> String {
        try DIDWebResolver.documentURL(for: try DID(parsing: did))
    }

    @Test(arguments: [
        ("did:web:example.com", "https://example.com/.well-known/did.json"),
        ("did:web:w3c-ccg.github.io:user:alice", "https://w3c-ccg.github.io/user/alice/did.json"),
        ("did:web:example.com%3A3000", "https://example.com:3000/.well-known/did.json"),
        ("did:web:example.com%3a8443:boards:ca", "https://example.com:8443/boards/ca/did.json"),
        ("did:web:Board.Example", "https://board.example/.well-known/did.json"),
    ])
    func mapsTheDIDToItsDocumentURL(_ did: String, _ expected: String) throws {
        #expect(try Self.url(did) == expected)
    }

    @Test(arguments: [
        ("did:web:example.com::user", DIDWebError.emptySegment(index: 1)),
        ("did:web:exa_mple.com", .invalidHost("exa_mple.com")),
        ("did:web:-example.com", .invalidHost("-example.com")),
        ("did:web:example..com", .invalidHost("example..com")),
        ("did:web:example.com%3A", .invalidPort("")),
        ("did:web:example.com%3A99999", .invalidPort("99999")),
        ("did:web:example.com%3Aabc", .invalidPort("abc")),
        ("did:web:example.com%2Fevil", .invalidHost("example.com%2fevil")),
        ("did:web:example.com:..:secret", .invalidPathSegment("..")),
        ("did:web:example.com:a%2Fb", .invalidPathSegment("a%2Fb")),
        ("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", .notDIDWeb(method: "key")),
    ])
    func rejectsMalformedDIDWeb(_ did: String, _ expected: DIDWebError) throws {
        #expect(throws: expected) { try DIDWebResolver.documentURL(for: try DID(parsing: did)) }
    }

    static func document(for did: String) throws -> [UInt8] {
        let key = try Ed25519.PrivateKey(seed: [UInt8](repeating: 0x51, count: 32))
        let multikey = DIDKey(privateKey: key).did.methodSpecificID
        let json: JSONValue = [
            "@context": ["https://www.w3.org/ns/did/v1"], "id": .string(did),
            "verificationMethod": [
                [
                    "id": .string(did + "#key-1"), "type": "Multikey", "controller": .string(did),
                    "publicKeyMultibase": .string(multikey),
                ]
            ],
            "assertionMethod": [.string(did + "#key-1")],
        ]
        return json.utf8Bytes
    }

    @Test func resolvesTheFetchedDocument() async throws {
        let did = "did:web:board.example%3A8443:ca"
        let fetcher = Documents(["https://board.example:8443/ca/did.json": try Self.document(for: did)])
        let document = try await DIDWebResolver(fetcher: fetcher).resolve(try DID(parsing: did), versionTime: nil)
        #expect(document.id.description == did)
        #expect(fetcher.requested == ["https://board.example:8443/ca/did.json"])
    }

    @Test func refusesADocumentForAnotherDID() async throws {
        let fetcher = Documents([
            "https://board.example/.well-known/did.json": try Self.document(for: "did:web:attacker.example")
        ])
        let resolver = DIDWebResolver(fetcher: fetcher)
        await #expect(throws: DIDResolutionError.self) {
            _ = try await resolver.resolve(try DID(parsing: "did:web:board.example"), versionTime: nil)
        }
    }

    @Test func anUnreachableOrNonJSONDocumentIsNotFound() async throws {
        let did = try DID(parsing: "did:web:board.example")
        let missing = DIDWebResolver(fetcher: Documents([:]))
        await #expect(throws: DIDResolutionError.notFound(did)) { _ = try await missing.resolve(did, versionTime: nil) }
        let garbage = DIDWebResolver(
            fetcher: Documents(["https://board.example/.well-known/did.json": Array("<html>".utf8)]))
        await #expect(throws: DIDResolutionError.notFound(did)) { _ = try await garbage.resolve(did, versionTime: nil) }
    }

    @Test func otherMethodsAndMalformedDIDsAreRefusedWithoutFetching() async throws {
        let fetcher = Documents([:])
        let resolver = DIDWebResolver(fetcher: fetcher)
        await #expect(throws: DIDResolutionError.methodNotSupported("key")) {
            _ = try await resolver.resolve(
                try DID(parsing: "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"), versionTime: nil)
        }
        await #expect(throws: DIDResolutionError.self) {
            _ = try await resolver.resolve(try DID(parsing: "did:web:example.com%3A0"), versionTime: nil)
        }
        #expect(fetcher.requested.isEmpty)
    }
}
