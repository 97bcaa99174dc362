import Foundation
import MedCredCore
import MedCredTestSupport
import Testing

/// A known base64url encoding: RFC 4648 §10 test vectors without padding, plus the two URL-safe digits.
struct Base64URLKnownAnswer: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let text: String
    var testDescription: String { name }
}

@Suite struct Base64URLTests {
    static let knownAnswers: [Base64URLKnownAnswer] = [
        .init(name: "rfc4648-empty", bytes: [], text: ""),
        .init(name: "rfc4648-f", bytes: Array("f".utf8), text: "Zg"),
        .init(name: "rfc4648-fo", bytes: Array("fo".utf8), text: "Zm8"),
        .init(name: "rfc4648-foo", bytes: Array("foo".utf8), text: "Zm9v"),
        .init(name: "rfc4648-foob", bytes: Array("foob".utf8), text: "Zm9vYg"),
        .init(name: "rfc4648-fooba", bytes: Array("fooba".utf8), text: "Zm9vYmE"),
        .init(name: "rfc4648-foobar", bytes: Array("foobar".utf8), text: "Zm9vYmFy"),
        .init(name: "url-safe-digits", bytes: [0xfb, 0xff, 0xbf], text: "-_-_"),
        .init(name: "url-safe-digits-partial", bytes: [0xfb, 0xff], text: "-_8"),
    ]

    /// Every ASCII character that is not a base64url digit: `=`, `+`, `/`, whitespace, controls and the rest.
    static let nonDigits: [Character] = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }.filter {
        !"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".contains($0)
    }

    @Test(arguments: knownAnswers)
    func encodesKnownAnswer(_ answer: Base64URLKnownAnswer) {
        #expect(Base64URL.encode(answer.bytes) == answer.text)
    }

    @Test(arguments: knownAnswers)
    func decodesKnownAnswer(_ answer: Base64URLKnownAnswer) throws {
        #expect(try Base64URL.decode(answer.text) == answer.bytes)
    }

    @Test(arguments: try EncodingFixture.load(codec: "base64url"))
    func rejectsFixture(_ fixture: EncodingFixture) throws {
        let want = try fixture.wantError.base64URL()
        let text = try fixture.text()
        #expect(throws: want) { try Base64URL.decode(text) }
    }

    @Test(arguments: nonDigits)
    func rejectsNonDigitAnywhere(_ character: Character) {
        var random = SplitMix64(seed: 0xBA5E_64)
        for _ in 0..<20 {
            let valid = Base64URL.encode(random.bytes(count: Int(random.next() % 40)))
            let offset = Int(random.next() % UInt64(valid.count + 1))
            var text = valid
            text.insert(character, at: text.index(text.startIndex, offsetBy: offset))
            #expect(
                throws: Base64URLError.invalidCharacter(character, offset: offset),
                "seed \(random.seed): \(character.unicodeScalars) at \(offset) in \(valid)"
            ) { try Base64URL.decode(text) }
        }
    }

    /// Every byte of a final 1- or 2-byte group, with every non-zero pattern of the unused bits (RFC 4648 §3.5).
    @Test func rejectsEveryNonCanonicalTail() throws {
        let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        for byte in UInt8.min...UInt8.max {
            for tail in [[byte], [0x42, byte]] {
                let canonical = Base64URL.encode(tail)
                let lastDigit = try #require(canonical.last)
                let last = try #require(digits.firstIndex(of: lastDigit))
                let unusedBits = tail.count == 1 ? 4 : 2
                for pattern in 1..<(1 << unusedBits) {
                    let text = String(canonical.dropLast()) + String(digits[last | pattern])
                    #expect(
                        throws: Base64URLError.nonCanonical(offset: canonical.count - 1),
                        "\(Hex.encode(tail)) as \(text)"
                    ) { try Base64URL.decode(text) }
                }
            }
        }
    }

    @Test func rejectsEveryLengthOneMoreThanAMultipleOfFour() {
        var random = SplitMix64(seed: 0x5EED_0164)
        for groups in 0..<20 {
            let text = Base64URL.encode(random.bytes(count: groups * 3)) + "A"
            #expect(throws: Base64URLError.invalidLength(groups * 4 + 1), "seed \(random.seed) groups \(groups)") {
                try Base64URL.decode(text)
            }
        }
    }

    @Test func roundTripsRandomBytes() throws {
        var random = SplitMix64(seed: 0x5EED_0064)
        for iteration in 0..<1_000 {
            let bytes = random.bytes(count: Int(random.next() % 200))
            #expect(
                try Base64URL.decode(Base64URL.encode(bytes)) == bytes,
                "seed \(random.seed) iteration \(iteration): \(Hex.encode(bytes))")
        }
    }

    /// Foundation's base64 with the RFC 4648 §5 substitutions and the padding stripped is an independent oracle.
    @Test func matchesFoundationBase64() {
        var random = SplitMix64(seed: 0x5EED_0264)
        for iteration in 0..<500 {
            let bytes = random.bytes(count: Int(random.next() % 100))
            let oracle = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            #expect(Base64URL.encode(bytes) == oracle, "seed \(random.seed) iteration \(iteration)")
        }
    }

    @Test func encodesSequencesThatAreNotArrays() {
        let bytes: ArraySlice<UInt8> = [0, 0xfb, 0xff, 0xbf, 0][1..<4]
        #expect(Base64URL.encode(bytes) == "-_-_")
        #expect(Base64URL.encode(Array("foobar".utf8).reversed()) == Base64URL.encode(Array("raboof".utf8)))
    }
}
