import Foundation
import MedCredLedger
import MedCredStore
import MedCredTestSupport
import Testing

/// Writes inclusion proofs from a real ledger store for `tools/interop/check_merkle.py`, which verifies them
/// with an independent RFC 6962/9162 implementation. Runs only when `MEDCRED_MERKLE_OUT` names a file.
@Suite struct MerkleInteropOutput {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["MEDCRED_MERKLE_OUT"] != nil))
    func writesInclusionProofs() async throws {
        let output = try #require(ProcessInfo.processInfo.environment["MEDCRED_MERKLE_OUT"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "medcred-merkle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try LedgerStore(path: folder.appendingPathComponent("ledger.sqlite").path)
        let entries = (0..<1000).map { Array("{\"entry\":\($0)}".utf8) }
        _ = try await store.append(contentsOf: entries)
        var random = SplitMix64(seed: 0x6962_9162)
        var lines: [String] = []
        for _ in 0..<300 {
            let size = UInt64.random(in: 1...1000, using: &random)
            let index = UInt64.random(in: 0..<size, using: &random)
            let proof = try await store.inclusionProof(index: index, size: size)
            let root = try await store.root(size: size)
            let record: [String: Any] = [
                "index": index, "size": size, "entry": Data(entries[Int(index)]).base64EncodedString(),
                "hashes": proof.hashes.map { Hex.encode($0) }, "root": Hex.encode(root),
            ]
            lines.append(
                String(
                    decoding: try JSONSerialization.data(withJSONObject: record, options: .sortedKeys), as: UTF8.self))
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: output, atomically: true, encoding: .utf8)
        try store.close()
    }
}
