import Foundation
import MedCredCore
import MedCredCrypto
import MedCredLedger
import MedCredService
import MedCredStore

/// did:webvh resolution through the anchored registry, with its anchor check, as the ledger grows (issue #4).
///
/// Each size gets its own ledger: filler entries first, then a DID created and rotated, anchored like every
/// entry MedCred writes. Resolution verifies the whole did:webvh log and every entry's tlog-proof against the
/// latest signed checkpoint.
func webvhBenchmarks(sizes: [UInt64]) async throws {
    print("did:webvh resolution with anchor proofs (median of 100; µs):")
    print("  ledger size   latest   versionNumber=1")
    for size in sizes {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("medcred-webvh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledgerPath = folder.appendingPathComponent("ledger.sqlite").path
        let filler = try LedgerStore(path: ledgerPath)
        var count: UInt64 = 0
        while count + 2 < size {
            let batch = Int(min(size - 2 - count, 1024))
            _ = try await filler.append(
                contentsOf: (0..<batch).map { Array("{\"filler\":\(count + UInt64($0))}".utf8) })
            count += UInt64(batch)
        }
        try filler.close()

        let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_767_225_600) }  // 2026-01-01
        let logKey = try NoteSignerKey(name: "bench.medcred/ledger", privateKey: benchKey(0x42))
        let ledger = try LedgerLog(path: ledgerPath, signer: logKey, now: clock)
        let logs = try DIDLogStore(path: folder.appendingPathComponent("dids.sqlite").path)
        let registry = AnchoredDIDRegistry(ledger: ledger, logs: logs, clock: clock)
        let (first, second) = try sampleLog()
        let record = try await registry.create(first.entries[0])
        let did = try DID(parsing: first.entries[0].stateID)
        _ = try await registry.append(second.entries[1], to: did)
        _ = record

        let clockNow = ContinuousClock()
        var latest: [Double] = []
        var first1: [Double] = []
        for _ in 0..<100 {
            let t0 = clockNow.now
            let result = try await registry.resolveWithMetadata(did)
            let t1 = clockNow.now
            _ = try await registry.resolveWithMetadata(did, versionNumber: 1)
            let t2 = clockNow.now
            guard result.didDocumentMetadata["anchor"]?["verified"] == .bool(true) else {
                print("  anchor did not verify at size \(size)")
                return
            }
            latest.append(microseconds(t1 - t0))
            first1.append(microseconds(t2 - t1))
        }
        let total = try await ledger.store.size()
        print(
            "  \(String(total).padding(toLength: 12, withPad: " ", startingAt: 0))  "
                + "\(String(format: "%.0f", latest.sorted()[50]).padding(toLength: 7, withPad: " ", startingAt: 0))  "
                + String(format: "%.0f", first1.sorted()[50]))
        try ledger.close()
        try logs.close()
    }
}

private func benchKey(_ byte: UInt8) throws -> Ed25519.PrivateKey {
    try Ed25519.PrivateKey(seed: [UInt8](repeating: byte, count: 32))
}

/// A board's did:webvh: created with a committed next key, then rotated to it.
private func sampleLog() throws -> (WebVHLog, WebVHLog) {
    let key0 = try benchKey(1)
    let key1 = try benchKey(2)
    let multikey0 = Multikey(publicKey: key0.publicKey).multibase
    let multikey1 = Multikey(publicKey: key1.publicKey).multibase
    func document(_ id: String, _ key: String) -> JSONObject {
        [
            "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
            "id": .string(id),
            "verificationMethod": [
                [
                    "id": .string(id + "#key-1"), "type": "Multikey", "controller": .string(id),
                    "publicKeyMultibase": .string(key),
                ]
            ],
            "assertionMethod": [.string(id + "#key-1")],
        ]
    }
    let created = try WebVHLogWriter.create(
        document: document("did:webvh:{SCID}:boards.medcred.example:ca", multikey0),
        parameters: WebVHParameters(updateKeys: [multikey0], nextKeyHashes: [WebVHHash.keyHash(multikey1)]),
        versionTime: try XSDDateTime(parsing: "2025-01-01T00:00:00Z"), signer: Ed25519Signer(didKey: key0))
    let rotated = try WebVHLogWriter.update(
        created, document: document(created.entries[0].stateID, multikey1),
        parameters: WebVHParameters(updateKeys: [multikey1], nextKeyHashes: []),
        versionTime: try XSDDateTime(parsing: "2025-06-01T00:00:00Z"), signer: Ed25519Signer(didKey: key1))
    return (created, rotated)
}

private func microseconds(_ span: Duration) -> Double {
    Double(span.components.seconds) * 1e6 + Double(span.components.attoseconds) / 1e12
}
