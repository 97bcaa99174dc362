import MedCredCore
import MedCredTestSupport
import Testing

/// A known unsigned varint: the examples of https://github.com/multiformats/unsigned-varint plus the edges.
struct VarintKnownAnswer: Sendable, CustomTestStringConvertible {
    let value: UInt64
    let hex: String
    var testDescription: String { "\(value)" }
}

@Suite struct UnsignedVarintTests {
    static let knownAnswers: [VarintKnownAnswer] = [
        .init(value: 0, hex: "00"),
        .init(value: 1, hex: "01"),
        .init(value: 127, hex: "7f"),
        .init(value: 128, hex: "8001"),
        .init(value: 255, hex: "ff01"),
        .init(value: 300, hex: "ac02"),
        .init(value: 16_384, hex: "808001"),
        .init(value: UnsignedVarint.maxValue, hex: "ffffffffffffffff7f"),
    ]

    @Test(arguments: knownAnswers)
    func encodesKnownAnswer(_ answer: VarintKnownAnswer) {
        #expect(Hex.encode(UnsignedVarint.encode(answer.value)) == answer.hex)
    }

    @Test(arguments: knownAnswers)
    func decodesKnownAnswer(_ answer: VarintKnownAnswer) throws {
        let decoded = try UnsignedVarint.decode(Hex.decode(answer.hex))
        #expect(decoded.value == answer.value)
        #expect(decoded.length == answer.hex.count / 2)
    }

    @Test(arguments: try EncodingFixture.load(codec: "varint"))
    func rejectsFixture(_ fixture: EncodingFixture) throws {
        let want = try fixture.wantError.varint()
        let bytes = try fixture.bytes()
        #expect(throws: want) { try UnsignedVarint.decode(bytes) }
    }

    /// The largest and smallest value of every length, 1 to 9 bytes.
    @Test(arguments: 1...UnsignedVarint.maxByteCount)
    func usesTheMinimalLengthAtEveryBoundary(_ length: Int) throws {
        let smallest: UInt64 = length == 1 ? 0 : 1 << UInt64(7 * (length - 1))
        let largest: UInt64 = length == 9 ? UnsignedVarint.maxValue : (1 << UInt64(7 * length)) - 1
        for value in [smallest, largest] {
            let bytes = UnsignedVarint.encode(value)
            #expect(bytes.count == length, "\(value)")
            #expect(try UnsignedVarint.decode(bytes) == (value, length), "\(value)")
        }
    }

    @Test func roundTripsRandomValues() throws {
        var random = SplitMix64(seed: 0x5EED_0007)
        for iteration in 0..<2_000 {
            // Spread over every length: keep a random number of the low bits of a 63-bit value.
            let value = (random.next() & UnsignedVarint.maxValue) >> (random.next() % 63)
            let bytes = UnsignedVarint.encode(value)
            let decoded = try UnsignedVarint.decode(bytes + random.bytes(count: Int(random.next() % 3)))
            #expect(
                decoded.value == value && decoded.length == bytes.count,
                "seed \(random.seed) iteration \(iteration): \(value)")
        }
    }

    @Test func rejectsEveryTruncation() {
        var random = SplitMix64(seed: 0x5EED_0107)
        for iteration in 0..<300 {
            let bytes = UnsignedVarint.encode((random.next() & UnsignedVarint.maxValue) >> (random.next() % 63))
            for cut in 0..<bytes.count {
                let want: VarintError = cut == 0 ? .empty : .truncated
                #expect(throws: want, "seed \(random.seed) iteration \(iteration) cut \(cut)") {
                    try UnsignedVarint.decode(bytes.prefix(cut))
                }
            }
        }
    }

    /// Setting the last byte's high bit and appending `00` keeps the value but is not minimal.
    @Test func rejectsEveryZeroPadding() {
        var random = SplitMix64(seed: 0x5EED_0207)
        for iteration in 0..<300 {
            var bytes = UnsignedVarint.encode((random.next() & UnsignedVarint.maxValue) >> (random.next() % 63))
            bytes[bytes.count - 1] |= 0x80
            bytes.append(0)
            let want: VarintError = bytes.count > 9 ? .overflow : .nonCanonical(offset: bytes.count - 1)
            #expect(throws: want, "seed \(random.seed) iteration \(iteration): \(Hex.encode(bytes))") {
                try UnsignedVarint.decode(bytes)
            }
        }
    }

    @Test func readsOnlyTheVarintBeforeTrailingBytes() throws {
        let decoded = try UnsignedVarint.decode([0xed, 0x01, 0xff, 0xff])
        #expect(decoded.value == 0xed && decoded.length == 2)
    }

    @Test func decodesFromASliceWithItsOwnIndices() throws {
        let bytes: [UInt8] = [0xff, 0xac, 0x02, 0x99]
        #expect(try UnsignedVarint.decode(bytes[1...]) == (300, 2))
    }

    /// 2^63 has no 9-byte encoding; encoding it is a programming error (see ``UnsignedVarint/encode(_:)``).
    @Test func trapsOnValuesAboveTheNineByteLimit() async {
        await #expect(processExitsWith: .failure) {
            _ = UnsignedVarint.encode(1 << 63)
        }
    }
}
