import Foundation
import MedCredCore
import MedCredLedger
import MedCredService
import MedCredStore
import Testing

/// Every did:webvh entry MedCred writes is anchored; resolution carries an offline tlog-proof (issue #4).
@Suite struct AnchoredDIDRegistryTests {
    @Test func anchorsCreateRotateAndDeactivateWithVerifyingProofs() async throws {
        let fixture = try AnchoringFixture()
        let log = try AnchoringSample.deactivated()
        let records = try await fixture.host(log)
        #expect(records.map(\.ledgerIndex) == [0, 1, 2])
        let did = try DID(parsing: log.entries[0].stateID)
        #expect(try await fixture.registry.logText(for: did) == log.text)
        for (number, entry) in log.entries.enumerated() {
            let result = try await fixture.registry.resolveWithMetadata(did, versionNumber: number + 1)
            #expect(result.error == nil, "version \(number + 1)")
            #expect(result.didDocumentMetadata["versionId"] == .string(entry.versionId))
            let anchor = try #require(result.didDocumentMetadata["anchor"])
            #expect(anchor["verified"] == .bool(true))
            #expect(anchor["ledgerIndex"] == .number(Double(number)))
            #expect(anchor["checkpointSize"] == .number(3))
            let proof = try TlogProof(parsing: try #require(anchor["proof"]?.stringValue))
            #expect(proof.index == UInt64(number))
            let check = proof.verify(
                entry: JSONValue.object(entry.json).jcsBytes, logKey: fixture.ledger.verifierKey, witnesses: [],
                threshold: 0)
            #expect(check.isVerified, "version \(number + 1): \(check.failures)")
            let bundle = try await fixture.registry.proofBundle(for: did, versionId: entry.versionId)
            #expect(bundle == anchor["proof"]?.stringValue)
        }
        let latest = try await fixture.registry.resolveWithMetadata(did)
        #expect(latest.didDocumentMetadata["deactivated"] == .bool(true))
        #expect(try await fixture.registry.proofBundle(for: did, versionId: "9-unknown") == nil)
    }

    @Test func resolvesTheKeyInForceAtAnInstantWithItsAnchor() async throws {
        let fixture = try AnchoringFixture()
        let log = try AnchoringSample.rotated()
        try await fixture.host(log)
        let did = try DID(parsing: log.entries[0].stateID)
        let old = try await fixture.registry.resolveWithMetadata(did, versionTime: "2024-01-15T00:00:00Z")
        #expect(old.didDocumentMetadata["versionNumber"] == .number(1))
        #expect(old.didDocumentMetadata["anchor"]?["ledgerIndex"] == .number(0))
        let document = try await fixture.registry.resolve(did, versionTime: nil)
        #expect(
            document.verificationMethod.first?.json["publicKeyMultibase"]
                == .string(AnchoringSample.multikey(AnchoringSample.key1)))
    }

    @Test func keepsASignedCheckpointPerBatchWithConsistentHistory() async throws {
        let fixture = try AnchoringFixture()
        try await fixture.host(try AnchoringSample.deactivated())
        let history = try await fixture.ledger.checkpoints()
        #expect(history.map(\.size) == [1, 2, 3])
        var previous: Checkpoint?
        for record in history {
            let note = try SignedNote(parsing: try #require(record.signedNote))
            #expect(note.verify(with: [fixture.ledger.verifierKey]).isVerified, "size \(record.size)")
            let checkpoint = try Checkpoint(parsing: note.text, expectedOrigin: AnchoringSample.origin)
            #expect(checkpoint.rootHash == record.root)
            if let previous {
                let proof = try await fixture.ledger.consistencyProof(from: previous.treeSize, to: checkpoint.treeSize)
                try proof.verify(oldRoot: previous.rootHash, newRoot: checkpoint.rootHash)
            }
            previous = checkpoint
        }
    }

    @Test func refusesALogThatFailsVerificationAndAnchorsNothing() async throws {
        let fixture = try AnchoringFixture()
        let log = try AnchoringSample.rotated()
        try await fixture.registry.create(log.entries[0])
        let did = try DID(parsing: log.entries[0].stateID)
        var object = log.entries[1].json
        object["state"] = .object(["id": .string(did.description)])
        let tampered = try WebVHLogEntry(json: .object(object), entry: 2)
        do {
            _ = try await fixture.registry.append(tampered, to: did)
            Issue.record("a tampered entry was accepted")
        } catch AnchoringError.logRejected(.entryHashMismatch(entry: 2, _, _)) {}
        await #expect(throws: AnchoringError.entryNotNext(expectedVersionNumber: 2, actual: 1)) {
            _ = try await fixture.registry.append(log.entries[0], to: did)
        }
        await #expect(throws: AnchoringError.didAlreadyHosted(scid: try AnchoredDIDRegistryTests.scid(of: log))) {
            _ = try await fixture.registry.create(log.entries[0])
        }
        await #expect(throws: AnchoringError.entryNotNext(expectedVersionNumber: 1, actual: 2)) {
            _ = try await fixture.registry.create(log.entries[1])
        }
        #expect(try await fixture.ledger.store.size() == 1)
        #expect(try await fixture.logs.records(scid: try Self.scid(of: log)).count == 1)
    }

    @Test func refusesAnEntryForADIDItDoesNotHost() async throws {
        let fixture = try AnchoringFixture()
        let log = try AnchoringSample.rotated()
        await #expect(throws: AnchoringError.didNotHosted(scid: try Self.scid(of: log))) {
            _ = try await fixture.registry.append(log.entries[1], to: try DID(parsing: log.entries[0].stateID))
        }
        #expect(try await fixture.ledger.store.size() == 0)
    }

    @Test func reopeningKeepsLogsAnchorsAndCheckpoints() async throws {
        let fixture = try AnchoringFixture()
        let log = try AnchoringSample.deactivated()
        try await fixture.host(log)
        try fixture.reopen()
        let did = try DID(parsing: log.entries[0].stateID)
        #expect(try await fixture.registry.logText(for: did) == log.text)
        #expect(try await fixture.ledger.checkpoints().map(\.size) == [1, 2, 3])
        let result = try await fixture.registry.resolveWithMetadata(did, versionNumber: 2)
        #expect(result.didDocumentMetadata["anchor"]?["verified"] == .bool(true))
    }

    @Test func reusesTheLeafOfAnEntryAnchoredBeforeACrash() async throws {
        let fixture = try AnchoringFixture()
        let log = try AnchoringSample.created()
        // The ledger append was durable but the line was never stored.
        _ = try await fixture.ledger.append(JSONValue.object(log.entries[0].json).jcsBytes)
        let record = try await fixture.registry.create(log.entries[0])
        #expect(record.ledgerIndex == 0)
        #expect(try await fixture.ledger.store.size() == 1)
    }

    static func scid(of log: WebVHLog) throws -> String {
        try WebVHIdentifier(parsing: log.entries[0].stateID).scid
    }
}
