import MedCredCore
import MedCredCrypto
import MedCredTestSupport
import Testing

/// did:key Method v0.9 parsing and expansion: https://w3c-ccg.github.io/did-method-key/
@Suite struct DIDKeyTests {
    /// A did:key text that must be refused, with the error.
    struct Rejection: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let error: DIDKeyError
        var testDescription: String { name }
    }

    /// `did:key:z` + base58btc of the given bytes.
    static func didKey(_ bytes: [UInt8]) -> String { "did:key:" + Multibase.encode(bytes, as: .base58btc) }

    static let key = Hex.decode("2e6fcce36701dc791488e0d0b1745cc1e33a4c1c9fcc41c63bd343dbbe0970e6")
    static let specMultikey = "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"

    static let rejections: [Rejection] = [
        .init(name: "not a DID", text: "z6MkhaXg", error: .invalidDID(.missingScheme)),
        .init(name: "empty", text: "", error: .invalidDID(.empty)),
        .init(
            name: "DID URL", text: "did:key:\(specMultikey)#\(specMultikey)",
            error: .invalidDID(.invalidCharacter("#", offset: 56))),
        .init(name: "upper-case scheme", text: "DID:key:\(specMultikey)", error: .invalidDID(.invalidScheme("DID"))),
        .init(name: "other method", text: "did:web:\(specMultikey)", error: .wrongMethod("web")),
        .init(
            name: "upper-case method", text: "did:KEY:\(specMultikey)", error: .invalidDID(.invalidMethodName("KEY"))),
        .init(name: "version 2", text: "did:key:2:\(specMultikey)", error: .unsupportedVersion("2")),
        .init(name: "version 0", text: "did:key:0:\(specMultikey)", error: .unsupportedVersion("0")),
        .init(name: "empty version", text: "did:key::\(specMultikey)", error: .unsupportedVersion("")),
        .init(
            name: "two extra parts", text: "did:key:1:1:\(specMultikey)",
            error: .unsupportedVersion("1:1:\(specMultikey)")),
        .init(
            name: "no multibase prefix", text: "did:key:6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
            error: .notBase58btc("6")),
        .init(
            name: "base64url multibase", text: "did:key:u7QEu" + String(repeating: "A", count: 40),
            error: .notBase58btc("u")),
        .init(
            name: "base16 multibase", text: "did:key:fed01" + String(repeating: "0", count: 64),
            error: .notBase58btc("f")),
        .init(
            name: "upper-case Z", text: "did:key:Z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
            error: .notBase58btc("Z")),
        .init(
            name: "base58 zero digit", text: "did:key:z6Mk0aXg",
            error: .invalidMultibase(.invalidCharacter("0", offset: 4))),
        .init(
            name: "base58 capital O", text: "did:key:z6MkOaXg",
            error: .invalidMultibase(.invalidCharacter("O", offset: 4))),
        .init(
            name: "percent-encoded", text: "did:key:z6Mk%41",
            error: .invalidMultibase(.invalidCharacter("%", offset: 4))),
        .init(name: "prefix only", text: "did:key:z", error: .invalidMulticodec(.malformedCode(.empty))),
        .init(name: "truncated varint", text: didKey([0xed]), error: .invalidMulticodec(.malformedCode(.truncated))),
        .init(
            name: "codec without key", text: didKey([0xed, 0x01]),
            error: .invalidMulticodec(.missingPayload(.ed25519Pub))),
        .init(
            name: "non-minimal varint", text: didKey([0xed, 0x81, 0x00] + key),
            error: .invalidMulticodec(.malformedCode(.nonCanonical(offset: 2)))),
        .init(name: "x25519 key", text: didKey([0xec, 0x01] + key), error: .unsupportedPublicKeyType(.x25519Pub)),
        .init(name: "p256 key", text: didKey([0x80, 0x24, 0x02] + key), error: .unsupportedPublicKeyType(.p256Pub)),
        .init(
            name: "ed25519 private key", text: didKey([0x80, 0x26] + key),
            error: .unsupportedPublicKeyType(.ed25519Priv)),
        .init(name: "sha2-256 digest", text: didKey([0x12, 0x20] + key), error: .unsupportedPublicKeyType(.sha2_256)),
        .init(
            name: "raw key without codec", text: didKey(key),
            error: .unsupportedPublicKeyType(Multicodec(rawValue: 0x2e))),
        .init(
            name: "31-byte key", text: didKey([0xed, 0x01] + key.dropLast()),
            error: .invalidPublicKeyLength(expected: 32, actual: 31)),
        .init(
            name: "33-byte key", text: didKey([0xed, 0x01] + key + [0]),
            error: .invalidPublicKeyLength(expected: 32, actual: 33)),
        .init(
            name: "1-byte key", text: didKey([0xed, 0x01, 0x00]),
            error: .invalidPublicKeyLength(expected: 32, actual: 1)),
        .init(
            name: "identity point", text: didKey([0xed, 0x01, 0x01] + [UInt8](repeating: 0, count: 31)),
            error: .invalidPublicKey),
        .init(
            name: "order-4 point (y = 0)", text: didKey([0xed, 0x01] + [UInt8](repeating: 0, count: 32)),
            error: .invalidPublicKey),
        .init(
            name: "order-2 point (y = -1)",
            text: didKey(
                [0xed, 0x01] + Hex.decode("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")),
            error: .invalidPublicKey),
        .init(
            name: "order-8 point",
            text: didKey(
                [0xed, 0x01] + Hex.decode("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a")),
            error: .invalidPublicKey),
        .init(
            name: "non-canonical identity (y = p + 1)",
            text: didKey(
                [0xed, 0x01] + Hex.decode("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")),
            error: .invalidPublicKey),
        .init(
            name: "not on the curve (y = 2)", text: didKey([0xed, 0x01, 0x02] + [UInt8](repeating: 0, count: 31)),
            error: .invalidPublicKey),
    ]

    @Test(arguments: rejections)
    func rejectsInvalidDIDKey(_ rejection: Rejection) {
        #expect(throws: rejection.error) { try DIDKey(parsing: rejection.text) }
    }

    @Test func rejectsAnotherMethodGivenAsADID() throws {
        let did = try DID(parsing: "did:example:\(Self.specMultikey)")
        #expect(throws: DIDKeyError.wrongMethod("example")) { try DIDKey(parsing: did) }
    }

    @Test func rejectsAnInvalidPointGivenAsAPublicKey() throws {
        let identity = try Ed25519.PublicKey(rawRepresentation: [0x01] + [UInt8](repeating: 0, count: 31))
        #expect(throws: DIDKeyError.invalidPublicKey) { try DIDKey(publicKey: identity) }
    }

    @Test func acceptsTheExplicitVersionOne() throws {
        let versioned = try DIDKey(parsing: "did:key:1:\(Self.specMultikey)")
        let plain = try DIDKey(parsing: "did:key:\(Self.specMultikey)")
        #expect(versioned.publicKey == plain.publicKey)
        #expect(versioned.multikey == Self.specMultikey)
        #expect(versioned.did.description == "did:key:1:\(Self.specMultikey)")
        #expect(versioned.document().id == versioned.did)
    }

    @Test func namesTheSpecError() {
        #expect(DIDKeyError.invalidDID(.empty).specErrorName == "invalidDid")
        #expect(DIDKeyError.notBase58btc("u").specErrorName == "invalidDid")
        #expect(DIDKeyError.unsupportedPublicKeyType(.x25519Pub).specErrorName == "unsupportedPublicKeyType")
        #expect(DIDKeyError.invalidPublicKeyLength(expected: 32, actual: 1).specErrorName == "invalidPublicKeyLength")
        #expect(DIDKeyError.invalidPublicKey.specErrorName == "invalidPublicKey")
    }

    @Test func leavesOutKeyAgreementWhenDerivationIsOff() throws {
        let document = try DIDKey(parsing: "did:key:\(Self.specMultikey)").document(
            enableEncryptionKeyDerivation: false)
        #expect(document.keyAgreement.isEmpty)
        #expect(document.json["keyAgreement"] == nil)
        #expect(document.assertionMethod.count == 1)
    }

    /// Property: for random seeds, the DID round-trips, the document round-trips through JSON, and a
    /// signature by the seed verifies with the key read back from the document.
    @Test func roundTripsRandomKeys() throws {
        var random = SplitMix64(seed: 0x4d65_6443_7265_6401)
        for iteration in 0..<64 {
            let privateKey = try Ed25519.PrivateKey(seed: random.bytes(count: 32))
            let key = DIDKey(privateKey: privateKey)
            let context = "seed \(random.seed), iteration \(iteration), \(key.did)"
            #expect(key.multikey.hasPrefix("z6Mk"), "\(context)")
            #expect(try DIDKey(parsing: key.did.description) == key, "\(context)")
            let document = key.document()
            #expect(try DIDDocument(json: document.json) == document, "\(context)")
            let method = document.verificationMethod(for: key.verificationMethodID, relationship: .assertionMethod)
            let multibase = try #require(method?.publicKeyMultibase, "\(context)")
            let split = try Multicodec.split(try Multibase.decode(multibase, expecting: .base58btc))
            let readBack = try Ed25519.PublicKey(rawRepresentation: split.payload)
            let message = random.bytes(count: 16)
            #expect(readBack.isValidSignature(privateKey.signature(for: message), for: message), "\(context)")
        }
    }

    /// Property: changing any one character of a did:key never yields the same key, and never crashes.
    @Test func detectsEveryOneCharacterChange() throws {
        var random = SplitMix64(seed: 0x6b65_7920_666c_6970)
        let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
        for iteration in 0..<16 {
            let key = DIDKey(privateKey: try Ed25519.PrivateKey(seed: random.bytes(count: 32)))
            var characters = Array(key.multikey)
            let position = 1 + Int(random.next() % UInt64(characters.count - 1))
            let original = characters[position]
            var replacement = original
            while replacement == original { replacement = alphabet[Int(random.next() % UInt64(alphabet.count))] }
            characters[position] = replacement
            let mutated = "did:key:" + String(characters)
            let context = "seed \(random.seed), iteration \(iteration), \(mutated)"
            if let parsed = try? DIDKey(parsing: mutated) {
                #expect(parsed.publicKey != key.publicKey, "\(context)")
            }
        }
    }
}
