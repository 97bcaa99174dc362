import Foundation
import MedCredCore
import MedCredCrypto
import MedCredLedger
import Testing

/// Fixed keys and a three-entry log (create with pre-rotation, rotate, deactivate) written by MedCred.
enum WebVHSample {
    static func key(_ byte: UInt8) -> Ed25519.PrivateKey {
        // A 32-byte seed always makes a key; the fallback only keeps the compiler content.
        (try? Ed25519.PrivateKey(seed: [UInt8](repeating: 0, count: 31) + [byte])) ?? Ed25519.PrivateKey()
    }
    static let key0 = key(1)
    static let key1 = key(2)
    static let witnessKey = key(16)
    static func multikey(_ key: Ed25519.PrivateKey) -> String { Multikey(publicKey: key.publicKey).multibase }
    static func time(_ text: String) -> XSDDateTime {
        (try? XSDDateTime(parsing: text)) ?? XSDDateTime(secondsSince1970: 0)
    }
    static let now = time("2025-01-01T00:00:00Z")

    static func document(_ id: String, key: Ed25519.PrivateKey) -> JSONObject {
        [
            "@context": .array([
                .string("https://www.w3.org/ns/did/v1"), .string("https://w3id.org/security/multikey/v1"),
            ]),
            "id": .string(id),
            "verificationMethod": .array([
                .object([
                    "id": .string(id + "#key-1"), "type": .string("Multikey"), "controller": .string(id),
                    "publicKeyMultibase": .string(multikey(key)),
                ])
            ]),
            "assertionMethod": .array([.string(id + "#key-1")]),
        ]
    }

    static func created() throws -> WebVHLog {
        try WebVHLogWriter.create(
            document: document("did:webvh:{SCID}:medcred.example:issuers:clinic", key: key0),
            parameters: WebVHParameters(
                updateKeys: [multikey(key0)], nextKeyHashes: [WebVHHash.keyHash(multikey(key1))]),
            versionTime: time("2024-01-01T00:00:00Z"), signer: Ed25519Signer(didKey: key0))
    }

    static func rotated() throws -> WebVHLog {
        let log = try created()
        return try WebVHLogWriter.update(
            log, document: document(log.entries[0].stateID, key: key1),
            parameters: WebVHParameters(updateKeys: [multikey(key1)], nextKeyHashes: []),
            versionTime: time("2024-02-01T00:00:00Z"), signer: Ed25519Signer(didKey: key1))
    }

    static func deactivated() throws -> WebVHLog {
        try WebVHLogWriter.deactivate(
            rotated(), versionTime: time("2024-03-01T00:00:00Z"), signer: Ed25519Signer(didKey: key1))
    }

    /// The log text with entry `index`'s JSON changed by `edit`, the rest untouched.
    static func tampered(_ log: WebVHLog, entry index: Int, _ edit: (inout JSONObject) -> Void) -> String {
        var lines = log.entries.map(\.json)
        edit(&lines[index])
        return lines.map { JSONValue.object($0).serialized() + "\n" }.joined()
    }
}

@Suite struct WebVHLogTests {
    let verifier = WebVHLogVerifier(now: WebVHSample.now)

    @Test func writesAVerifiableLogWithRotationAndDeactivation() throws {
        let log = try WebVHSample.deactivated()
        let verification = verifier.verify(logText: log.text)
        #expect(verification.failure == nil)
        #expect(verification.entries.count == 3)
        #expect(verification.entries.last?.parameters.deactivated == true)
        let did = log.entries[0].stateID
        #expect(did.hasSuffix(":medcred.example:issuers:clinic"))
        let identifier = try WebVHIdentifier(parsing: did)
        #expect(identifier.logURL == "https://medcred.example/issuers/clinic/did.jsonl")
        let first = WebVHResolver.resolve(did + "?versionNumber=1", logText: log.text, now: WebVHSample.now)
        #expect(first.didDocumentMetadata["versionNumber"] == .number(1))
        #expect(first.didDocumentMetadata["deactivated"] == .bool(true))
        let atTime = WebVHResolver.resolve(
            did + "?versionTime=2024-02-15T00:00:00Z", logText: log.text, now: WebVHSample.now)
        #expect(atTime.didDocumentMetadata["versionNumber"] == .number(2))
        let before = WebVHResolver.resolve(
            did + "?versionTime=2023-12-31T00:00:00Z", logText: log.text, now: WebVHSample.now)
        #expect(before.errorCode == "notFound")
    }

