import MedCredLedger
import MedCredStore
import Testing

/// Damaged logs: each case breaks one row of an 8- or 5-leaf log and names the error opening or auditing gives.
@Suite struct LedgerIntegrityTests {
    private func ledger(size: Int) async throws -> TemporaryLedger {
        let ledger = try TemporaryLedger()
        let store = try ledger.open()
        for index in 0..<size { _ = try await store.append(entry(index)) }
        try store.close()
        return ledger
    }

    private static let badHash = "x'" + String(repeating: "ab", count: 32) + "'"

    @Test func openRefusesANodeTheRootUses() async throws {
        let ledger = try await ledger(size: 8)
        try ledger.execute("UPDATE node SET hash = \(Self.badHash) WHERE level = 3 AND idx = 0")
        #expect(throws: StoreError.checkpointRootMismatch(size: 8)) { try ledger.open() }
    }

    @Test func auditFindsAnInnerNodeTheRootDoesNotRead() async throws {
        let ledger = try await ledger(size: 8)
        try ledger.execute("UPDATE node SET hash = \(Self.badHash) WHERE level = 1 AND idx = 2")
        let store = try ledger.open()
        await #expect(throws: StoreError.nodeHashMismatch(level: 1, index: 2)) { try await store.audit() }
    }

    @Test func auditFindsLeafDataThatNoLongerMatchesItsHash() async throws {
        let ledger = try await ledger(size: 8)
        try ledger.execute(#"UPDATE leaf SET data = x'00' WHERE "index" = 3"#)
        let store = try ledger.open()
        await #expect(throws: StoreError.leafHashMismatch(index: 3)) { try await store.audit() }
    }

    @Test func openRefusesALeafHashTheRootUses() async throws {
        let ledger = try await ledger(size: 5)
        try ledger.execute(#"UPDATE leaf SET leaf_hash = \#(Self.badHash) WHERE "index" = 4"#)
        #expect(throws: StoreError.checkpointRootMismatch(size: 5)) { try ledger.open() }
    }

    @Test func openRefusesAMissingNode() async throws {
        let ledger = try await ledger(size: 8)
        try ledger.execute("DELETE FROM node WHERE level = 1 AND idx = 1")
        #expect(throws: StoreError.nodeTableIncomplete(level: 1, expected: 4, found: 3)) { try ledger.open() }
    }

    @Test func openRefusesANodeBeyondTheTree() async throws {
        let ledger = try await ledger(size: 5)
        try ledger.execute("INSERT INTO node (level, idx, hash) VALUES (1, 2, \(Self.badHash))")
        #expect(throws: StoreError.nodeTableIncomplete(level: 1, expected: 2, found: 3)) { try ledger.open() }
    }

    @Test func openRefusesAGapInTheLeaves() async throws {
        let ledger = try await ledger(size: 8)
        try ledger.execute(#"DELETE FROM leaf WHERE "index" = 3"#)
        #expect(throws: StoreError.leavesNotContiguous(count: 7, maxIndex: 7)) { try ledger.open() }
    }

    @Test func openRefusesALogThatLostCheckpointedLeaves() async throws {
        let ledger = try await ledger(size: 8)
        try ledger.execute(#"DELETE FROM leaf WHERE "index" = 7"#)
        #expect(throws: StoreError.checkpointBeyondLog(checkpointSize: 8, storedSize: 7)) { try ledger.open() }
    }

    @Test func auditFindsAnOldCheckpointWithAWrongRoot() async throws {
        let ledger = try await ledger(size: 8)
        try ledger.execute("UPDATE checkpoint SET root = \(Self.badHash) WHERE size = 3")
        let store = try ledger.open()
        await #expect(throws: StoreError.checkpointRootMismatch(size: 3)) { try await store.audit() }
    }

    @Test func auditPassesAnUndamagedLog() async throws {
        let ledger = try await ledger(size: 8)
        let store = try ledger.open()
        let root = MerkleTree.root(leafHashes: (0..<8).map { MerkleHash.leaf(entry($0)) })
        #expect(try await store.audit() == LedgerAudit(size: 8, root: root, checkpointsChecked: 8))
    }
}
