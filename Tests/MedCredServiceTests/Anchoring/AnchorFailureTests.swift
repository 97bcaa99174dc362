import Foundation
import MedCredCore
import MedCredLedger
import MedCredService
import MedCredStore
import Testing

/// A stored line that differs from its leaf, a leaf missing from the ledger, and a log never anchored are
/// flagged, and fail resolution under the `require` policy.
@Suite struct AnchorFailureTests {
    @Test func flagsAValidlySignedLineThatDiffersFromItsLeaf() async throws {
        let fixture = try AnchoringFixture()
        let log = try AnchoringSample.rotated()
        try await fixture.host(log)
        // The host rewrites history with another entry 2 its controller signed: did:webvh alone accepts it.
        let fork = try AnchoringSample.rotated(note: "elsewhere").entries[1]
        #expect(fork.versionId != log.entries[1].versionId)
        let scid = try AnchoredDIDRegistryTests.scid(of: log)
        try fixture.reopen {
            try DIDLogStore.executeRawSQLForTesting(
                path: fixture.logsPath,
                sql: """
                    UPDATE did_log_entry SET line = \(sqlQuoted(fork.line)), version_id = \(sqlQuoted(fork.versionId))
                    WHERE scid = \(sqlQuoted(scid)) AND version_number = 2
                    """)
        }
        let did = try DID(parsing: log.entries[0].stateID)
        let reported = try await fixture.registry.resolveWithMetadata(did)
        #expect(reported.error == nil)
        let anchor = try #require(reported.didDocumentMetadata["anchor"])
        #expect(anchor["verified"] == .bool(false))
        #expect(anchor["error"] == .string("entry 2: leafMismatch(index: 1)"))
        let required = try await fixture.registry.resolveWithMetadata(did, policy: .require)
        #expect(required.error == .notFound(did))
        #expect(required.didResolutionMetadata["anchor"] == anchor)
        // Version 1 is untouched and still anchored.
        let first = try await fixture.registry.resolveWithMetadata(did, versionNumber: 1, policy: .require)
        #expect(first.didDocumentMetadata["anchor"]?["verified"] == .bool(true))
        await #expect(throws: AnchoringError.leafMismatch(index: 1)) {
            _ = try await fixture.registry.proofBundle(for: did, versionId: fork.versionId)
        }
    }

    @Test func flagsABrokenLineThroughDIDWebVHAndKeepsEarlierAnchors() async throws {
        let fixture = try AnchoringFixture()
        let log = try AnchoringSample.rotated()
        try await fixture.host(log)
        let scid = try AnchoredDIDRegistryTests.scid(of: log)
        try fixture.reopen {
            try DIDLogStore.executeRawSQLForTesting(
                path: fixture.logsPath,
                sql: "UPDATE did_log_entry SET line = replace(line, 'clinic.example', 'clinic.evil') "
                    + "WHERE scid = \(sqlQuoted(scid)) AND version_number = 2")
        }
        let did = try DID(parsing: log.entries[0].stateID)
        let latest = try await fixture.registry.resolveWithMetadata(did)
        #expect(latest.error == .notFound(did))
        #expect(latest.didResolutionMetadata["webvhError"] == .string("invalidDid"))
        let first = try await fixture.registry.resolveWithMetadata(did, versionNumber: 1)
        #expect(first.didDocumentMetadata["anchor"]?["verified"] == .bool(true))
    }

    @Test func flagsAnEntryWhoseLeafWasDeletedFromTheLedger() async throws {
        let fixture = try AnchoringFixture()
        let log = try AnchoringSample.deactivated()
        try await fixture.host(log)
        // Truncate the ledger to two leaves, as a restore from an older backup would: the store still opens.
        try fixture.reopen {
            try LedgerStore.executeRawSQLForTesting(
                path: fixture.ledgerPath,
                sql: """
                    DELETE FROM leaf WHERE "index" >= 2;
                    DELETE FROM node WHERE ((idx + 1) << level) > 2;
                    DELETE FROM checkpoint WHERE size > 2;
                    """)
        }
        #expect(try await fixture.ledger.store.size() == 2)
        let did = try DID(parsing: log.entries[0].stateID)
        let latest = try await fixture.registry.resolveWithMetadata(did)
        #expect(latest.didDocumentMetadata["anchor"]?["verified"] == .bool(false))
        #expect(latest.didDocumentMetadata["anchor"]?["error"] == .string("entry 3: leafMissing(index: 2, size: 2)"))
        let earlier = try await fixture.registry.resolveWithMetadata(did, versionNumber: 2)
        #expect(earlier.didDocumentMetadata["anchor"]?["verified"] == .bool(true))
        #expect(earlier.didDocumentMetadata["anchor"]?["checkpointSize"] == .number(2))
    }

    @Test func requirePolicyRejectsADIDThatWasNeverAnchored() async throws {
        let fixture = try AnchoringFixture()
        let log = try AnchoringSample.rotated()
        let scid = try AnchoredDIDRegistryTests.scid(of: log)
        for entry in log.entries {
            try await fixture.logs.append(
                DIDLogRecord(
                    scid: scid, versionNumber: entry.versionNumber, versionId: entry.versionId, line: entry.line,
                    ledgerIndex: nil),
                witnessText: nil)
        }
        let did = try DID(parsing: log.entries[0].stateID)
        let reported = try await fixture.registry.resolveWithMetadata(did)
        #expect(reported.error == nil)
        #expect(
            reported.didDocumentMetadata["anchor"]
                == .object([
                    "verified": .bool(false),
                    "error": .string("entry 1: notAnchored(versionId: \"\(log.entries[0].versionId)\")"),
                ]))
        let lenient = AnchoredDIDResolver(registry: fixture.registry, policy: .report)
        _ = try await lenient.resolve(did, versionTime: nil)
        let strict = AnchoredDIDResolver(registry: fixture.registry, policy: .require)
        await #expect(throws: DIDResolutionError.notFound(did)) {
            _ = try await strict.resolve(did, versionTime: nil)
        }
        await #expect(throws: AnchoringError.notAnchored(versionId: log.entries[1].versionId)) {
            _ = try await fixture.registry.proofBundle(for: did, versionId: log.entries[1].versionId)
        }
    }

    @Test func unknownAndForeignDIDsAreNotFound() async throws {
        let fixture = try AnchoringFixture()
        let unknown = try DID(parsing: "did:webvh:QmUnknownSCID00000000000000000000000000000000:x.example")
        #expect(try await fixture.registry.resolveWithMetadata(unknown).error == .notFound(unknown))
        #expect(try await fixture.registry.logText(for: unknown) == nil)
        let key = try DID(parsing: "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")
        #expect(try await fixture.registry.resolveWithMetadata(key).error == .methodNotSupported("key"))
    }
}