    @Test func resolverServesTheKeyInForceAtAnInstant() async throws {
        let log = try WebVHSample.rotated()
        let did = try DID(parsing: log.entries[0].stateID)
        let resolver = WebVHLogResolver(logs: [did.description: WebVHLogFiles(log: log.text)]) {
            Date(timeIntervalSince1970: 1_735_689_600)
        }
        let old = try await resolver.resolve(did, versionTime: "2024-01-15T00:00:00Z")
        let new = try await resolver.resolve(did, versionTime: nil)
        #expect(
            old.verificationMethod.first?.json["publicKeyMultibase"] == .string(WebVHSample.multikey(WebVHSample.key0)))
        #expect(
            new.verificationMethod.first?.json["publicKeyMultibase"] == .string(WebVHSample.multikey(WebVHSample.key1)))
        await #expect(throws: DIDResolutionError.notFound(try DID(parsing: "did:webvh:QmUnknown:x.example"))) {
            _ = try await resolver.resolve(try DID(parsing: "did:webvh:QmUnknown:x.example"), versionTime: nil)
        }
    }

    @Test func writerRefusesARotationThatBreaksPreRotation() throws {
        let log = try WebVHSample.created()
        let stranger = WebVHSample.key(3)
        #expect(throws: WebVHError.preRotationKeyNotCommitted(entry: 2, key: WebVHSample.multikey(stranger))) {
            _ = try WebVHLogWriter.update(
                log, document: log.entries[0].state,
                parameters: WebVHParameters(updateKeys: [WebVHSample.multikey(stranger)], nextKeyHashes: []),
                versionTime: WebVHSample.time("2024-02-01T00:00:00Z"), signer: Ed25519Signer(didKey: stranger))
        }
    }

    @Test func rejectsATamperedState() throws {
        let text = WebVHSample.tampered(try WebVHSample.rotated(), entry: 1) {
            $0["state"] = .object(["id": $0["state"]?["id"] ?? .null])
        }
        guard case .entryHashMismatch(entry: 2, _, _)? = verifier.verify(logText: text).failure else {
            Issue.record(
                "want entryHashMismatch(entry: 2), got \(String(describing: verifier.verify(logText: text).failure))")
            return
        }
    }

    @Test func rejectsAWrongEntryHash() throws {
        let log = try WebVHSample.rotated()
        let text = WebVHSample.tampered(log, entry: 1) { $0["versionId"] = .string("2-" + log.entries[0].entryHash) }
        #expect(verifier.verify(logText: text).failure?.entry == 2)
        #expect(verifier.verify(logText: text).entries.count == 1)
    }

    @Test func rejectsAnUnauthorizedKey() throws {
        // Entry 2 signed by key0 although pre-rotation commits the next keys to key1.
        let log = try WebVHSample.created()
        let entry = try WebVHSample.rotated().entries[1]
        var object = entry.json
        object["proof"] = nil
        let resigned = try DataIntegrity.addProof(
            to: .object(object), options: ProofOptions(created: entry.versionInstant),
            signer: Ed25519Signer(didKey: WebVHSample.key0))
        let text = log.text + resigned.serialized() + "\n"
        #expect(
            verifier.verify(logText: text).failure == .unauthorizedKey(entry: 2, WebVHSample.multikey(WebVHSample.key0))
        )
        #expect(verifier.verify(logText: text).failure?.resolutionErrorCode == "invalidProof")
    }

    @Test func rejectsABrokenPreRotation() throws {
        let log = try WebVHSample.rotated()
        let text = WebVHSample.tampered(log, entry: 1) { entry in
            var parameters = entry["parameters"]?.objectValue ?? [:]
            parameters["updateKeys"] = nil
            entry["parameters"] = .object(parameters)
        }
        #expect(verifier.verify(logText: text).failure == .preRotationParameterMissing(entry: 2, name: "updateKeys"))
    }

    @Test func rejectsAFutureVersionTime() throws {
        let early = WebVHLogVerifier(now: WebVHSample.time("2024-01-15T00:00:00Z"))
        let failure = early.verify(logText: try WebVHSample.rotated().text).failure
        #expect(
            failure == .versionTimeInFuture(entry: 2, versionTime: "2024-02-01T00:00:00Z", now: "2024-01-15T00:00:00Z"))
    }

    @Test func rejectsANonMonotonicVersionTime() throws {
        let log = try WebVHSample.created()
        #expect(
            throws: WebVHError.versionTimeNotIncreasing(
                entry: 2, previous: "2024-01-01T00:00:00Z", actual: "2024-01-01T00:00:00Z")
        ) {
            _ = try WebVHLogWriter.update(
                log, document: log.entries[0].state,
                parameters: WebVHParameters(updateKeys: [WebVHSample.multikey(WebVHSample.key1)], nextKeyHashes: []),
                versionTime: WebVHSample.time("2024-01-01T00:00:00Z"), signer: Ed25519Signer(didKey: WebVHSample.key1))
        }
    }

    @Test func rejectsATruncatedLineButKeepsTheValidPrefix() throws {
        let text = try WebVHSample.rotated().text
        let truncated = String(text.dropLast(40))
        let verification = verifier.verify(logText: truncated)
        guard case .invalidJSON(entry: 2, _)? = verification.failure else {
            Issue.record("want invalidJSON(entry: 2), got \(String(describing: verification.failure))")
            return
        }
        #expect(verification.entries.count == 1)
    }

    @Test func rejectsDuplicateJSONMembers() throws {
        let line = try WebVHSample.created().entries[0].line
        let duplicated = "{\"versionId\":\"1-x\"," + line.dropFirst()
        guard case .invalidJSON(entry: 1, _)? = verifier.verify(logText: duplicated).failure else {
            Issue.record("want invalidJSON(entry: 1)")
            return
        }
    }

    @Test func rejectsAnEntryAfterDeactivation() throws {
        let log = try WebVHSample.deactivated()
        #expect(throws: WebVHError.entryAfterDeactivation(entry: 4)) {
            _ = try WebVHLogWriter.update(
                log, document: log.entries[2].state, parameters: WebVHParameters(),
                versionTime: WebVHSample.time("2024-04-01T00:00:00Z"), signer: Ed25519Signer(didKey: WebVHSample.key1))
        }
    }

    @Test func rejectsAMoveOfANonPortableDID() throws {
        let log = try WebVHSample.rotated()
        let text = WebVHSample.tampered(log, entry: 1) { entry in
            let moved = log.entries[1].stateID.replacingOccurrences(of: "medcred.example", with: "evil.example")
            entry["state"] = .object(WebVHSample.document(moved, key: WebVHSample.key1))
        }
        // The hash check fails first, since the tampered entry was not re-hashed.
        #expect(verifier.verify(logText: text).failure?.entry == 2)
    }

    @Test func witnessesApproveEntries() throws {
        let witnessDID = DIDKey(privateKey: WebVHSample.witnessKey).did.description
        let rule = try WebVHWitnessConfig(threshold: 1, witnesses: [witnessDID])
        let log = try WebVHLogWriter.create(
            document: WebVHSample.document("did:webvh:{SCID}:medcred.example", key: WebVHSample.key0),
            parameters: WebVHParameters(updateKeys: [WebVHSample.multikey(WebVHSample.key0)], witness: rule),
            versionTime: WebVHSample.time("2024-01-01T00:00:00Z"), signer: Ed25519Signer(didKey: WebVHSample.key0))
        #expect(verifier.verify(log).failure == .witnessThresholdNotMet(entry: 1, threshold: 1, approvals: 0))
        let proof = try WebVHLogWriter.witnessProof(
            versionId: log.entries[0].versionId, signer: Ed25519Signer(didKey: WebVHSample.witnessKey),
            created: WebVHSample.time("2024-01-01T00:00:00Z"))
        let file = WebVHWitnessFile(records: [.init(versionId: log.entries[0].versionId, proofs: [proof])])
        #expect(verifier.verify(log, witnesses: file).isValid)
        #expect(throws: WebVHError.self) {
            _ = try WebVHWitnessConfig(threshold: 2, witnesses: [witnessDID, witnessDID])
        }
        #expect(throws: WebVHError.self) { _ = try WebVHWitnessConfig(threshold: 0, witnesses: [witnessDID]) }
    }
}

