import MedCredCrypto
import MedCredTestSupport
import Testing

/// One ECDSA P-256/SHA-256 signature of RFC 6979 Appendix A.2.5 (https://www.rfc-editor.org/rfc/rfc6979#appendix-A.2.5).
struct RFC6979Vector: Sendable, CustomTestStringConvertible {
    let message: String
    let r: String
    let s: String
    var testDescription: String { "RFC 6979 A.2.5 SHA-256 \"\(message)\"" }
    var signature: [UInt8] { Hex.decode(r) + Hex.decode(s) }
}

/// ES256 verification (RFC 7518 §3.4) against RFC 6979 A.2.5; no Wycheproof P-256 file is in `shared/vectors`.
/// The SD-JWT examples, signed with ES256, are verified in MedCredCoreTests.
@Suite struct P256Tests {
    static let ux = Hex.decode("60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6")
    static let uy = Hex.decode("7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299")
    static let vectors = [
        RFC6979Vector(
            message: "sample", r: "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716",
            s: "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8"),
        RFC6979Vector(
            message: "test", r: "F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367",
            s: "019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083"),
    ]

    static func key() throws -> P256.PublicKey { try P256.PublicKey(x: ux, y: uy) }

    @Test(arguments: vectors)
    func verifiesRFC6979Signature(_ vector: RFC6979Vector) throws {
        #expect(try Self.key().isValidSignature(vector.signature, for: Array(vector.message.utf8)))
    }

    @Test(arguments: vectors)
    func rejectsSignatureOverAnotherMessage(_ vector: RFC6979Vector) throws {
        let key = try Self.key()
        #expect(!key.isValidSignature(vector.signature, for: Array((vector.message + "!").utf8)))
        #expect(!key.isValidSignature(vector.signature, for: [UInt8]()))
    }

    @Test func rejectsSignatureAfterAnySingleBitFlip() throws {
        let key = try Self.key()
        let vector = Self.vectors[0]
        let message = Array(vector.message.utf8)
        for bit in 0..<(vector.signature.count * 8) {
            var flipped = vector.signature
            flipped[bit / 8] ^= 1 << UInt8(bit % 8)
            #expect(!key.isValidSignature(flipped, for: message), "bit \(bit)")
        }
    }

    @Test func rejectsSwappedTruncatedOrPaddedSignature() throws {
        let key = try Self.key()
        let vector = Self.vectors[0]
        let message = Array(vector.message.utf8)
        #expect(!key.isValidSignature(Hex.decode(vector.s) + Hex.decode(vector.r), for: message))
        #expect(!key.isValidSignature(vector.signature.dropLast(), for: message))
        #expect(!key.isValidSignature(vector.signature + [0], for: message))
        #expect(!key.isValidSignature([0] + vector.signature, for: message))
        #expect(!key.isValidSignature([UInt8](), for: message))
    }

    @Test func rejectsZeroRAndS() throws {
        let key = try Self.key()
        let vector = Self.vectors[0]
        let zero = [UInt8](repeating: 0, count: 32)
        let message = Array(vector.message.utf8)
        #expect(!key.isValidSignature(zero + Hex.decode(vector.s), for: message))
        #expect(!key.isValidSignature(Hex.decode(vector.r) + zero, for: message))
        #expect(!key.isValidSignature(zero + zero, for: message))
    }

    @Test func rejectsTheSignatureUnderAnotherKey() throws {
        // The generator G of P-256 (SEC 2 §2.4.2): a valid point, but not the signer's key.
        let other = try P256.PublicKey(
            x: Hex.decode("6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296"),
            y: Hex.decode("4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5"))
        let vector = Self.vectors[0]
        #expect(!other.isValidSignature(vector.signature, for: Array(vector.message.utf8)))
    }

    @Test func rejectsPointNotOnTheCurve() {
        var y = Self.uy
        y[31] ^= 1
        #expect(throws: CryptoError.invalidPublicKey) { try P256.PublicKey(x: Self.ux, y: y) }
        let zero = [UInt8](repeating: 0, count: 32)
        #expect(throws: CryptoError.invalidPublicKey) { try P256.PublicKey(x: zero, y: zero) }
    }

    @Test func rejectsCoordinatesOfWrongLength() {
        #expect(throws: CryptoError.invalidLength(what: "P-256 x coordinate", expected: 32, actual: 31)) {
            try P256.PublicKey(x: Array(Self.ux.dropFirst()), y: Self.uy)
        }
        #expect(throws: CryptoError.invalidLength(what: "P-256 y coordinate", expected: 32, actual: 33)) {
            try P256.PublicKey(x: Self.ux, y: [0] + Self.uy)
        }
    }

    @Test func keepsTheCoordinates() throws {
        #expect(try Self.key().rawRepresentation == Self.ux + Self.uy)
        #expect(try Self.key() == Self.key())
    }
}
