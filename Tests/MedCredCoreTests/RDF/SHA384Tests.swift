import MedCredCore
import MedCredTestSupport
import Testing

/// A SHA-384 known answer: the FIPS 180-4 examples ("abc", the two-block message), the empty string, and
/// messages at the padding boundaries (111, 112 and 128 bytes) and past one block, checked against Python's
/// `hashlib.sha384`.
struct SHA384KnownAnswer: Sendable, CustomTestStringConvertible {
    let name: String
    let message: [UInt8]
    let digest: String
    var testDescription: String { name }
}

@Suite struct SHA384Tests {
    static let knownAnswers: [SHA384KnownAnswer] = [
        .init(
            name: "fips-abc", message: Array("abc".utf8),
            digest: "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"),
        .init(
            name: "empty", message: [],
            digest: "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b"),
        .init(
            name: "fips-two-block",
            message: Array(
                ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                    + "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu").utf8),
            digest: "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039"),
        .init(
            name: "a-x111", message: Array(repeating: 0x61, count: 111),
            digest: "3c37955051cb5c3026f94d551d5b5e2ac38d572ae4e07172085fed81f8466b8f90dc23a8ffcdea0b8d8e58e8fdacc80a"),
        .init(
            name: "a-x112", message: Array(repeating: 0x61, count: 112),
            digest: "187d4e07cb306103c69967bf544d0dfbe9042577599c73c330abc0cb64c61236d5ed565ee19119d8c31779a38f791fcd"),
        .init(
            name: "a-x128", message: Array(repeating: 0x61, count: 128),
            digest: "edb12730a366098b3b2beac75a3bef1b0969b15c48e2163c23d96994f8d1bef760c7e27f3c464d3829f56c0d53808b0b"),
        .init(
            name: "a-x1000", message: Array(repeating: 0x61, count: 1000),
            digest: "f54480689c6b0b11d0303285d9a81b21a93bca6ba5a1b4472765dca4da45ee328082d469c650cd3b61b16d3266ab8ced"),
    ]

    @Test(arguments: knownAnswers)
    func hashesKnownAnswer(_ answer: SHA384KnownAnswer) {
        let digest = SHA384.hash(answer.message)
        #expect(digest.count == SHA384.byteCount)
        #expect(Hex.encode(digest) == answer.digest)
    }

    @Test func anySingleBitFlipChangesTheDigest() {
        let message = Array("abc".utf8)
        let reference = SHA384.hash(message)
        for bit in 0..<(message.count * 8) {
            var flipped = message
            flipped[bit / 8] ^= 1 << UInt8(bit % 8)
            #expect(SHA384.hash(flipped) != reference, "bit \(bit)")
        }
    }
}
