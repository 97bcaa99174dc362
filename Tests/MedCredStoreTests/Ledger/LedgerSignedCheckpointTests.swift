import MedCredCrypto
import MedCredLedger
import MedCredStore
import Testing

/// The checkpoint hook with the ledger's real C2SP signer: every stored note is a signed tlog-checkpoint for
/// exactly the size and root the store committed.
@Suite struct LedgerSignedCheckpointTests {
    private static let origin = "medcred.test/ledger"

    @Test func storesASignedC2SPCheckpointForEveryBatch() async throws {
        let signer = try NoteSignerKey(
            name: Self.origin, privateKey: try Ed25519.PrivateKey(seed: [UInt8](repeating: 0x42, count: 32)))
        let ledger = try TemporaryLedger()
        let store = try ledger.open(
            LedgerStore.Configuration(checkpointNote: { size, root in
                guard let checkpoint = try? Checkpoint(origin: Self.origin, treeSize: size, rootHash: root) else {
                    return nil
                }
                let text = checkpoint.text
                return SignedNote(text: text, signatures: [signer.signature(forText: text)]).formatted
            }))
        _ = try await store.append(contentsOf: (0..<5).map(entry))
        _ = try await store.append(entry(5))
        let stored = try await store.checkpoints()
        #expect(stored.map(\.size) == [5, 6])
        for record in stored {
            let note = try SignedNote(parsing: try #require(record.signedNote))
            #expect(note.verify(with: [signer.verifierKey]).isVerified, "size \(record.size)")
            let checkpoint = try Checkpoint(parsing: note.text, expectedOrigin: Self.origin)
            #expect(checkpoint.treeSize == record.size)
            #expect(checkpoint.rootHash == record.root)
            #expect(try await store.root(size: record.size) == record.root)
        }
    }
}
