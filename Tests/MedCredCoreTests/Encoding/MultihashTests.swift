import MedCredCore
import MedCredCrypto
import MedCredTestSupport
import Testing

/// A known sha2-256 multihash; digests are the well-known SHA-256 values (FIPS 180-4, multihash README).
struct MultihashKnownAnswer: Sendable, CustomTestStringConvertible {
    let name: String
    let data: String
    let hex: String
    var testDescription: String { name }
}

@Suite struct MultihashTests {
    static let knownAnswers: [MultihashKnownAnswer] = [
        .init(name: "empty", data: "", hex: "1220e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        .init(
            name: "hello-world", data: "hello world",
            hex: "1220b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"),
        .init(
            name: "multihash-readme", data: "Merkle–Damgård",
            hex: "122041dd7b6443542e75701aa98a0c235951a28a0d851b11564d20022ab11d2589a8"),
    ]

    @Test(arguments: knownAnswers)
    func hashesKnownAnswer(_ answer: MultihashKnownAnswer) {
        #expect(Hex.encode(Multihash.sha256(Array(answer.data.utf8))) == answer.hex)
    }

    @Test(arguments: knownAnswers)
    func decodesKnownAnswer(_ answer: MultihashKnownAnswer) throws {
        let decoded = try Multihash.decode(Hex.decode(answer.hex))
        #expect(decoded.codec == .sha2_256)
        #expect(Hex.encode(decoded.digest) == String(answer.hex.dropFirst(4)))
    }

    @Test func decodesOtherHashFunctionsWithConsistentLengths() throws {
        #expect(try Multihash.decode(Hex.decode("0003616263")) == (.identity, Array("abc".utf8)))
        #expect(try Multihash.decode([0x00, 0x00]) == (.identity, []))
        let sha512 = [0x13, 0x40] + [UInt8](repeating: 7, count: 64)
        #expect(try Multihash.decode(sha512) == (Multicodec(rawValue: 0x13), [UInt8](repeating: 7, count: 64)))
    }

    @Test(arguments: try EncodingFixture.load(codec: "multihash"))
    func rejectsFixture(_ fixture: EncodingFixture) throws {
        let want = try fixture.wantError.multihash()
        let bytes = try fixture.bytes()
        #expect(throws: want) { try Multihash.decode(bytes) }
    }

    @Test func roundTripsRandomData() throws {
        var random = SplitMix64(seed: 0x5EED_0012)
        for iteration in 0..<300 {
            let data = random.bytes(count: Int(random.next() % 200))
            let multihash = Multihash.sha256(data)
            #expect(multihash.count == 34)
            #expect(
                try Multihash.decode(multihash) == (.sha2_256, SHA256.hash(data)),
                "seed \(random.seed) iteration \(iteration)")
        }
    }

    /// Cutting a multihash anywhere, or appending a byte, never decodes.
    @Test func rejectsEveryTruncationAndAppendedByte() {
        var random = SplitMix64(seed: 0x5EED_0112)
        for iteration in 0..<50 {
            let multihash = Multihash.sha256(random.bytes(count: 16))
            for cut in 0..<multihash.count {
                let want: MultihashError =
                    switch cut {
                    case 0: .malformedCode(.empty)
                    case 1: .malformedLength(.empty)
                    default: .digestLengthMismatch(declared: 32, actual: cut - 2)
                    }
                #expect(throws: want, "seed \(random.seed) iteration \(iteration) cut \(cut)") {
                    try Multihash.decode(multihash.prefix(cut))
                }
            }
            let extra = UInt8(truncatingIfNeeded: random.next())
            #expect(throws: MultihashError.digestLengthMismatch(declared: 32, actual: 33), "seed \(random.seed)") {
                try Multihash.decode(multihash + [extra])
            }
        }
    }
}
