import MedCredLedger
import MedCredTestSupport
import Testing

@Suite struct MerkleReferenceTreeTests {
    @Test func emptyRootIsSHA256OfNothing() throws {
        let tree = try Vectors.load("transparency-log/rfc6962-reference-tree.json", as: ReferenceTree.self)
        #expect(MerkleHash.emptyRoot == Hex.decode(tree.emptyTreeRootHex))
        #expect(MerkleTree.root(leafHashes: []) == MerkleHash.emptyRoot)
    }

    @Test func everyRootBySizeMatches() throws {
        let tree = try Vectors.load("transparency-log/rfc6962-reference-tree.json", as: ReferenceTree.self)
        let leaves = try MerkleVectors.referenceLeafHashes()
        #expect(tree.rootHashesBySizeHex.count == 9)
        for (size, rootHex) in tree.rootHashesBySizeHex {
            let size = try #require(Int(size))
            #expect(MerkleTree.root(leafHashes: Array(leaves.prefix(size))) == Hex.decode(rootHex), "size \(size)")
            var accumulator = MerkleAccumulator()
            for leaf in leaves.prefix(size) { accumulator.append(leafHash: leaf) }
            #expect(accumulator.root == Hex.decode(rootHex), "accumulator size \(size)")
            let range = MerkleTree.rangeHash(start: 0, end: UInt64(size), perfect: perfectHashes(leaves))
            #expect(range == Hex.decode(rootHex), "rangeHash size \(size)")
        }
    }

    @Test func everyNodeHashByLevelMatches() throws {
        let tree = try Vectors.load("transparency-log/rfc6962-reference-tree.json", as: ReferenceTree.self)
        let perfect = perfectHashes(try MerkleVectors.referenceLeafHashes())
        #expect(tree.nodeHashesByLevelHex.map(\.count) == [8, 4, 2, 1])
        for (level, hashes) in tree.nodeHashesByLevelHex.enumerated() {
            for (index, hash) in hashes.enumerated() {
                #expect(perfect(level, UInt64(index)) == Hex.decode(hash), "node (\(level), \(index))")
            }
        }
    }
}

@Suite struct MerkleInclusionVectorTests {
    @Test func readsEveryInclusionFile() throws {
        #expect(try InclusionVector.all().count == 98)
    }

    @Test(arguments: try InclusionVector.all())
    func verifiesAsTheVectorSays(_ vector: InclusionVector) throws {
        let proof = InclusionProof(
            leafIndex: vector.leafIdx, treeSize: vector.treeSize, hashes: try (vector.proof ?? []).map(vectorBase64))
        let leafHash = try vectorBase64(vector.leafHash)
        let root = try vectorBase64(vector.root)
        let error = merkleError { () throws(MerkleError) in try proof.verify(leafHash: leafHash, root: root) }
        #expect((error != nil) == vector.wantErr, "\(vector.desc): \(String(describing: error))")
    }

    /// Our generator reproduces every valid proof over the reference tree.
    @Test(arguments: try InclusionVector.all().filter { !$0.wantErr && $0.treeSize <= 8 })
    func generatesTheSameProof(_ vector: InclusionVector) throws {
        let leaves = try MerkleVectors.referenceLeafHashes()
        guard try vectorBase64(vector.root) == MerkleTree.root(leafHashes: Array(leaves.prefix(Int(vector.treeSize))))
        else { return }  // "additional" cases use their own trees
        let proof = try MerkleTree.inclusionProof(
            index: vector.leafIdx, size: vector.treeSize, perfect: perfectHashes(leaves))
        #expect(proof.hashes == (try (vector.proof ?? []).map(vectorBase64)))
    }
}

@Suite struct MerkleConsistencyVectorTests {
    @Test func readsEveryConsistencyFile() throws {
        #expect(try ConsistencyVector.all().count == 98)
    }

    /// Strict mode follows transparency-dev, including its rejection of every `size1 == 0` case.
    @Test(arguments: try ConsistencyVector.all())
    func verifiesAsTheVectorSays(_ vector: ConsistencyVector) throws {
        let proof = ConsistencyProof(
            oldSize: vector.size1, newSize: vector.size2, hashes: try (vector.proof ?? []).map(vectorBase64))
        let oldRoot = try vectorBase64(vector.root1)
        let newRoot = try vectorBase64(vector.root2)
        let error = merkleError { () throws(MerkleError) in try proof.verify(oldRoot: oldRoot, newRoot: newRoot) }
        #expect((error != nil) == vector.wantErr, "\(vector.desc): \(String(describing: error))")
    }

    /// The tlog-witness rule accepts old size 0 only with an empty proof (and a well-formed new root).
    @Test(arguments: try ConsistencyVector.all().filter { $0.size1 == 0 })
    func witnessModeAcceptsOnlyEmptyProofsFromTheEmptyTree(_ vector: ConsistencyVector) throws {
        let proof = ConsistencyProof(
            oldSize: vector.size1, newSize: vector.size2, hashes: try (vector.proof ?? []).map(vectorBase64))
        let newRoot = try vectorBase64(vector.root2)
        let error = merkleError { () throws(MerkleError) in
            try proof.verify(oldRoot: [], newRoot: newRoot, allowingEmptyOldTree: true)
        }
        let shouldPass = proof.hashes.isEmpty && newRoot.count == 32
        #expect((error == nil) == shouldPass, "\(vector.desc): \(String(describing: error))")
    }

    @Test(arguments: try ConsistencyVector.all().filter { !$0.wantErr && $0.size2 <= 8 })
    func generatesTheSameProof(_ vector: ConsistencyVector) throws {
        let leaves = try MerkleVectors.referenceLeafHashes()
        guard try vectorBase64(vector.root2) == MerkleTree.root(leafHashes: Array(leaves.prefix(Int(vector.size2))))
        else { return }
        let proof = try MerkleTree.consistencyProof(
            from: vector.size1, to: vector.size2, perfect: perfectHashes(leaves))
        #expect(proof.hashes == (try (vector.proof ?? []).map(vectorBase64)))
    }
}

/// A subtree `[start, end)` (C2SP tlog-mtc) is a tree of `end - start` leaves when `start` is a multiple of a
/// power of two at least as large, so a subtree inclusion proof is an ``InclusionProof`` relative to it.
@Suite struct MerkleSubtreeInclusionVectorTests {
    @Test(arguments: try SubtreeInclusionVector.all())
    func verifiesAsTheVectorSays(_ vector: SubtreeInclusionVector) throws {
        let leafHash = try vectorBase64(vector.leafHash)
        let root = try vectorBase64(vector.root)
        let hashes = try (vector.proof ?? []).map(vectorBase64)
        var passed = false
        let width = vector.end &- vector.start
        // The subtree's start must be a multiple of 2^ceil(log2(width)).
        let isSubtree =
            vector.start < vector.end
            && (vector.start == 0 || vector.start.trailingZeroBitCount >= 64 - (width - 1).leadingZeroBitCount)
        if isSubtree, (vector.start..<vector.end).contains(vector.leafIdx) {
            let proof = InclusionProof(leafIndex: vector.leafIdx - vector.start, treeSize: width, hashes: hashes)
            passed = merkleError { () throws(MerkleError) in try proof.verify(leafHash: leafHash, root: root) } == nil
        }
        #expect(passed != vector.wantErr, "\(vector.desc)")
    }
}
