import MedCredCore
import MedCredCrypto
import MedCredService
import MedCredTestSupport
import Testing

/// ``StatusListCodec`` with the W3C Bitstring Status List v1.0 vectors in `shared/vectors/bitstring-status-list`
/// (SOURCES.md §6): real GZIP through CompressNIO, and a decompression limit against bombs.
@Suite struct StatusListCodecTests {
    struct ExpectedDecoding: Decodable {
        struct Expected: Decodable {
            let uncompressedBytes: Int
            let bitstringLength: Int
            let uncompressedSha256: String
            let statusAtIndex: [String: UInt8]
        }
        let encodedList: String
        let expected: Expected
    }

    struct DerivedSetBits: Decodable {
        let encodedList: String
        let bitstringLength: Int
        let setBitIndices: [Int]
        let firstBytesHex: String
        let lastByteHex: String
        let expectedStatus: [String: UInt8]
        let uncompressedSha256: String
    }

    static let codec = StatusListCodec()

    static func decode(_ encodedList: String, statusSize: Int = 1, codec: StatusListCodec = codec)
        throws(BitstringStatusListError) -> BitstringStatusList
    {
        try BitstringStatusList(encodedList: encodedList, statusSize: statusSize, decompress: codec.decompress)
    }

    @Test func decodesTheOfficialExampleListTo16KBOfZeros() throws {
        let vector = try Vectors.load("bitstring-status-list/expected-decoding.json", as: ExpectedDecoding.self)
        let list = try Self.decode(vector.encodedList)
        #expect(list.bytes.count == vector.expected.uncompressedBytes)
        #expect(list.count == vector.expected.bitstringLength)
        #expect(list.bytes.allSatisfy { $0 == 0 })
        #expect(Hex.encode(SHA256.hash(list.bytes)) == vector.expected.uncompressedSha256)
        for (index, status) in vector.expected.statusAtIndex {
            #expect(try list.status(at: try #require(Int(index))) == status, "index \(index)")
        }
    }

    @Test func readsTheDerivedSetBitsAndTheirNeighbours() throws {
        let vector = try Vectors.load("bitstring-status-list/derived-set-bits.json", as: DerivedSetBits.self)
        let list = try Self.decode(vector.encodedList)
        #expect(list.count == vector.bitstringLength)
        #expect(Hex.encode(SHA256.hash(list.bytes)) == vector.uncompressedSha256)
        #expect(Hex.encode(list.bytes.prefix(2)) == vector.firstBytesHex)
        #expect(Hex.encode(list.bytes.suffix(1)) == vector.lastByteHex)
        for (index, status) in vector.expectedStatus {
            #expect(try list.status(at: try #require(Int(index))) == status, "index \(index)")
        }
        let set = Set(vector.setBitIndices)
        for index in vector.setBitIndices {
            for neighbour in [index - 1, index, index + 1] where (0..<list.count).contains(neighbour) {
                #expect(list[neighbour] == set.contains(neighbour), "index \(neighbour)")
            }
        }
        #expect((0..<list.count).filter { list[$0] } == vector.setBitIndices)
    }

    @Test func answersForTheSpecExampleCredential() throws {
        let json = try JSONValue(
            parsing: Array(try Vectors.data("bitstring-status-list/example-bitstring-status-list-credential.json")))
        let credential = try BitstringStatusListCredential(parsing: VerifiableCredential(json: json))
        let example = try JSONValue(
            parsing: Array(try Vectors.data("bitstring-status-list/example-simple-entries-credential.json")))
        let entry = try #require(BitstringStatusListEntry.entries(of: VerifiableCredential(json: example)).first)
        #expect(try credential.status(of: try entry.entry.get(), decompress: Self.codec.decompress) == 0)
    }

    @Test func roundTripsRandomBitsThroughGZIP() throws {
        let seed: UInt64 = 0x6A69_7053
        var random = SplitMix64(seed: seed)
        for iteration in 0..<8 {
            let size = [1, 2, 4, 8][iteration % 4]
            var list = try BitstringStatusList(count: 131_072 * (1 + iteration % 2), statusSize: size)
            for _ in 0..<256 {
                let index = Int.random(in: 0..<list.count, using: &random)
                try list.setStatus(UInt8(truncatingIfNeeded: random.next()) & UInt8((1 << size) - 1), at: index)
            }
            let text = try list.encodedList(compress: Self.codec.compress)
            #expect(text.hasPrefix("uH4sI"), "seed \(seed) iteration \(iteration)")
            #expect(try Self.decode(text, statusSize: size) == list, "seed \(seed) iteration \(iteration)")
        }
    }

    @Test func rejectsBytesThatAreNotGZIP() throws {
        let text = Multibase.encode([UInt8](repeating: 0, count: 16_384), as: .base64url)
        #expect(throws: BitstringStatusListError.compression(.corruptData)) { try Self.decode(text) }
        #expect(throws: StatusListCompressionError.corruptData) { try Self.codec.decompress([]) }
    }

    @Test func rejectsATruncatedGZIPStream() throws {
        let compressed = try Self.codec.compress([UInt8](repeating: 0, count: 16_384))
        for cut in [1, 4, 8, compressed.count - 18] {
            #expect(throws: StatusListCompressionError.corruptData, "cut \(cut)") {
                try Self.codec.decompress(Array(compressed.dropLast(cut)))
            }
        }
    }

    @Test func rejectsACorruptedGZIPStream() throws {
        var compressed = try Self.codec.compress([UInt8](repeating: 0, count: 16_384))
        compressed[compressed.count - 6] ^= 0x01  // the CRC-32
        #expect(throws: StatusListCompressionError.corruptData) { try Self.codec.decompress(compressed) }
    }

    @Test func rejectsTrailingDataAfterTheGZIPMember() throws {
        let compressed = try Self.codec.compress([UInt8](repeating: 0, count: 16_384))
        #expect(throws: StatusListCompressionError.corruptData) { try Self.codec.decompress(compressed + [0]) }
    }

    @Test func rejectsZlibAndRawDeflateFraming() throws {
        var compressed = try Self.codec.compress([UInt8](repeating: 0, count: 16_384))
        compressed[0] = 0x78
        #expect(throws: StatusListCompressionError.corruptData) { try Self.codec.decompress(compressed) }
    }

    @Test func refusesADecompressionBomb() throws {
        let bomb = try Self.codec.compress([UInt8](repeating: 0, count: 17 * 1024 * 1024))
        #expect(bomb.count < 64 * 1024)
        #expect(throws: StatusListCompressionError.outputTooLarge(limit: 16 * 1024 * 1024)) {
            try Self.codec.decompress(bomb)
        }
        let text = Multibase.encode(bomb, as: .base64url)
        #expect(throws: BitstringStatusListError.compression(.outputTooLarge(limit: 16 * 1024 * 1024))) {
            try Self.decode(text)
        }
    }

    @Test func honoursASmallerLimit() throws {
        let small = StatusListCodec(maximumDecompressedSize: 16_383)
        let compressed = try Self.codec.compress([UInt8](repeating: 0, count: 16_384))
        #expect(throws: StatusListCompressionError.outputTooLarge(limit: 16_383)) {
            try small.decompress(compressed)
        }
        #expect(try StatusListCodec(maximumDecompressedSize: 16_384).decompress(compressed).count == 16_384)
    }
}
