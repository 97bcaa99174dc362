import Foundation
import MedCredCore
import MedCredCrypto
import MedCredTestSupport
import Synchronization
import Testing

/// A resolver for one `did:web` DID whose document lists `key` under `assertionMethod`, counting calls.
final class WebBoardResolver: DIDResolver {
    static let did = "did:web:board.example"
    let key: Ed25519.PrivateKey
    private let calls = Mutex(0)

    init(key: Ed25519.PrivateKey) { self.key = key }

    var callCount: Int { calls.withLock { $0 } }

    static func methodID() throws -> DIDURL { try DID(parsing: did).url(fragment: "key-1") }

    func resolve(_ did: DID, versionTime: String?) async throws(DIDResolutionError) -> DIDDocument {
        calls.withLock { $0 += 1 }
        guard did.description == Self.did else { throw .notFound(did) }
        do {
            let id = try Self.methodID()
            let method = VerificationMethod(
                id: id, type: "Multikey", controller: did,
                publicKeyMultibase: Multikey(publicKey: key.publicKey).multibase)
            return DIDDocument(id: did, verificationMethod: [method], assertionMethod: [.reference(id)])
        } catch {
            throw .notFound(did)
        }
    }
}

/// DID resolution from the verifier's side: an unsupported method means it cannot answer (a throw), while a
/// DID in the document that cannot be a key is a failed proof (DID Resolution v1.0 "Errors").
@Suite struct VerifierResolutionTests {
    /// The licence, issued by `did:web:board.example` with its `#key-1`.
    static func webSigned() throws -> JSONValue {
        let key = try VerificationParty.issuer.privateKey()
        let signer = Ed25519Signer(privateKey: key, verificationMethod: try WebBoardResolver.methodID().description)
        let credential = try VerificationPatch.setting(
            "/issuer", to: .string(WebBoardResolver.did), in: try VerificationDocuments.completedLicense())
        return try VerificationDocuments.sign(credential, with: signer)
    }

