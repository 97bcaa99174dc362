import Foundation
import MedCredCrypto
import MedCredLedger

/// A temporary directory for one test's witness database, removed when the value goes away.
final class TemporaryWitnessDirectory {
    let directory: URL
    var path: String { directory.appendingPathComponent("witness.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "medcred-witness-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

/// Cosigned records of a fixed test log, made by a real ``Witness``.
struct WitnessRecords {
    let logKey: NoteSignerKey
    let witness: Witness
    let leafHashes: [[UInt8]]

    init(origin: String = "log.example/store-test", salt: String = "") throws {
        logKey = try NoteSignerKey(name: origin, privateKey: Ed25519.PrivateKey(seed: [UInt8](repeating: 1, count: 32)))
        let signer = try NoteSignerKey(
            name: "witness.example/w1", privateKey: Ed25519.PrivateKey(seed: [UInt8](repeating: 9, count: 32)),
            type: .cosignatureV1)
        witness = try Witness(signer: signer, logs: [origin: [logKey.verifierKey]])
        leafHashes = (0..<64).map { MerkleHash.leaf(Array("leaf-\(salt)\($0)".utf8)) }
    }

    /// The record the witness stores after cosigning the tree of `size` leaves at `timestamp`.
    func record(_ size: UInt64, timestamp: UInt64 = 1_700_000_000) throws -> WitnessRecord {
        let checkpoint = try Checkpoint(
            origin: logKey.verifierKey.name, treeSize: size,
            rootHash: MerkleTree.root(leafHashes: Array(leafHashes.prefix(Int(size)))))
        let note = SignedNote(text: checkpoint.text, signatures: [logKey.signature(forText: checkpoint.text)])
        let request = try WitnessRequest(oldSize: 0, proof: [], note: note)
        guard case .cosigned(let record, _) = witness.addCheckpoint(request, state: nil, timestamp: timestamp) else {
            throw WitnessRejection.unknownOrigin("fixture")
        }
        return record
    }
}
