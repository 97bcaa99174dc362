import MedCredLedger
import MedCredStore
import Testing

/// A batch whose transaction fails: its callers get SQLite's error, nothing of it is stored, and the writer
/// carries on from the committed tree. A trigger that rejects one poisoned entry makes the failure.
@Suite struct LedgerFailedBatchTests {
    private static let poison: [UInt8] = [0xde, 0xad]

    private func poisonedLedger() throws -> (TemporaryLedger, LedgerStore) {
        let ledger = try TemporaryLedger()
        let store = try ledger.open()
        try ledger.execute(
            """
            CREATE TRIGGER reject_poison BEFORE INSERT ON leaf WHEN NEW.data = x'dead'
            BEGIN SELECT RAISE(ABORT, 'rejected'); END
            """)
        return (ledger, store)
    }

    @Test func aFailedBatchStoresNothingAndTheNextAppendContinues() async throws {
        let (_, store) = try poisonedLedger()
        _ = try await store.append(contentsOf: (0..<3).map(entry))
        await #expect(throws: StoreError.sqlite(code: 19, message: "rejected")) {
            try await store.append(contentsOf: [entry(3), Self.poison, entry(4)])
        }
        #expect(try await store.size() == 3)
        #expect(try await store.append(entry(3)) == 3)
        let root = MerkleTree.root(leafHashes: (0..<4).map { MerkleHash.leaf(entry($0)) })
        #expect(try await store.audit() == LedgerAudit(size: 4, root: root, checkpointsChecked: 2))
    }

    @Test func concurrentCallersOutsideTheFailedBatchAreUnaffected() async throws {
        let (ledger, store) = try poisonedLedger()
        let results = await withTaskGroup(of: (Int, Result<UInt64, any Error>).self) { group in
            for value in 0..<64 {
                group.addTask {
                    let data = value == 20 ? Self.poison : entry(value)
                    do { return (value, .success(try await store.append(data))) } catch {
                        return (value, .failure(error))
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let stored = results.compactMap { value, result in (try? result.get()).map { ($0, value) } }
        #expect(results.contains { $0.0 == 20 && (try? $0.1.get()) == nil })
        #expect(Set(stored.map(\.0)) == Set(0..<UInt64(stored.count)))
        for (index, value) in stored { #expect(try await store.leaf(at: index) == entry(value)) }
        #expect(try await store.audit().size == UInt64(stored.count))
        try store.close()
        _ = try ledger.open()
    }
}
