import MedCredCore
import MedCredTestSupport
import Testing

/// A stand-in for GZIP (Core tests cannot link zlib): a one-byte frame `0x1f` around the bytes, so the
/// encoding and the error paths are testable without a compressor. GZIP itself is tested in
/// `MedCredServiceTests/StatusList`.
enum FramedCompression {
    static func compress(_ bytes: [UInt8]) throws(StatusListCompressionError) -> [UInt8] { [0x1f] + bytes }

    static func decompress(_ bytes: [UInt8]) throws(StatusListCompressionError) -> [UInt8] {
        guard bytes.first == 0x1f else { throw .corruptData }
        return Array(bytes.dropFirst())
    }
}

/// ``BitstringStatusList``: bit order, sizes, bounds and the `encodedList` form (W3C Bitstring Status List
/// v1.0 §3.1).
@Suite struct BitstringStatusListTests {
    @Test func defaultsToTheMinimum131072EntriesIn16KB() throws {
        let list = try BitstringStatusList()
        #expect(list.count == 131_072)
        #expect(list.bytes.count == 16_384)
        #expect(list.statusSize == 1)
        #expect(try list.status(at: 0) == 0)
        #expect(try list.status(at: 131_071) == 0)
    }

    @Test func indexZeroIsTheMostSignificantBitOfByteZero() throws {
        var list = try BitstringStatusList()
        try list.setStatus(1, at: 0)
        #expect(list.bytes[0] == 0x80)
        try list.setStatus(1, at: 7)
        #expect(list.bytes[0] == 0x81)
        try list.setStatus(1, at: 8)
        #expect(list.bytes[1] == 0x80)
        list[131_071] = true
        #expect(list.bytes[16_383] == 0x01)
        #expect(list[0] && list[7] && list[8] && list[131_071])
        #expect(!list[1] && !list[6] && !list[9] && !list[131_070])
        try list.setStatus(0, at: 0)
        #expect(list.bytes[0] == 0x01)
    }

