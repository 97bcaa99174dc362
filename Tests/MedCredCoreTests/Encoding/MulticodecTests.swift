import MedCredCore
import MedCredTestSupport
import Testing

@Suite struct MulticodecTests {
    /// Every named constant; each must be a row of the official table.
    static let named: [Multicodec] = [
        .identity, .sha2_256, .x25519Pub, .ed25519Pub, .p256Pub, .ed25519Priv, .x25519Priv,
    ]

    @Test(arguments: named)
    func namedConstantMatchesTable(_ codec: Multicodec) throws {
        let name = try #require(codec.name)
        let row = try #require(try MulticodecTableRow.all().first { $0.name == name }, "\(name) is not in the table")
        #expect(row.code == codec.rawValue)
    }

    @Test func namesTheCodecsTheBriefRequires() {
        #expect(Multicodec.ed25519Pub.rawValue == 0xed && Multicodec.ed25519Pub.name == "ed25519-pub")
        #expect(Multicodec.x25519Pub.rawValue == 0xec && Multicodec.x25519Pub.name == "x25519-pub")
        #expect(Multicodec.ed25519Priv.rawValue == 0x1300 && Multicodec.ed25519Priv.name == "ed25519-priv")
        #expect(Multicodec.sha2_256.rawValue == 0x12 && Multicodec.sha2_256.name == "sha2-256")
        #expect(Multicodec.ed25519Pub.description == "ed25519-pub (0xed)")
        #expect(Multicodec(rawValue: 0x123a).name == nil)
        #expect(Multicodec(rawValue: 0x123a).description == "0x123a")
    }

    @Test func readsTheWholeTable() throws {
        let rows = try MulticodecTableRow.all()
        #expect(rows.count >= 600)
        #expect(Set(rows.map(\.code)).count == rows.count, "codes are unique")
    }

    @Test(arguments: try MulticodecTableRow.all())
    func roundTripsTableCode(_ row: MulticodecTableRow) throws {
        let codec = Multicodec(rawValue: row.code)
        let varint = UnsignedVarint.encode(row.code)
        #expect(try UnsignedVarint.decode(varint) == (row.code, varint.count))
        #expect(try Multicodec.split(Multicodec.prefix([0xA5], with: codec)) == (codec, [0xA5]))
        if let name = codec.name { #expect(name == row.name) }
    }

    @Test(arguments: try MulticodecTableRow.all())
    func rejectsTableCodeCutOrPadded(_ row: MulticodecTableRow) {
        let codec = Multicodec(rawValue: row.code)
        let varint = UnsignedVarint.encode(row.code)
        #expect(throws: MulticodecError.missingPayload(codec)) { try Multicodec.split(varint) }
        let cut: VarintError = varint.count == 1 ? .empty : .truncated
        #expect(throws: MulticodecError.malformedCode(cut)) { try Multicodec.split(varint.dropLast()) }
        var padded = varint
        padded[padded.count - 1] |= 0x80
        let payload: [UInt8] = [0x00, 0xA5]
        #expect(throws: MulticodecError.malformedCode(.nonCanonical(offset: varint.count))) {
            try Multicodec.split(padded + payload)
        }
    }

    @Test(arguments: try MulticodecKeyPrefixes.load().entries)
    func encodesCodeLikeTheCollector(_ entry: MulticodecKeyPrefixes.Entry) throws {
        let code = try entry.value()
        #expect(Hex.encode(UnsignedVarint.encode(code)) == entry.varintHex)
        #expect(try UnsignedVarint.decode(Hex.decode(entry.varintHex)) == (code, entry.varintHex.count / 2))
        if let ours = Self.named.first(where: { $0.name == entry.name }) { #expect(ours.rawValue == code) }
    }

    /// A key of the listed length behind the codec encodes to a `z` string starting within the listed range.
    @Test(arguments: try MulticodecKeyPrefixes.load().entries.filter { $0.base58btcPrefixRange != nil })
    func keyPrefixFallsInCollectorRange(_ entry: MulticodecKeyPrefixes.Entry) throws {
        let range = try #require(entry.base58btcPrefixRange)
        let length = try #require(entry.rawKeyLength)
        try #require(range.count == 2)
        let codec = Multicodec(rawValue: try entry.value())
        var random = SplitMix64(seed: 0x5EED_00CC)
        let keys =
            [[UInt8](repeating: 0, count: length), [UInt8](repeating: 0xFF, count: length)]
            + (0..<50).map { _ in random.bytes(count: length) }
        for key in keys {
            let text = Multibase.encode(Multicodec.prefix(key, with: codec), as: .base58btc)
            let start = Array(text.utf8.prefix(range[0].utf8.count))
            #expect(
                !start.lexicographicallyPrecedes(range[0].utf8)
                    && !Array(range[1].utf8).lexicographicallyPrecedes(start),
                "seed \(random.seed): \(text) outside \(range)")
        }
    }

    @Test func decodesTheVcDiEddsaKeyPair() throws {
        let example = try #require(try MulticodecKeyPrefixes.load().examples.first { $0.what.contains("vc-di-eddsa") })
        let publicText = try #require(example.publicKeyMultibase)
        let publicKey = try Multicodec.split(Multibase.decode(publicText, expecting: .base58btc))
        #expect(publicKey.codec == .ed25519Pub)
        #expect(Hex.encode(publicKey.payload) == example.publicKeyHex)
        #expect(Hex.encode(UnsignedVarint.encode(publicKey.codec.rawValue)) == example.decodedPrefixHex)
        #expect(Multibase.encode(Multicodec.prefix(publicKey.payload, with: .ed25519Pub), as: .base58btc) == publicText)

        let privateText = try #require(example.privateKeyMultibase)
        let privateKey = try Multicodec.split(Multibase.decode(privateText, expecting: .base58btc))
        #expect(privateKey.codec == .ed25519Priv)
        #expect(Hex.encode(privateKey.payload) == example.seedHex)
        #expect(Hex.encode(UnsignedVarint.encode(privateKey.codec.rawValue)) == example.privateDecodedPrefixHex)
        #expect(
            Multibase.encode(Multicodec.prefix(privateKey.payload, with: .ed25519Priv), as: .base58btc) == privateText)
    }

    @Test func decodesTheDidKeySpecExample() throws {
        let example = try #require(try MulticodecKeyPrefixes.load().examples.first { $0.did != nil })
        let did = try #require(example.did)
        let text = try #require(did.split(separator: ":").last)
        let key = try Multicodec.split(Multibase.decode(text, expecting: .base58btc))
        #expect(key.codec == .ed25519Pub)
        #expect(Hex.encode(key.payload) == example.publicKeyHex)
    }

    @Test(arguments: try EncodingFixture.load(codec: "multicodec"))
    func rejectsFixture(_ fixture: EncodingFixture) throws {
        let want = try fixture.wantError.multicodec()
        let bytes = try fixture.bytes()
        #expect(throws: want) { try Multicodec.split(bytes) }
    }

    @Test func roundTripsRandomCodesAndPayloads() throws {
        var random = SplitMix64(seed: 0x5EED_01CC)
        for iteration in 0..<1_000 {
            let codec = Multicodec(rawValue: (random.next() & UnsignedVarint.maxValue) >> (random.next() % 63))
            let payload = random.bytes(count: Int(random.next() % 64) + 1)
            let split = try Multicodec.split(Multicodec.prefix(payload, with: codec))
            #expect(split.codec == codec && split.payload == payload, "seed \(random.seed) iteration \(iteration)")
        }
    }
}
