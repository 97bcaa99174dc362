import Foundation
import MedCredStore
import Testing

/// The DID log store keeps each hosted DID's lines in sequence with their ledger indices, durably.
@Suite struct DIDLogStoreTests {
    private static func record(_ number: Int, scid: String = "QmSCID", index: UInt64? = nil) -> DIDLogRecord {
        DIDLogRecord(
            scid: scid, versionNumber: number, versionId: "\(number)-hash\(number)", line: #"{"n":\#(number)}"#,
            ledgerIndex: index ?? UInt64(number - 1))
    }

    @Test func keepsLinesInOrderWithTheirIndicesAcrossReopening() async throws {
        let directory = try TemporaryLedger()
        let path = directory.directory.appendingPathComponent("dids.sqlite").path
        let store = try DIDLogStore(path: path)
        try await store.append(Self.record(1), witnessText: nil)
        try await store.append(Self.record(2, index: 7), witnessText: "[]")
        try await store.append(Self.record(1, scid: "QmOther"), witnessText: nil)
        try store.close()
        let reopened = try DIDLogStore(path: path)
        #expect(try await reopened.records(scid: "QmSCID") == [Self.record(1), Self.record(2, index: 7)])
        #expect(try await reopened.records(scid: "QmOther") == [Self.record(1, scid: "QmOther")])
        #expect(try await reopened.records(scid: "QmNone").isEmpty)
        #expect(try await reopened.witnessText(scid: "QmSCID") == "[]")
        #expect(try await reopened.witnessText(scid: "QmOther") == nil)
    }

    @Test func refusesAVersionOutOfSequence() async throws {
        let directory = try TemporaryLedger()
        let store = try DIDLogStore(path: directory.directory.appendingPathComponent("dids.sqlite").path)
        await #expect(throws: DIDLogStoreError.versionOutOfSequence(scid: "QmSCID", expected: 1, actual: 2)) {
            try await store.append(Self.record(2), witnessText: nil)
        }
        try await store.append(Self.record(1), witnessText: nil)
        await #expect(throws: DIDLogStoreError.versionOutOfSequence(scid: "QmSCID", expected: 2, actual: 1)) {
            try await store.append(Self.record(1), witnessText: nil)
        }
        #expect(try await store.records(scid: "QmSCID").count == 1)
    }

    @Test func keepsAnUnanchoredLineAndReplacesTheWitnessFile() async throws {
        let directory = try TemporaryLedger()
        let store = try DIDLogStore(path: directory.directory.appendingPathComponent("dids.sqlite").path)
        try await store.append(
            DIDLogRecord(scid: "Qm", versionNumber: 1, versionId: "1-a", line: "{}", ledgerIndex: nil),
            witnessText: "[1]")
        try await store.append(Self.record(2, scid: "Qm"), witnessText: "[2]")
        #expect(try await store.records(scid: "Qm").first?.ledgerIndex == nil)
        #expect(try await store.witnessText(scid: "Qm") == "[2]")
    }

    @Test func writesDurably() async throws {
        let directory = try TemporaryLedger()
        let store = try DIDLogStore(path: directory.directory.appendingPathComponent("dids.sqlite").path)
        let durability = try await store.writerDurabilityForTesting()
        #expect(durability.journalMode == "wal")
        #expect(durability.synchronous == 2)
    }
}