    @Test func multiBitStatusesAreReadMostSignificantBitFirst() throws {
        var list = try BitstringStatusList(count: 131_072, statusSize: 2)
        #expect(list.bytes.count == 32_768)
        try list.setStatus(0b10, at: 0)
        try list.setStatus(0b01, at: 1)
        try list.setStatus(0b11, at: 3)
        #expect(list.bytes[0] == 0b1001_0011)
        #expect(try list.status(at: 0) == 2)
        #expect(try list.status(at: 1) == 1)
        #expect(try list.status(at: 2) == 0)
        #expect(try list.status(at: 3) == 3)
        #expect(throws: BitstringStatusListError.statusTooLarge(value: 4, statusSize: 2)) {
            try list.setStatus(4, at: 5)
        }
    }

    @Test(arguments: [-1, 131_072, Int.max])
    func rejectsAnIndexOutOfRange(_ index: Int) throws {
        var list = try BitstringStatusList()
        #expect(throws: BitstringStatusListError.indexOutOfRange(index: index, count: 131_072)) {
            try list.status(at: index)
        }
        #expect(throws: BitstringStatusListError.indexOutOfRange(index: index, count: 131_072)) {
            try list.setStatus(1, at: index)
        }
    }

    @Test func rejectsAListShorterThan131072Entries() {
        #expect(throws: BitstringStatusListError.listTooShort(entries: 131_064, minimum: 131_072)) {
            try BitstringStatusList(count: 131_064)
        }
        #expect(throws: BitstringStatusListError.listTooShort(entries: 131_064, minimum: 131_072)) {
            try BitstringStatusList(rawRepresentation: [UInt8](repeating: 0, count: 16_383))
        }
        #expect(throws: BitstringStatusListError.listTooShort(entries: 65_536, minimum: 131_072)) {
            try BitstringStatusList(rawRepresentation: [UInt8](repeating: 0, count: 16_384), statusSize: 2)
        }
        #expect(BitstringStatusListError.listTooShort(entries: 0, minimum: 131_072).problemType == .statusListLength)
    }

    @Test(arguments: [0, -1, 9])
    func rejectsAStatusSizeOutside1To8(_ size: Int) {
        #expect(throws: BitstringStatusListError.invalidStatusSize(size)) {
            try BitstringStatusList(statusSize: size)
        }
    }

    @Test func rejectsEntriesThatDoNotFillWholeBytes() {
        #expect(throws: BitstringStatusListError.lengthNotMultipleOfStatusSize(bits: 393_219, statusSize: 3)) {
            try BitstringStatusList(count: 131_073, statusSize: 3)
        }
        #expect(throws: BitstringStatusListError.lengthNotMultipleOfStatusSize(bits: 131_080, statusSize: 3)) {
            try BitstringStatusList(rawRepresentation: [UInt8](repeating: 0, count: 16_385), statusSize: 3)
        }
    }

    @Test func encodesAsMultibaseBase64URLOfTheCompressedBytes() throws {
        let list = try BitstringStatusList()
        let text = try list.encodedList(compress: FramedCompression.compress)
        #expect(text.hasPrefix("uHw"))
        #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
        #expect(try BitstringStatusList(encodedList: text, decompress: FramedCompression.decompress) == list)
    }

    @Test func roundTripsRandomBits() throws {
        let seed: UInt64 = 0x5747_4154_5553
        var random = SplitMix64(seed: seed)
        for iteration in 0..<16 {
            let size = [1, 2, 4, 8][iteration % 4]
            var list = try BitstringStatusList(statusSize: size)
            var expected: [Int: UInt8] = [:]
            for _ in 0..<64 {
                let index = Int.random(in: 0..<list.count, using: &random)
                let value = UInt8(truncatingIfNeeded: random.next()) & UInt8((1 << size) - 1)
                try list.setStatus(value, at: index)
                expected[index] = value
            }
            let decoded = try BitstringStatusList(
                encodedList: try list.encodedList(compress: FramedCompression.compress), statusSize: size,
                decompress: FramedCompression.decompress)
            for (index, value) in expected {
                #expect(try decoded.status(at: index) == value, "seed \(seed) iteration \(iteration) index \(index)")
            }
            #expect(decoded == list, "seed \(seed) iteration \(iteration)")
        }
    }

    @Test func rejectsAnotherMultibasePrefix() throws {
        let text = try BitstringStatusList().encodedList(compress: FramedCompression.compress)
        #expect(throws: BitstringStatusListError.invalidEncodedList(.unsupportedPrefix("m"))) {
            try BitstringStatusList(encodedList: "m" + text.dropFirst(), decompress: FramedCompression.decompress)
        }
        #expect(
            throws: BitstringStatusListError.invalidEncodedList(
                .unexpectedEncoding(expected: .base64url, actual: .base58btc))
        ) {
            try BitstringStatusList(encodedList: "z" + text.dropFirst(), decompress: FramedCompression.decompress)
        }
        #expect(throws: BitstringStatusListError.invalidEncodedList(.empty)) {
            try BitstringStatusList(encodedList: "", decompress: FramedCompression.decompress)
        }
    }

    @Test func rejectsPaddingAndStandardBase64() throws {
        #expect(throws: BitstringStatusListError.self) {
            try BitstringStatusList(encodedList: "uHw==", decompress: FramedCompression.decompress)
        }
        #expect(throws: BitstringStatusListError.self) {
            try BitstringStatusList(encodedList: "uH+/A", decompress: FramedCompression.decompress)
        }
    }

    @Test func reportsTheDecompressorsError() {
        #expect(throws: BitstringStatusListError.compression(.corruptData)) {
            try BitstringStatusList(encodedList: "uAAAA", decompress: FramedCompression.decompress)
        }
        #expect(BitstringStatusListError.compression(.corruptData).problemType == .statusVerification)
    }

    @Test func rejectsATruncatedList() throws {
        let text = try BitstringStatusList().encodedList(compress: FramedCompression.compress)
        #expect(throws: BitstringStatusListError.listTooShort(entries: 131_056, minimum: 131_072)) {
            try BitstringStatusList(encodedList: String(text.dropLast(3)), decompress: FramedCompression.decompress)
        }
    }
}
