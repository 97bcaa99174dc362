import Foundation
import MedCredLedger
import MedCredStore
import Testing

@Suite struct LedgerStoreTests {
    @Test func appendsAndReadsEntries() async throws {
        let ledger = try TemporaryLedger()
        let store = try ledger.open()
        #expect(try await store.size() == 0)
        for index in 0..<3 { #expect(try await store.append(entry(index)) == UInt64(index)) }
        #expect(try await store.size() == 3)
        for index in 0..<3 {
            #expect(try await store.leaf(at: UInt64(index)) == entry(index))
            #expect(try await store.leafHash(at: UInt64(index)) == MerkleHash.leaf(entry(index)))
        }
        #expect(try await store.leaf(at: 3) == nil)
        #expect(try await store.leafHash(at: 3) == nil)
        #expect(try await store.index(ofLeafHash: MerkleHash.leaf(entry(1))) == 1)
        #expect(try await store.index(ofLeafHash: MerkleHash.leaf(entry(9))) == nil)
    }

    @Test func emptyLogHasTheEmptyRoot() async throws {
        let ledger = try TemporaryLedger()
        let store = try ledger.open()
        #expect(try await store.root(size: 0) == MerkleHash.emptyRoot)
        #expect(try await store.latestCheckpoint() == nil)
        let audit = try await store.audit()
        #expect(audit.size == 0 && audit.root == MerkleHash.emptyRoot && audit.checkpointsChecked == 0)
        #expect(try await store.append(contentsOf: []) == 0..<0)
        #expect(try await store.latestCheckpoint() == nil)
    }

    @Test func batchAppendGivesConsecutiveIndicesAndOneCheckpoint() async throws {
        let ledger = try TemporaryLedger()
        let store = try ledger.open()
        #expect(try await store.append(entry(0)) == 0)
        #expect(try await store.append(contentsOf: (1..<11).map(entry)) == 1..<11)
        let checkpoints = try await store.checkpoints()
        #expect(checkpoints.map(\.size) == [1, 11])
        #expect(checkpoints.last?.root == MerkleTree.root(leafHashes: (0..<11).map { MerkleHash.leaf(entry($0)) }))
    }

    @Test func concurrentAppendsFromEightTasksGetUniqueContiguousIndices() async throws {
        let ledger = try TemporaryLedger()
        let store = try ledger.open()
        let perTask = 40
        let indices = try await withThrowingTaskGroup(of: [(UInt64, Int)].self) { group in
            for task in 0..<8 {
                group.addTask {
                    var acknowledged: [(UInt64, Int)] = []
                    for sequence in 0..<perTask {
                        let value = task * perTask + sequence
                        acknowledged.append((try await store.append(entry(value)), value))
                    }
                    return acknowledged
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(indices.count == 8 * perTask)
        #expect(Set(indices.map(\.0)) == Set(0..<UInt64(8 * perTask)))
        for (index, value) in indices { #expect(try await store.leaf(at: index) == entry(value)) }
        let checkpoints = try await store.checkpoints(limit: 10_000)
        #expect(checkpoints.count <= 8 * perTask)
        #expect(checkpoints.last?.size == UInt64(8 * perTask))
        #expect(try await store.audit().checkpointsChecked == checkpoints.count)
    }

    @Test func reopensWithTheSameTreeAndContinues() async throws {
        let ledger = try TemporaryLedger()
        var store = try ledger.open()
        _ = try await store.append(contentsOf: (0..<37).map(entry))
        let root = try await store.root(size: 37)
        try store.close()
        store = try ledger.open()
        #expect(try await store.size() == 37)
        #expect(try await store.root(size: 37) == root)
        #expect(try await store.append(entry(37)) == 37)
        let expected = MerkleTree.root(leafHashes: (0..<38).map { MerkleHash.leaf(entry($0)) })
        #expect(try await store.root(size: 38) == expected)
        #expect(try await store.audit() == LedgerAudit(size: 38, root: expected, checkpointsChecked: 2))
        try store.close()
    }

    @Test func rejectsAnEntryLargerThanTheLimit() async throws {
        let ledger = try TemporaryLedger()
        let store = try ledger.open()
        let limit = 1 << 20
        #expect(try await store.append([UInt8](repeating: 7, count: limit)) == 0)
        await #expect(throws: StoreError.entryTooLarge(size: limit + 1, limit: limit)) {
            try await store.append([UInt8](repeating: 7, count: limit + 1))
        }
        await #expect(throws: StoreError.entryTooLarge(size: limit + 1, limit: limit)) {
            try await store.append(contentsOf: [entry(1), [UInt8](repeating: 7, count: limit + 1)])
        }
        #expect(try await store.size() == 1)
    }

    @Test func keepsTheSignedNoteOfEveryCheckpoint() async throws {
        let ledger = try TemporaryLedger()
        let configuration = LedgerStore.Configuration(
            checkpointNote: { size, root in "note \(size) \(root.count)" },
            now: { Date(timeIntervalSince1970: 1_700_000_000) })
        let store = try ledger.open(configuration)
        for index in 0..<3 { _ = try await store.append(entry(index)) }
        let checkpoints = try await store.checkpoints()
        #expect(checkpoints.map(\.signedNote) == ["note 1 32", "note 2 32", "note 3 32"])
        #expect(checkpoints.allSatisfy { $0.created == Date(timeIntervalSince1970: 1_700_000_000) })
        #expect(try await store.checkpoint(size: 2) == checkpoints[1])
        #expect(try await store.checkpoint(size: 4) == nil)
        #expect(try await store.latestCheckpoint() == checkpoints[2])
        #expect(try await store.checkpoints(from: 2, limit: 1).map(\.size) == [2])
    }
}

@Suite struct LedgerStoreDurabilityTests {
    @Test func writesInWALModeWithFullSynchronous() async throws {
        let ledger = try TemporaryLedger()
        let store = try ledger.open()
        let settings = try await store.writerDurabilityForTesting()
        #expect(settings.journalMode == "wal")
        #expect(settings.synchronous == 2)
    }

    /// The checkpoint hook runs inside the batch's transaction, so holding it open shows what readers see
    /// meanwhile: they answer at once, from the last committed tree, and the append has not returned yet.
    @Test func readersAreNotBlockedByAnOpenAppendTransaction() async throws {
        let ledger = try TemporaryLedger()
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let store = try ledger.open(
            LedgerStore.Configuration(checkpointNote: { size, _ in
                if size == 2 {
                    entered.signal()
                    _ = release.wait(timeout: .now() + 10)
                }
                return nil
            }))
        _ = try await store.append(entry(0))
        async let second = store.append(entry(1))
        #expect(entered.wait(timeout: .now() + 10) == .success)
        #expect(try await store.size() == 1)
        #expect(try await store.leaf(at: 1) == nil)
        #expect(try await store.root(size: 1) == MerkleHash.leaf(entry(0)))
        release.signal()
        #expect(try await second == 1)
        #expect(try await store.size() == 2)
    }
}