@Suite struct WebVHIdentifierTests {
    static let scid = "QmdmPkUdYzbr9txmx8gM2rsHPgr5L6m3gHjJGAf4vUFoGE"

    @Test(arguments: [
        ("example.com", "https://example.com/.well-known/did.jsonl"),
        ("issuer.example.com", "https://issuer.example.com/.well-known/did.jsonl"),
        ("example.com:dids:issuer", "https://example.com/dids/issuer/did.jsonl"),
        ("example.com%3A3000:dids:issuer", "https://example.com:3000/dids/issuer/did.jsonl"),
        ("example.com%3a3000", "https://example.com:3000/.well-known/did.jsonl"),
        ("example.com:a%20b", "https://example.com/a%20b/did.jsonl"),
    ])
    func mapsToHTTPS(_ location: String, _ url: String) throws {
        #expect(try WebVHIdentifier(parsing: "did:webvh:\(Self.scid):\(location)").logURL == url)
    }

    @Test(arguments: [
        "127.0.0.1", "127%2E0%2E0%2E1", "127%2e0%2e0%2e1", "169%2E254%2E169%2E254", "127.0.0.1%3a8080",
        "example.com:..:..:admin", "example.com:%2E%2E:admin", "example.com:%2e%2e:admin", "example.com:a%2Fb",
        "example.com:a%5Cb", "example.com:%00", "example.com:%20a", "localhost", "example.com%3A0",
        "example.com%3A65536",
        "example.com%3A80%3A81", "exa_mple.com", "example.com:", "example..com", "-a.example.com", "example.com%ZZ",
        "example.com/path", "example.com?versionId=1", "example.com#frag", "0x7f.0x1",
    ])
    func rejectsUnsafeLocations(_ location: String) {
        #expect(throws: WebVHError.self) { try WebVHIdentifier(parsing: "did:webvh:\(Self.scid):\(location)") }
    }

