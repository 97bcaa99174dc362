import Foundation
import MedCredLedger
import MedCredStore
import Testing

/// The witness's durable state in real SQLite: reads, compare-and-set, reopening and damaged rows.
@Suite struct WitnessStateStoreTests {
    private let folder: TemporaryWitnessDirectory
    private let records: WitnessRecords

    init() throws {
        folder = try TemporaryWitnessDirectory()
        records = try WitnessRecords()
    }

    @Test func anEmptyStoreKnowsNoLog() async throws {
        let store = try WitnessStateStore(path: folder.path)
        #expect(try await store.record(origin: "log.example/store-test") == nil)
        #expect(try await store.record(originHash: WitnessRecord.originHash("log.example/store-test")) == nil)
    }

    @Test func storesARecordAndReadsItBackByOriginAndOriginHash() async throws {
        let store = try WitnessStateStore(path: folder.path)
        let record = try records.record(5)
        #expect(try await store.replace(nil, with: record))
        #expect(try await store.record(origin: record.origin) == record)
        #expect(try await store.record(originHash: record.originHash) == record)
        #expect(try await store.record(originHash: WitnessRecord.originHash("another.example/log")) == nil)
    }

    @Test func writesDurablyInWALModeAndSurvivesReopening() async throws {
        let record = try records.record(7)
        do {
            let store = try WitnessStateStore(path: folder.path)
            let durability = try await store.writerDurabilityForTesting()
            #expect(durability.journalMode == "wal")
            #expect(durability.synchronous == 2)
            #expect(try await store.replace(nil, with: record))
            try store.close()
        }
        let reopened = try WitnessStateStore(path: folder.path)
        #expect(try await reopened.record(origin: record.origin) == record)
    }

    @Test func compareAndSetRefusesAStaleExpectation() async throws {
        let store = try WitnessStateStore(path: folder.path)
        let five = try records.record(5)
        let nine = try records.record(9)
        let six = try records.record(6)
        #expect(try await store.replace(nil, with: five))
        #expect(try await !store.replace(nil, with: six))
        #expect(try await store.replace(five, with: nine))
        // Decided on size 5, arriving after 9 was stored: must not roll back.
        #expect(try await !store.replace(five, with: six))
        // Same size and root but another cosignature time is another record: the expectation is exact.
        #expect(try await !store.replace(try records.record(9, timestamp: 1), with: six))
        #expect(try await store.record(origin: nine.origin) == nine)
    }

    @Test func onlyOneOfManyConcurrentUpdatesFromTheSameStateWins() async throws {
        let store = try WitnessStateStore(path: folder.path)
        let base = try records.record(4)
        #expect(try await store.replace(nil, with: base))
        let candidates = try (5..<29).map { try records.record(UInt64($0)) }
        let winners = try await withThrowingTaskGroup(of: WitnessRecord?.self) { group in
            for candidate in candidates {
                group.addTask { try await store.replace(base, with: candidate) ? candidate : nil }
            }
            return try await group.compactMap { $0 }.reduce(into: [WitnessRecord]()) { $0.append($1) }
        }
        #expect(winners.count == 1)
        #expect(try await store.record(origin: base.origin) == winners.first)
    }

    @Test func keepsOneRecordPerLog() async throws {
        let store = try WitnessStateStore(path: folder.path)
        let other = try WitnessRecords(origin: "other.example/log", salt: "o")
        #expect(try await store.replace(nil, with: try records.record(3)))
        #expect(try await store.replace(nil, with: try other.record(8)))
        #expect(try await store.record(origin: "log.example/store-test")?.checkpoint.treeSize == 3)
        #expect(try await store.record(origin: "other.example/log")?.checkpoint.treeSize == 8)
    }

    @Test func refusesADamagedRow() async throws {
        let record = try records.record(5)
        do {
            let store = try WitnessStateStore(path: folder.path)
            #expect(try await store.replace(nil, with: record))
            try store.close()
        }
        try LedgerStore.executeRawSQLForTesting(path: folder.path, sql: "UPDATE witness_log SET size = 4")
        let store = try WitnessStateStore(path: folder.path)
        await #expect(throws: WitnessStoreError.recordInvalid(origin: record.origin)) {
            try await store.record(origin: record.origin)
        }
        // A damaged row is never silently overwritten either.
        await #expect(throws: WitnessStoreError.recordInvalid(origin: record.origin)) {
            try await store.replace(record, with: try records.record(6))
        }
    }
}
