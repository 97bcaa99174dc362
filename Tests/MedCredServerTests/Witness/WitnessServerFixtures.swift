import MedCredCrypto
import MedCredLedger

/// A log with fixed keys and leaves for the witness server tests.
struct ServerTestLog {
    static let origin = "log.example/server-test"

    let key: NoteSignerKey
    let leafHashes: [[UInt8]]

    init(salt: String = "", seedByte: UInt8 = 1, origin: String = ServerTestLog.origin) throws {
        key = try NoteSignerKey(
            name: origin, privateKey: Ed25519.PrivateKey(seed: [UInt8](repeating: seedByte, count: 32)))
        leafHashes = (0..<32).map { MerkleHash.leaf(Array("leaf-\(salt)\($0)".utf8)) }
    }

    func note(_ size: UInt64) throws -> SignedNote {
        let checkpoint = try Checkpoint(
            origin: key.verifierKey.name, treeSize: size,
            rootHash: MerkleTree.root(leafHashes: Array(leafHashes.prefix(Int(size)))))
        return SignedNote(text: checkpoint.text, signatures: [key.signature(forText: checkpoint.text)])
    }

    func request(from old: UInt64, to new: UInt64) throws -> String {
        let proof =
            old == 0
            ? []
            : try MerkleTree.consistencyProof(from: old, to: new) { level, index in
                let start = Int(index) << level
                return MerkleTree.root(leafHashes: Array(leafHashes[start..<(start + 1 << level)]))
            }.hashes
        return try WitnessRequest(oldSize: old, proof: proof, note: note(new)).formatted
    }
}

enum ServerTestWitness {
    static func make(logs: [NoteVerifierKey]) throws -> Witness {
        let signer = try NoteSignerKey(
            name: "witness.example/w1", privateKey: Ed25519.PrivateKey(seed: [UInt8](repeating: 9, count: 32)),
            type: .cosignatureV1)
        return try Witness(signer: signer, logs: Dictionary(grouping: logs, by: \.name))
    }
}

/// A state that cannot be read or written, as when the disk fails.
struct FailingWitnessState: WitnessStateStorage {
    struct Failure: Error {}
    func record(origin: String) async throws -> WitnessRecord? { throw Failure() }
    func record(originHash: [UInt8]) async throws -> WitnessRecord? { throw Failure() }
    func replace(_ expected: WitnessRecord?, with new: WitnessRecord) async throws -> Bool { throw Failure() }
}

/// Lower-case hex, as the monitoring path spells the origin hash.
func lowerHex(_ bytes: [UInt8]) -> String {
    bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
}
