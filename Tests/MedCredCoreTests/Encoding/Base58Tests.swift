import MedCredCore
import MedCredTestSupport
import Testing

/// A known base58btc encoding; the text ones are the examples of draft-msporny-base58-03 §5.
struct Base58KnownAnswer: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let text: String
    var testDescription: String { name }
}

@Suite struct Base58Tests {
    static let knownAnswers: [Base58KnownAnswer] = [
        .init(name: "hello-world", bytes: Array("Hello World!".utf8), text: "2NEpo7TZRRrLZSi2U"),
        .init(
            name: "quick-brown-fox", bytes: Array("The quick brown fox jumps over the lazy dog.".utf8),
            text: "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z"),
        .init(name: "two-leading-zero-bytes", bytes: Hex.decode("0000287fb4cd"), text: "11233QC4"),
        .init(name: "empty", bytes: [], text: ""),
        .init(name: "only-zero-bytes", bytes: [0, 0, 0], text: "111"),
        .init(name: "digit-boundary-57", bytes: [57], text: "z"),
        .init(name: "digit-boundary-58", bytes: [58], text: "21"),
        .init(name: "byte-255", bytes: [255], text: "5Q"),
    ]

    /// Every printable or control ASCII character that is not a base58btc digit.
    static let nonDigits: [Character] = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }.filter {
        !"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".contains($0)
    }

    @Test(arguments: knownAnswers)
    func encodesKnownAnswer(_ answer: Base58KnownAnswer) {
        #expect(Base58.encode(answer.bytes) == answer.text)
    }

    @Test(arguments: knownAnswers)
    func decodesKnownAnswer(_ answer: Base58KnownAnswer) throws {
        #expect(try Base58.decode(answer.text) == answer.bytes)
    }

    @Test(arguments: try EncodingFixture.load(codec: "base58"))
    func rejectsFixture(_ fixture: EncodingFixture) throws {
        let want = try fixture.wantError.base58()
        let text = try fixture.text()
        #expect(throws: want) { try Base58.decode(text) }
    }

    @Test(arguments: nonDigits)
    func rejectsNonDigitAnywhere(_ character: Character) {
        var random = SplitMix64(seed: 0xBA5E_58)
        for _ in 0..<20 {
            let valid = Base58.encode(random.bytes(count: Int(random.next() % 40) + 1))
            let offset = Int(random.next() % UInt64(valid.count + 1))
            var text = valid
            text.insert(character, at: text.index(text.startIndex, offsetBy: offset))
            #expect(
                throws: Base58Error.invalidCharacter(character, offset: offset),
                "seed \(random.seed): \(character.unicodeScalars) at \(offset) in \(valid)"
            ) { try Base58.decode(text) }
        }
    }

    @Test func roundTripsRandomBytesWithLeadingZeros() throws {
        var random = SplitMix64(seed: 0x5EED_0058)
        for iteration in 0..<1_000 {
            let zeros = Int(random.next() % 4)
            let bytes = [UInt8](repeating: 0, count: zeros) + random.bytes(count: Int(random.next() % 100))
            let text = Base58.encode(bytes)
            #expect(text.prefix(while: { $0 == "1" }).count == bytes.prefix(while: { $0 == 0 }).count)
            #expect(
                try Base58.decode(text) == bytes,
                "seed \(random.seed) iteration \(iteration): \(Hex.encode(bytes))")
        }
    }

    @Test func matchesTextbookAlgorithm() {
        var random = SplitMix64(seed: 0x5EED_0158)
        for iteration in 0..<300 {
            let bytes =
                [UInt8](repeating: 0, count: Int(random.next() % 3)) + random.bytes(count: Int(random.next() % 70))
            #expect(
                Base58.encode(bytes) == Self.textbookEncode(bytes),
                "seed \(random.seed) iteration \(iteration): \(Hex.encode(bytes))")
        }
    }

    @Test func roundTripsLongInput() throws {
        var random = SplitMix64(seed: 0x5EED_0258)
        let bytes = random.bytes(count: 1_024)
        #expect(try Base58.decode(Base58.encode(bytes)) == bytes, "seed \(random.seed)")
        #expect(Base58.encode(bytes) == Self.textbookEncode(bytes), "seed \(random.seed)")
    }

    @Test func decodesEveryStringOverTheAlphabetCanonically() throws {
        var random = SplitMix64(seed: 0x5EED_0358)
        let digits = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
        for iteration in 0..<500 {
            let text = String((0..<Int(random.next() % 60)).map { _ in digits[Int(random.next() % 58)] })
            #expect(
                Base58.encode(try Base58.decode(text)) == text, "seed \(random.seed) iteration \(iteration): \(text)")
        }
    }

    /// The byte-at-a-time long division of draft-msporny-base58-03 §3, as an independent oracle.
    private static func textbookEncode(_ bytes: [UInt8]) -> String {
        let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
        let zeros = bytes.prefix(while: { $0 == 0 }).count
        var digits: [Int] = []  // little-endian base 58
        for byte in bytes.dropFirst(zeros) {
            var carry = Int(byte)
            for index in digits.indices {
                carry += digits[index] << 8
                digits[index] = carry % 58
                carry /= 58
            }
            while carry > 0 {
                digits.append(carry % 58)
                carry /= 58
            }
        }
        return String(repeating: "1", count: zeros) + String(digits.reversed().map { alphabet[$0] })
    }
}
