import Foundation
import MedCredLedger
import MedCredTestSupport
import Testing

/// Reads transparency-dev/merkle `testdata/` and the RFC 6962 reference tree in place (SOURCES.md §9).
enum MerkleVectors {
    static let folder = "transparency-log/transparency-dev-merkle-testdata"

    /// Every `.json` file under `folder/<kind>`, as paths relative to the vectors root, recursively.
    static func files(_ kind: String) throws -> [String] {
        var found: [String] = []
        var pending = ["\(folder)/\(kind)"]
        while let directory = pending.popLast() {
            for name in try Vectors.files(in: directory) {
                if name.hasSuffix(".json") {
                    found.append("\(directory)/\(name)")
                } else {
                    pending.append("\(directory)/\(name)")
                }
            }
        }
        return found.sorted()
    }

    /// The 8 reference leaves' hashes.
    static func referenceLeafHashes() throws -> [[UInt8]] {
        try Vectors.load("transparency-log/rfc6962-reference-tree.json", as: ReferenceTree.self).leafInputsHex.map {
            MerkleHash.leaf(Hex.decode($0))
        }
    }
}

/// Perfect subtree hashes of an in-memory leaf list, the way a store answers them.
func perfectHashes(_ leaves: [[UInt8]]) -> (Int, UInt64) -> [UInt8] {
    { level, index in
        let start = Int(index) << level
        return MerkleTree.root(leafHashes: Array(leaves[start..<(start + (1 << level))]))
    }
}

/// The error `body` throws, or nil when it passes.
func merkleError(_ body: () throws(MerkleError) -> Void) -> MerkleError? {
    do throws(MerkleError) {
        try body()
        return nil
    } catch {
        return error
    }
}

/// Standard base64 for vector fields; a vector that does not decode is a broken vector.
func vectorBase64(_ text: String) throws -> [UInt8] {
    try #require(Data(base64Encoded: text).map { [UInt8]($0) }, "bad base64 in vector: \(text)")
}

struct ReferenceTree: Decodable {
    let leafInputsHex: [String]
    let rootHashesBySizeHex: [String: String]
    let nodeHashesByLevelHex: [[String]]
    let emptyTreeRootHex: String
}

/// One transparency-dev inclusion file.
struct InclusionVector: Decodable, CustomTestStringConvertible {
    var path = ""
    let leafIdx: UInt64
    let treeSize: UInt64
    let root: String
    let leafHash: String
    let proof: [String]?
    let desc: String
    let wantErr: Bool

    enum CodingKeys: String, CodingKey { case leafIdx, treeSize, root, leafHash, proof, desc, wantErr }
    var testDescription: String { path.replacingOccurrences(of: MerkleVectors.folder + "/", with: "") }

    static func all() throws -> [InclusionVector] {
        try MerkleVectors.files("inclusion").map { path in
            var vector = try Vectors.load(path, as: InclusionVector.self)
            vector.path = path
            return vector
        }
    }
}

/// One transparency-dev consistency file.
struct ConsistencyVector: Decodable, CustomTestStringConvertible {
    var path = ""
    let size1: UInt64
    let size2: UInt64
    let root1: String
    let root2: String
    let proof: [String]?
    let desc: String
    let wantErr: Bool

    enum CodingKeys: String, CodingKey { case size1, size2, root1, root2, proof, desc, wantErr }
    var testDescription: String { path.replacingOccurrences(of: MerkleVectors.folder + "/", with: "") }

    static func all() throws -> [ConsistencyVector] {
        try MerkleVectors.files("consistency").map { path in
            var vector = try Vectors.load(path, as: ConsistencyVector.self)
            vector.path = path
            return vector
        }
    }
}

/// One transparency-dev subtree inclusion file (C2SP/MTC subtrees `[start, end)`).
struct SubtreeInclusionVector: Decodable, CustomTestStringConvertible {
    var path = ""
    let leafIdx: UInt64
    let start: UInt64
    let end: UInt64
    let root: String
    let leafHash: String
    let proof: [String]?
    let desc: String
    let wantErr: Bool

    enum CodingKeys: String, CodingKey { case leafIdx, start, end, root, leafHash, proof, desc, wantErr }
    var testDescription: String { path.replacingOccurrences(of: MerkleVectors.folder + "/", with: "") }

    static func all() throws -> [SubtreeInclusionVector] {
        try MerkleVectors.files("subtreeinclusion").map { path in
            var vector = try Vectors.load(path, as: SubtreeInclusionVector.self)
            vector.path = path
            return vector
        }
    }
}
