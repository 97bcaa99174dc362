import MedCredLedger
import MedCredStore
import MedCredTestSupport
import Testing

@Suite struct LedgerProofTests {
    @Test func rootsAndProofsAgreeWithMerkleTreeForEverySizeUpTo64() async throws {
        let ledger = try TemporaryLedger()
        let store = try ledger.open()
        var hashes: [[UInt8]] = []
        var roots: [[UInt8]] = [MerkleHash.emptyRoot]
        for size in 1...64 {
            _ = try await store.append(entry(size - 1))
            hashes.append(MerkleHash.leaf(entry(size - 1)))
            roots.append(MerkleTree.root(leafHashes: hashes))
            #expect(try await store.root(size: UInt64(size)) == roots[size], "size \(size)")
            #expect(try await store.latestCheckpoint()?.root == roots[size], "size \(size)")
        }
        for size in 1...64 {
            for index in 0..<size {
                let proof = try await store.inclusionProof(index: UInt64(index), size: UInt64(size))
                #expect(throws: Never.self, "index \(index) size \(size)") {
                    try proof.verify(leafHash: hashes[index], root: roots[size])
                }
            }
            for old in 1...size {
                let proof = try await store.consistencyProof(from: UInt64(old), to: UInt64(size))
                #expect(throws: Never.self, "from \(old) to \(size)") {
                    try proof.verify(oldRoot: roots[old], newRoot: roots[size])
                }
            }
        }
    }

    @Test func proofsVerifyAtTenThousandEntries() async throws {
        let ledger = try TemporaryLedger()
        let store = try ledger.open()
        let size = 10_000
        for batch in stride(from: 0, to: size, by: 1000) {
            #expect(
                try await store.append(contentsOf: (batch..<batch + 1000).map(entry)) == UInt64(
                    batch)..<UInt64(batch + 1000))
        }
        let hashes = (0..<size).map { MerkleHash.leaf(entry($0)) }
        let root = MerkleTree.root(leafHashes: hashes)
        #expect(try await store.root(size: UInt64(size)) == root)
        var random = SplitMix64(seed: 0x1ed6_e510)
        for _ in 0..<40 {
            let index = Int(random.next() % UInt64(size))
            let proof = try await store.inclusionProof(index: UInt64(index), size: UInt64(size))
            #expect(throws: Never.self, "index \(index), seed \(random.seed)") {
                try proof.verify(leafHash: hashes[index], root: root)
            }
        }
        for _ in 0..<10 {
            let old = Int(random.next() % UInt64(size)) + 1
            let proof = try await store.consistencyProof(from: UInt64(old), to: UInt64(size))
            let oldRoot = MerkleTree.root(leafHashes: Array(hashes[..<old]))
            #expect(throws: Never.self, "from \(old), seed \(random.seed)") {
                try proof.verify(oldRoot: oldRoot, newRoot: root)
            }
        }
        #expect(try await store.audit() == LedgerAudit(size: UInt64(size), root: root, checkpointsChecked: 10))
    }

    @Test func refusesProofsOutsideTheLog() async throws {
        let ledger = try TemporaryLedger()
        let store = try ledger.open()
        _ = try await store.append(contentsOf: (0..<10).map(entry))
        await #expect(throws: StoreError.leafIndexOutOfRange(index: 5, size: 5)) {
            try await store.inclusionProof(index: 5, size: 5)
        }
        await #expect(throws: StoreError.sizeBeyondLog(size: 11, storedSize: 10)) {
            try await store.inclusionProof(index: 0, size: 11)
        }
        await #expect(throws: StoreError.sizeBeyondLog(size: 100, storedSize: 10)) {
            try await store.root(size: 100)
        }
        await #expect(throws: StoreError.sizesReversed(old: 6, new: 5)) {
            try await store.consistencyProof(from: 6, to: 5)
        }
        await #expect(throws: StoreError.sizeBeyondLog(size: 12, storedSize: 10)) {
            try await store.consistencyProof(from: 6, to: 12)
        }
    }
}
