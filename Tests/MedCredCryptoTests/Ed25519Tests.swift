import MedCredCrypto
import MedCredTestSupport
import Testing

@Suite struct Ed25519Tests {
    private let seed = Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")

    @Test func rejectsSeedOfWrongLength() {
        #expect(throws: CryptoError.invalidLength(what: "Ed25519 seed", expected: 32, actual: 31)) {
            try Ed25519.PrivateKey(seed: Array(seed.prefix(31)))
        }
        #expect(throws: CryptoError.invalidLength(what: "Ed25519 seed", expected: 32, actual: 33)) {
            try Ed25519.PrivateKey(seed: seed + [0])
        }
        #expect(throws: CryptoError.invalidLength(what: "Ed25519 seed", expected: 32, actual: 0)) {
            try Ed25519.PrivateKey(seed: [UInt8]())
        }
    }

    @Test func rejectsPublicKeyOfWrongLength() {
        #expect(throws: CryptoError.self) { try Ed25519.PublicKey(rawRepresentation: [UInt8](repeating: 1, count: 31)) }
        #expect(throws: CryptoError.self) { try Ed25519.PublicKey(rawRepresentation: [UInt8](repeating: 1, count: 64)) }
    }

    @Test func rejectsSignatureOfWrongLength() throws {
        let key = try Ed25519.PrivateKey(seed: seed)
        let signature = key.signature(for: [1, 2, 3])
        #expect(!key.publicKey.isValidSignature(signature.dropLast(), for: [1, 2, 3]))
        #expect(!key.publicKey.isValidSignature(signature + [0], for: [1, 2, 3]))
        #expect(!key.publicKey.isValidSignature([UInt8](), for: [1, 2, 3]))
    }

    @Test func rejectsSignatureByAnotherKey() throws {
        let key = try Ed25519.PrivateKey(seed: seed)
        let other = Ed25519.PrivateKey()
        #expect(!other.publicKey.isValidSignature(key.signature(for: [9]), for: [9]))
    }

    @Test func rejectsSignatureOverAnotherMessage() throws {
        let key = try Ed25519.PrivateKey(seed: seed)
        #expect(!key.publicKey.isValidSignature(key.signature(for: [9]), for: [8]))
        #expect(!key.publicKey.isValidSignature(key.signature(for: [9]), for: []))
    }

    /// STYLE.md §8: any single-bit flip of a signature, or of the message, must fail.
    @Test func rejectsEverySingleBitFlip() throws {
        var random = SplitMix64(seed: 0x5EED_0001)
        for round in 0..<8 {
            let key = try Ed25519.PrivateKey(seed: random.bytes(count: 32))
            let message = random.bytes(count: 1 + round * 13)
            let signature = key.signature(for: message)
            #expect(key.publicKey.isValidSignature(signature, for: message), "seed \(random.seed) round \(round)")
            for bit in 0..<(signature.count * 8) {
                var flipped = signature
                flipped[bit / 8] ^= 1 << (bit % 8)
                #expect(!key.publicKey.isValidSignature(flipped, for: message), "seed \(random.seed) sig bit \(bit)")
            }
            for bit in 0..<(message.count * 8) {
                var flipped = message
                flipped[bit / 8] ^= 1 << (bit % 8)
                #expect(!key.publicKey.isValidSignature(signature, for: flipped), "seed \(random.seed) msg bit \(bit)")
            }
        }
    }

    @Test func randomKeysDiffer() {
        #expect(Ed25519.PrivateKey().publicKey != Ed25519.PrivateKey().publicKey)
    }

    @Test func exportedSeedRecreatesTheKey() throws {
        let key = Ed25519.PrivateKey()
        let again = try Ed25519.PrivateKey(seed: key.exportSeed())
        #expect(again.publicKey == key.publicKey)
    }

    @Test func descriptionRevealsNoSecret() throws {
        let key = try Ed25519.PrivateKey(seed: seed)
        #expect(!String(describing: key).contains("9d61"))
        #expect(!String(describing: key.exportSeed()).contains("9d61"))
        #expect(String(describing: key.exportSeed()).contains("redacted"))
    }

    /// did:key derives X25519 from Ed25519 (RFC 7748 birational map); the value below is the did:key
    /// vector for the all-zero seed, whose X25519 key is 7By6kV2t… in base58.
    @Test func convertsToX25519() throws {
        let key = try Ed25519.PrivateKey(seed: [UInt8](repeating: 0, count: 32))
        let x25519 = try key.publicKey.x25519PublicKey()
        #expect(Hex.encode(x25519) == "5bf55c73b82ebe22be80f3430667af570fae2556a6415e6b30d4065300aa947d")
    }

    @Test func refusesX25519ForSmallOrderPoint() throws {
        // The identity point (y = 1) has small order; libsodium refuses to convert it.
        var identity = [UInt8](repeating: 0, count: 32)
        identity[0] = 1
        let key = try Ed25519.PublicKey(rawRepresentation: identity)
        #expect(throws: CryptoError.invalidPublicKey) { try key.x25519PublicKey() }
    }
}
