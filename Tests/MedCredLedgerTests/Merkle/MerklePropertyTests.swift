import MedCredLedger
import MedCredTestSupport
import Testing

/// Every index and size up to 64, with seeded random leaves; each proof verifies and every mutation fails.
@Suite struct MerklePropertyTests {
    static let seed: UInt64 = 0x4d65_6443_7265_6400
    static let maxSize = 64

    static func leaves() -> [[UInt8]] {
        var random = SplitMix64(seed: seed)
        return (0..<maxSize).map { _ in MerkleHash.leaf(random.bytes(count: Int(random.next() % 40))) }
    }

    /// Proofs that must not verify: one bit flipped in each hash, each hash dropped, one extra hash anywhere.
    static func mutations(of hashes: [[UInt8]], random: inout SplitMix64) -> [(String, [[UInt8]])] {
        var out: [(String, [[UInt8]])] = []
        for position in hashes.indices {
            var flipped = hashes
            let bit = Int(random.next() % 256)
            flipped[position][bit / 8] ^= 1 << UInt8(bit % 8)
            out.append(("bit \(bit) of hash \(position)", flipped))
            var removed = hashes
            removed.remove(at: position)
            out.append(("hash \(position) removed", removed))
            var shortened = hashes
            shortened[position].removeLast()
            out.append(("hash \(position) truncated", shortened))
        }
        for position in 0...hashes.count {
            var extended = hashes
            extended.insert(random.bytes(count: 32), at: position)
            out.append(("extra hash at \(position)", extended))
        }
        return out
    }

