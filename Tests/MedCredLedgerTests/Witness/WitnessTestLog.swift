import MedCredCrypto
import MedCredLedger

/// A log for witness tests: fixed keys, leaves `leaf-<i>`, signed checkpoints and consistency proofs.
struct WitnessTestLog {
    static let origin = "log.example/witness-test"

    let key: NoteSignerKey
    var leafHashes: [[UInt8]] = []

    init(origin: String = WitnessTestLog.origin, seedByte: UInt8 = 1) throws {
        key = try NoteSignerKey(
            name: origin, privateKey: Ed25519.PrivateKey(seed: [UInt8](repeating: seedByte, count: 32)))
    }

    /// A log with `size` leaves; `salt` makes a different (forked) history.
    static func withSize(_ size: Int, salt: String = "", seedByte: UInt8 = 1) throws -> WitnessTestLog {
        var log = try WitnessTestLog(seedByte: seedByte)
        log.leafHashes = (0..<size).map { MerkleHash.leaf(Array("leaf-\(salt)\($0)".utf8)) }
        return log
    }

    var size: UInt64 { UInt64(leafHashes.count) }

    func root(_ size: UInt64) -> [UInt8] { MerkleTree.root(leafHashes: Array(leafHashes.prefix(Int(size)))) }

    func checkpoint(_ size: UInt64) throws -> Checkpoint {
        try Checkpoint(origin: key.verifierKey.name, treeSize: size, rootHash: root(size))
    }

    /// The checkpoint at `size`, signed by the log key.
    func note(_ size: UInt64) throws -> SignedNote {
        let text = try checkpoint(size).text
        return SignedNote(text: text, signatures: [key.signature(forText: text)])
    }

    func proof(from old: UInt64, to new: UInt64) throws -> [[UInt8]] {
        try MerkleTree.consistencyProof(from: old, to: new) { level, index in
            let start = Int(index) << level
            return MerkleTree.root(leafHashes: Array(leafHashes[start..<(start + 1 << level)]))
        }.hashes
    }

    /// An `add-checkpoint` body from `old` to `new` with the correct proof.
    func request(from old: UInt64, to new: UInt64) throws -> String {
        let proof = old == 0 ? [] : try proof(from: old, to: new)
        return try WitnessRequest(oldSize: old, proof: proof, note: note(new)).formatted
    }
}

enum WitnessTestKeys {
    static func witness(name: String = "witness.example/w1", logs: [NoteVerifierKey]) throws -> Witness {
        let signer = try NoteSignerKey(
            name: name, privateKey: Ed25519.PrivateKey(seed: [UInt8](repeating: 9, count: 32)), type: .cosignatureV1)
        return try Witness(signer: signer, logs: Dictionary(grouping: logs, by: \.name))
    }
}
