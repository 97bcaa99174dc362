import Foundation
import MedCredStore
import Testing

/// The audit store appends rows only in sequence, in one transaction per batch, and records anchors.
@Suite struct AuditStoreTests {
    private static func record(_ sequence: UInt64) -> AuditRecord {
        AuditRecord(
            sequence: sequence, time: "2025-01-01T00:00:00Z", action: "credential.issued", actor: "tok\(sequence)",
            subject: sequence.isMultiple(of: 2) ? nil : "urn:uuid:\(sequence)", details: #"{"n":"\#(sequence)"}"#,
            previousHash: "p\(sequence)", hash: "h\(sequence)")
    }

    @Test func appendsInSequenceAndResumesFromTheHead() async throws {
        let directory = try TemporaryLedger()
        let path = directory.directory.appendingPathComponent("audit.sqlite").path
        let store = try AuditStore(path: path)
        #expect(try store.head() == nil)
        try await store.append((1...3).map(Self.record))
        try await store.append([Self.record(4)])
        try await store.setLedgerIndex(9, sequence: 3)
        try store.close()

        let reopened = try AuditStore(path: path)
        #expect(try reopened.head() == Self.record(4))
        #expect(try reopened.latestAnchored()?.sequence == 3)
        #expect(try reopened.latestAnchored()?.ledgerIndex == 9)
        #expect(try await reopened.records(after: 1, limit: 2).map(\.sequence) == [2, 3])
        #expect(try await reopened.records(after: 4, limit: 10).isEmpty)
    }

    @Test func refusesABatchThatDoesNotFollowTheHead() async throws {
        let directory = try TemporaryLedger()
        let store = try AuditStore(path: directory.directory.appendingPathComponent("audit.sqlite").path)
        try await store.append([Self.record(1)])
        await #expect(throws: AuditStoreError.sequenceOutOfOrder(expected: 2, actual: 3)) {
            try await store.append([Self.record(3)])
        }
        // A batch with a repeated sequence fails as a whole: nothing of it is kept.
        await #expect(throws: StoreError.self) { try await store.append([Self.record(2), Self.record(2)]) }
        #expect(try store.head()?.sequence == 1)
        await #expect(throws: AuditStoreError.entryMissing(sequence: 5)) {
            try await store.setLedgerIndex(0, sequence: 5)
        }
    }

    @Test func aThousandRowBatchIsOneTransaction() async throws {
        let directory = try TemporaryLedger()
        let store = try AuditStore(path: directory.directory.appendingPathComponent("audit.sqlite").path)
        var batch = (1...1000).map(Self.record)
        try await store.append(batch)
        batch = (1001...2000).map(Self.record) + [Self.record(1500)]
        await #expect(throws: StoreError.self) { try await store.append(batch) }
        #expect(try store.head()?.sequence == 1000)
    }
}