    @Test func accumulatorMatchesRootAndPerfectNodesAtEverySize() throws {
        let leaves = Self.leaves()
        let perfect = perfectHashes(leaves)
        var accumulator = MerkleAccumulator()
        for size in 0...Self.maxSize {
            let prefix = Array(leaves.prefix(size))
            #expect(accumulator.root == MerkleTree.root(leafHashes: prefix), "size \(size), seed \(Self.seed)")
            let restored = try MerkleAccumulator(size: UInt64(size), edge: accumulator.edge)
            #expect(restored == accumulator)
            #expect(MerkleAccumulator(size: UInt64(size), perfect: perfect) == accumulator)
            guard size < Self.maxSize else { break }
            for (node, hash) in accumulator.append(leafHash: leaves[size]) {
                #expect(hash == perfect(node.level, node.index), "node \(node), seed \(Self.seed)")
            }
        }
        #expect(throws: MerkleError.proofLengthMismatch(expected: 2, actual: 1)) {
            try MerkleAccumulator(size: 3, edge: [leaves[0]])
        }
        #expect(throws: MerkleError.hashLengthInvalid(31)) {
            try MerkleAccumulator(size: 1, edge: [Array(leaves[0].dropLast())])
        }
    }

    @Test func rangeHashIsTheMTHOfAlignedRanges() {
        let leaves = Self.leaves()
        for level in 0...6 {
            let width = 1 << level
            for start in stride(from: 0, to: Self.maxSize, by: width) {
                for end in (start + 1)...(start + width) {
                    let expected = MerkleTree.root(leafHashes: Array(leaves[start..<end]))
                    let hash = MerkleTree.rangeHash(
                        start: UInt64(start), end: UInt64(end), perfect: perfectHashes(leaves))
                    #expect(hash == expected, "[\(start), \(end))")
                }
            }
        }
    }

    @Test func inclusionProofsVerifyAndMutationsFail() throws {
        let leaves = Self.leaves()
        var random = SplitMix64(seed: Self.seed ^ 1)
        for size in 1...Self.maxSize {
            let root = MerkleTree.root(leafHashes: Array(leaves.prefix(size)))
            for index in 0..<size {
                let proof = try MerkleTree.inclusionProof(
                    index: UInt64(index), size: UInt64(size), perfect: perfectHashes(leaves))
                let context = "index \(index), size \(size), seed \(Self.seed)"
                #expect(throws: Never.self, "\(context)") { try proof.verify(leafHash: leaves[index], root: root) }
                #expect(throws: MerkleError.rootMismatch, "\(context)") {
                    try proof.verify(leafHash: leaves[(index + 1) % Self.maxSize], root: root)
                }
                for (what, hashes) in Self.mutations(of: proof.hashes, random: &random) {
                    let mutated = InclusionProof(leafIndex: proof.leafIndex, treeSize: proof.treeSize, hashes: hashes)
                    #expect(throws: MerkleError.self, "\(what), \(context)") {
                        try mutated.verify(leafHash: leaves[index], root: root)
                    }
                }
                for (otherIndex, otherSize) in [(index + 1, size), (index ^ 1, size)]
                where otherIndex != index || otherSize != size {
                    let moved = InclusionProof(
                        leafIndex: UInt64(otherIndex), treeSize: UInt64(otherSize), hashes: proof.hashes)
                    #expect(throws: MerkleError.self, "moved to \(otherIndex)/\(otherSize), \(context)") {
                        try moved.verify(leafHash: leaves[index], root: root)
                    }
                }
            }
            #expect(throws: MerkleError.leafIndexOutOfRange(index: UInt64(size), size: UInt64(size))) {
                try MerkleTree.inclusionProof(index: UInt64(size), size: UInt64(size), perfect: perfectHashes(leaves))
            }
        }
    }

    @Test func consistencyProofsVerifyAndMutationsFail() throws {
        let leaves = Self.leaves()
        var random = SplitMix64(seed: Self.seed ^ 2)
        let roots = (0...Self.maxSize).map { MerkleTree.root(leafHashes: Array(leaves.prefix($0))) }
        for newSize in 1...Self.maxSize {
            for oldSize in 1...newSize {
                let proof = try MerkleTree.consistencyProof(
                    from: UInt64(oldSize), to: UInt64(newSize), perfect: perfectHashes(leaves))
                let context = "\(oldSize) → \(newSize), seed \(Self.seed)"
                #expect(throws: Never.self, "\(context)") {
                    try proof.verify(oldRoot: roots[oldSize], newRoot: roots[newSize])
                }
                if oldSize < newSize {
                    #expect(throws: MerkleError.self, "swapped roots, \(context)") {
                        try proof.verify(oldRoot: roots[newSize], newRoot: roots[oldSize])
                    }
                    #expect(throws: MerkleError.rootMismatch, "wrong old root, \(context)") {
                        try proof.verify(oldRoot: roots[oldSize - 1], newRoot: roots[newSize])
                    }
                }
                for (what, hashes) in Self.mutations(of: proof.hashes, random: &random) {
                    let mutated = ConsistencyProof(oldSize: proof.oldSize, newSize: proof.newSize, hashes: hashes)
                    #expect(throws: MerkleError.self, "\(what), \(context)") {
                        try mutated.verify(oldRoot: roots[oldSize], newRoot: roots[newSize])
                    }
                }
            }
            let fromEmpty = try MerkleTree.consistencyProof(
                from: 0, to: UInt64(newSize), perfect: perfectHashes(leaves))
            #expect(fromEmpty.hashes.isEmpty)
            #expect(throws: MerkleError.emptyOldTree(new: UInt64(newSize))) {
                try fromEmpty.verify(oldRoot: MerkleHash.emptyRoot, newRoot: roots[newSize])
            }
            #expect(throws: Never.self) {
                try fromEmpty.verify(oldRoot: [], newRoot: roots[newSize], allowingEmptyOldTree: true)
            }
        }
        #expect(throws: MerkleError.sizeOutOfRange(old: 3, new: 2)) {
            try MerkleTree.consistencyProof(from: 3, to: 2, perfect: perfectHashes(leaves))
        }
    }

    @Test func perfectSubtreesCoverRangesExactly() {
        var random = SplitMix64(seed: Self.seed ^ 3)
        for _ in 0..<500 {
            let a = random.next() % 5000
            let b = random.next() % 5000
            let (start, end) = (min(a, b), max(a, b))
            var position = start
            for node in MerkleTree.perfectSubtrees(start: start, end: end) {
                #expect(node.start == position, "[\(start), \(end)) seed \(Self.seed)")
                position = node.end
            }
            #expect(position == end)
        }
        #expect(MerkleTree.perfectSubtrees(start: 0, end: UInt64.max).count == 64)
    }
}