    @Test func didWebWithOnlyDIDKeyResolutionThrowsMethodNotSupported() async throws {
        let verifier = try VerificationDocuments.verifier()
        await #expect(throws: VerificationError.resolution(.methodNotSupported("web"))) {
            try await verifier.verifyCredential(.document(try Self.webSigned()), now: VerificationClock.now)
        }
    }

    @Test func didWebInAJWTKidThrowsMethodNotSupported() async throws {
        let key = try VerificationParty.issuer.privateKey()
        let signer = Ed25519Signer(privateKey: key, verificationMethod: try WebBoardResolver.methodID().description)
        let credential = try VerificationPatch.setting(
            "/issuer", to: .string(WebBoardResolver.did), in: try VerificationDocuments.completedLicense())
        let jws = try JOSE.secure(credential, as: .verifiableCredential, signer: signer)
        let verifier = try VerificationDocuments.verifier()
        await #expect(throws: VerificationError.resolution(.methodNotSupported("web"))) {
            try await verifier.verifyCredential(bytes: Array(jws.utf8), now: VerificationClock.now)
        }
    }

    @Test func didWebInAPresentationProofThrowsMethodNotSupported() async throws {
        let key = try VerificationParty.holder.privateKey()
        let signer = Ed25519Signer(privateKey: key, verificationMethod: "did:web:clinic.example#key-1")
        let presentation = try PresentationVerificationTests.presentation(holder: "did:web:clinic.example")
        let signed = try VerificationDocuments.sign(presentation, with: signer, purpose: "authentication")
        let verifier = try VerificationDocuments.verifier()
        await #expect(throws: VerificationError.resolution(.methodNotSupported("web"))) {
            try await verifier.verifyPresentation(
                .document(signed), challenge: nil, domain: nil, now: VerificationClock.now)
        }
    }

    @Test func aDispatchingResolverVerifiesDIDWebAndDIDKey() async throws {
        let web = WebBoardResolver(key: try VerificationParty.issuer.privateKey())
        let resolver = MethodDispatchingResolver(["key": DIDKeyResolver(), "web": web])
        let verifier = try VerificationDocuments.verifier(resolver: resolver)
        let fromWeb = try await verifier.verifyCredential(.document(try Self.webSigned()), now: VerificationClock.now)
        #expect(fromWeb.verified, "\(fromWeb.errorSummary)")
        #expect(web.callCount == 1)
        let fromKey = try await verifier.verifyCredential(
            .document(try VerificationDocuments.signedLicense()), now: VerificationClock.now)
        #expect(fromKey.verified, "\(fromKey.errorSummary)")
        #expect(web.callCount == 1, "did:key is not sent to the did:web resolver")
    }

    @Test func aDispatchingResolverWithoutTheMethodThrows() async throws {
        let resolver = MethodDispatchingResolver(["key": DIDKeyResolver()])
        await #expect(throws: DIDResolutionError.methodNotSupported("web")) {
            try await resolver.resolve(try DID(parsing: WebBoardResolver.did), versionTime: nil)
        }
        let verifier = try VerificationDocuments.verifier(resolver: resolver)
        await #expect(throws: VerificationError.resolution(.methodNotSupported("web"))) {
            try await verifier.verifyCredential(.document(try Self.webSigned()), now: VerificationClock.now)
        }
    }

    @Test func anEmptyDispatchingResolverSupportsNothing() async throws {
        let resolver = MethodDispatchingResolver([:])
        await #expect(throws: DIDResolutionError.methodNotSupported("key")) {
            try await resolver.resolve(try DID(parsing: try VerificationParty.issuer.did()), versionTime: nil)
        }
    }

    /// A DID that the resolver reports as not found is a failed proof, not a throw.
    @Test func aDIDThatIsNotFoundFailsTheProof() async throws {
        let web = WebBoardResolver(key: try VerificationParty.issuer.privateKey())
        let verifier = try VerificationDocuments.verifier(resolver: MethodDispatchingResolver(["web": web]))
        let signer = Ed25519Signer(
            privateKey: try VerificationParty.issuer.privateKey(), verificationMethod: "did:web:gone.example#key-1")
        let credential = try VerificationPatch.setting(
            "/issuer", to: "did:web:gone.example", in: try VerificationDocuments.completedLicense())
        let result = try await verifier.verifyCredential(
            .document(try VerificationDocuments.sign(credential, with: signer)), now: VerificationClock.now)
        #expect(result.errorSummary == ["proof PROOF_VERIFICATION_ERROR /proof"])
        #expect(result.checkNames == ["parsing", "proof", "dataModel", "validityPeriod", "schema"])
    }

    @Test func didKeyResolverRefusesOtherMethods() async throws {
        for text in ["did:web:board.example", "did:webvh:QmHash:board.example", "did:example:123"] {
            let did = try DID(parsing: text)
            await #expect(throws: DIDResolutionError.methodNotSupported(did.method)) {
                try await DIDKeyResolver().resolve(did, versionTime: nil)
            }
        }
    }

    @Test func didKeyResolverIgnoresVersionTime() async throws {
        let did = try DID(parsing: try VerificationParty.issuer.did())
        let now = try await DIDKeyResolver().resolve(did, versionTime: nil)
        let then = try await DIDKeyResolver().resolve(did, versionTime: "2020-01-01T00:00:00Z")
        #expect(now == then)
        #expect(now.id == did)
    }

    /// did:key values that are not Ed25519 keys MedCred can expand: each is a failed proof, not a throw.
    @Test(arguments: [
        "did:key:z6MkBAD",  // too short to hold a key
        "did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169",  // P-256, not Ed25519
        "did:key:u7QE",  // not base58btc
        "did:key:z6Mk0OIl",  // not base58 at all
    ])
    func aMalformedDIDKeyFailsTheProof(_ did: String) async throws {
        let signer = Ed25519Signer(
            privateKey: try VerificationParty.issuer.privateKey(), verificationMethod: did + "#k")
        let credential = try VerificationPatch.setting(
            "/issuer", to: .string(did), in: try VerificationDocuments.completedLicense())
        let result = try await VerificationDocuments.verifier().verifyCredential(
            .document(try VerificationDocuments.sign(credential, with: signer)), now: VerificationClock.now)
        #expect(!result.verified)
        #expect(result.errorSummary.first == "proof PROOF_VERIFICATION_ERROR /proof", "\(result.errorSummary)")
        #expect(result.errors.first?.problem.detail.contains("does not resolve") == true, "\(result.errorSummary)")
    }

    @Test func aMalformedDIDKeyInAJWTKidFailsTheProof() async throws {
        let kid = "did:key:z6MkBAD#z6MkBAD"
        let credential = try VerificationPatch.setting(
            "/issuer", to: "did:key:z6MkBAD", in: try VerificationDocuments.completedLicense())
        let jws = try JOSE.secure(
            credential, as: .verifiableCredential,
            signer: Ed25519Signer(privateKey: try VerificationParty.issuer.privateKey(), verificationMethod: kid))
        let result = try await VerificationDocuments.verifier().verifyCredential(.jws(jws), now: VerificationClock.now)
        #expect(result.checkNames == ["parsing", "proof"])
        #expect(result.errorSummary == ["proof PROOF_VERIFICATION_ERROR "])
    }

    /// The resolver keeps up to ``DIDKeyResolver/cacheLimit`` documents and empties its cache when full: every
    /// DID still resolves to its own document before, across and after the flush.
    @Test func didKeyResolverAnswersCorrectlyAcrossItsCacheLimit() async throws {
        let resolver = DIDKeyResolver()
        var random = SplitMix64(seed: 0x6361_6368_6501)
        var keys: [DIDKey] = []
        for _ in 0..<(DIDKeyResolver.cacheLimit + 8) {
            keys.append(DIDKey(privateKey: try Ed25519.PrivateKey(seed: random.bytes(count: 32))))
        }
        for round in 0..<2 {
            for key in keys {
                let document = try await resolver.resolve(key.did, versionTime: nil)
                #expect(document == key.document(), "seed \(random.seed) round \(round) \(key.did)")
            }
        }
    }

    @Test func didKeyResolverDoesNotCacheFailures() async throws {
        let resolver = DIDKeyResolver()
        let did = try DID(parsing: "did:key:z6MkBAD")
        for _ in 0..<2 {
            let error = await #expect(throws: DIDResolutionError.self) {
                try await resolver.resolve(did, versionTime: nil)
            }
            guard case .invalidDIDKey = error else {
                Issue.record("\(String(describing: error))")
                continue
            }
        }
    }

    @Test func didKeyResolverCopiesAnswerConcurrently() async throws {
        let resolver = DIDKeyResolver()
        let parties = try VerificationParty.allCases.map { try $0.didKey() }
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<64 {
                let copy = resolver
                let key = parties[index % parties.count]
                group.addTask { try await copy.resolve(key.did, versionTime: nil) == key.document() }
            }
            for try await matched in group { #expect(matched) }
        }
    }
}
