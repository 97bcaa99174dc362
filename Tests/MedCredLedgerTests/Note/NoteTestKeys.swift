import MedCredCrypto
import MedCredLedger

/// Fixed keys for our own note cases (deterministic, never secret).
enum NoteTestKeys {
    static func signer(_ name: String, seedByte: UInt8, type: NoteSignatureType = .ed25519) throws -> NoteSignerKey {
        try NoteSignerKey(
            name: name, privateKey: Ed25519.PrivateKey(seed: [UInt8](repeating: seedByte, count: 32)), type: type)
    }
}
