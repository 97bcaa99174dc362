import MedCredCore
import MedCredCrypto
import MedCredTestSupport
import Testing

/// Multikey encoding of Ed25519 keys (W3C Controlled Identifiers v1.0 §2.2.2, https://www.w3.org/TR/cid-1.0/#Multikey).
@Suite struct MultikeyTests {
    static let vectorPublic = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
    static let vectorSecret = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"

    static func encoded(_ codec: Multicodec, _ payload: [UInt8]) -> String {
        Multibase.encode(Multicodec.prefix(payload, with: codec), as: .base58btc)
    }

    @Test func roundTripsAPublicKey() throws {
        let key = try Multikey(multibase: Self.vectorPublic)
        #expect(key.multibase == Self.vectorPublic)
        #expect(key.description == Self.vectorPublic)
        #expect(Multikey(publicKey: key.publicKey) == key)
    }

    @Test func roundTripsASecretKey() throws {
        let key = try seededKey(9)
        let text = Multikey.secretKeyMultibase(for: key)
        #expect(text.hasPrefix("z3u2"))
        #expect(try Multikey.privateKey(secretKeyMultibase: text).publicKey == key.publicKey)
    }

    static let publicRejections: [(String, MultikeyError)] = [
        ("", .invalidMultibase(.empty)),
        ("u7QGrNmj", .notBase58btc("u")),
        ("f" + Hex.encode([0xed, 0x01] + [UInt8](repeating: 1, count: 32)), .notBase58btc("f")),
        ("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ0", .invalidMultibase(.invalidCharacter("0", offset: 47))),
        ("z", .invalidMulticodec(.malformedCode(.empty))),
        ("z" + Base58.encode([0xed, 0x01]), .invalidMulticodec(.missingPayload(.ed25519Pub))),
        (encoded(.x25519Pub, [UInt8](repeating: 1, count: 32)), .wrongCodec(expected: .ed25519Pub, actual: .x25519Pub)),
        (
            encoded(.ed25519Priv, [UInt8](repeating: 1, count: 32)),
            .wrongCodec(expected: .ed25519Pub, actual: .ed25519Priv)
        ),
        (encoded(.p256Pub, [UInt8](repeating: 2, count: 33)), .wrongCodec(expected: .ed25519Pub, actual: .p256Pub)),
        (encoded(.ed25519Pub, [UInt8](repeating: 1, count: 31)), .invalidKeyLength(expected: 32, actual: 31)),
        (encoded(.ed25519Pub, [UInt8](repeating: 1, count: 33)), .invalidKeyLength(expected: 32, actual: 33)),
    ]

    @Test(arguments: publicRejections)
    func rejectsMalformedPublicKeys(text: String, error: MultikeyError) {
        #expect(throws: error) { try Multikey(multibase: text) }
    }

    static let secretRejections: [(String, MultikeyError)] = [
        (vectorPublic, .wrongCodec(expected: .ed25519Priv, actual: .ed25519Pub)),
        (encoded(.ed25519Priv, [UInt8](repeating: 1, count: 31)), .invalidKeyLength(expected: 32, actual: 31)),
        (encoded(.ed25519Priv, [UInt8](repeating: 1, count: 64)), .invalidKeyLength(expected: 32, actual: 64)),
        (
            "u" + Base64URL.encode(Multicodec.prefix([UInt8](repeating: 1, count: 32), with: .ed25519Priv)),
            .notBase58btc("u")
        ),
    ]

    @Test(arguments: secretRejections)
    func rejectsMalformedSecretKeys(text: String, error: MultikeyError) {
        #expect(throws: error) { try Multikey.privateKey(secretKeyMultibase: text) }
    }

    /// The secret key format never shows up in a signer's description.
    @Test func signerDescriptionHidesTheKey() throws {
        let signer = Ed25519Signer(didKey: try seededKey(4))
        #expect(signer.description == "Ed25519Signer(\(signer.verificationMethod))")
        #expect(!signer.description.contains(Multikey.secretKeyMultibase(for: try seededKey(4))))
        #expect(signer.verificationMethod.hasPrefix("did:key:z6Mk"))
    }
}