    @Test func rejectsBadSCIDs() {
        for scid in ["{SCID}", "Qm0000000000000000000000000000000000000000000000", "short"] {
            #expect(throws: WebVHError.self) { try WebVHIdentifier(parsing: "did:webvh:\(scid):example.com") }
        }
    }
}

/// Writes MedCred logs for `tools/interop/check_webvh.py` (runs only when `MEDCRED_WEBVH_OUT` names a folder).
@Suite struct WebVHInteropOutput {
    static let folder = ProcessInfo.processInfo.environment["MEDCRED_WEBVH_OUT"] ?? ""

    @Test(.enabled(if: !folder.isEmpty)) func writesSampleLogs() throws {
        let witnessDID = DIDKey(privateKey: WebVHSample.witnessKey).did.description
        let witnessed = try WebVHLogWriter.create(
            document: WebVHSample.document("did:webvh:{SCID}:medcred.example:witnessed", key: WebVHSample.key0),
            parameters: WebVHParameters(
                updateKeys: [WebVHSample.multikey(WebVHSample.key0)],
                witness: try WebVHWitnessConfig(threshold: 1, witnesses: [witnessDID])),
            versionTime: WebVHSample.time("2024-01-01T00:00:00Z"), signer: Ed25519Signer(didKey: WebVHSample.key0))
        let proof = try WebVHLogWriter.witnessProof(
            versionId: witnessed.entries[0].versionId, signer: Ed25519Signer(didKey: WebVHSample.witnessKey),
            created: WebVHSample.time("2024-01-01T00:00:00Z"))
        let witnessFile = WebVHWitnessFile(records: [.init(versionId: witnessed.entries[0].versionId, proofs: [proof])])
        let samples: [(String, WebVHLog, String?)] = [
            ("created", try WebVHSample.created(), nil), ("rotated", try WebVHSample.rotated(), nil),
            ("deactivated", try WebVHSample.deactivated(), nil),
            ("witnessed", witnessed, witnessFile.json.serialized()),
        ]
        for (name, log, witness) in samples {
            let directory = URL(fileURLWithPath: Self.folder).appendingPathComponent(name)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(log.text.utf8).write(to: directory.appendingPathComponent("did.jsonl"))
            if let witness { try Data(witness.utf8).write(to: directory.appendingPathComponent("did-witness.json")) }
        }
    }
}
