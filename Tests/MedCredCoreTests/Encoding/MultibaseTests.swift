import MedCredCore
import MedCredTestSupport
import Testing

@Suite struct MultibaseTests {
    @Test(arguments: try MultibaseVectorRow.supported())
    func decodesOfficialVector(_ row: MultibaseVectorRow) throws {
        let encoding = try #require(row.encoding)
        let decoded = try Multibase.decode(row.text)
        #expect(decoded.encoding == encoding)
        #expect(decoded.bytes == row.bytes)
        #expect(try Multibase.decode(row.text, expecting: encoding) == row.bytes)
    }

    @Test(arguments: try MultibaseVectorRow.supported())
    func encodesOfficialVector(_ row: MultibaseVectorRow) throws {
        #expect(Multibase.encode(row.bytes, as: try #require(row.encoding)) == row.text)
    }

    /// Rows for encodings MedCred does not read (base16, base32, base36, base58flickr, padded base64, emoji …).
    @Test(arguments: try MultibaseVectorRow.unsupported())
    func rejectsUnsupportedOfficialVector(_ row: MultibaseVectorRow) throws {
        let prefix = try #require(row.text.first)
        #expect(throws: MultibaseError.unsupportedPrefix(prefix)) { try Multibase.decode(row.text) }
        #expect(throws: MultibaseError.unsupportedPrefix(prefix)) {
            try Multibase.decode(row.text, expecting: .base58btc)
        }
    }

    /// A silently empty vector list would pass every test above, so count what was read.
    @Test func readsEveryOfficialTestFile() throws {
        let rows = try MultibaseVectorRow.all()
        let files = Set(rows.map(\.file))
        #expect(
            files.isSuperset(of: ["basic.csv", "leading_zero.csv", "two_leading_zeros.csv", "case_insensitivity.csv"]))
        for file in ["basic.csv", "leading_zero.csv", "two_leading_zeros.csv"] {
            let supported = rows.filter { $0.file == file && $0.encoding != nil }.map(\.encodingName).sorted()
            #expect(supported == ["base58btc", "base64url"], "\(file)")
        }
        #expect(
            rows.first { $0.file == "two_leading_zeros.csv" && $0.encoding == .base58btc }?.text == "z117paNL19xttacUY")
    }

    /// Every prefix of the official multibase table: ours map to our encodings, the rest are unsupported.
    @Test(arguments: try MultibaseTableRow.all())
    func treatsTablePrefix(_ row: MultibaseTableRow) {
        if let encoding = Multibase.Encoding(rawValue: row.prefix) {
            #expect(encoding.name == row.encodingName)
        } else {
            #expect(throws: MultibaseError.unsupportedPrefix(row.prefix)) { try Multibase.decode("\(row.prefix)abc") }
        }
    }

    @Test func supportsTheTwoCIDEncodings() throws {
        let table = try MultibaseTableRow.all()
        #expect(Multibase.Encoding.allCases.map(\.rawValue) == ["z", "u"])
        for encoding in Multibase.Encoding.allCases {
            #expect(table.contains { $0.prefix == encoding.rawValue && $0.encodingName == encoding.name })
        }
    }

    @Test(arguments: try EncodingFixture.load(codec: "multibase"))
    func rejectsFixture(_ fixture: EncodingFixture) throws {
        let want = try fixture.wantError.multibase()
        let text = try fixture.text()
        if let expecting = fixture.expecting {
            let prefix = try #require(expecting.first)
            let encoding = try #require(Multibase.Encoding(rawValue: prefix))
            #expect(throws: want) { try Multibase.decode(text, expecting: encoding) }
        } else {
            #expect(throws: want) { try Multibase.decode(text) }
        }
    }

    @Test(arguments: Multibase.Encoding.allCases)
    func roundTripsRandomBytes(_ encoding: Multibase.Encoding) throws {
        var random = SplitMix64(seed: 0x5EED_00BA)
        for iteration in 0..<500 {
            let bytes =
                [UInt8](repeating: 0, count: Int(random.next() % 3)) + random.bytes(count: Int(random.next() % 80))
            let text = Multibase.encode(bytes, as: encoding)
            #expect(text.first == encoding.rawValue)
            let decoded = try Multibase.decode(text)
            #expect(
                decoded.encoding == encoding && decoded.bytes == bytes,
                "seed \(random.seed) iteration \(iteration): \(Hex.encode(bytes))")
            #expect(try Multibase.decode(text, expecting: encoding) == bytes, "seed \(random.seed) \(iteration)")
        }
    }

    @Test(arguments: Multibase.Encoding.allCases)
    func encodesNoBytesAsThePrefixAlone(_ encoding: Multibase.Encoding) throws {
        #expect(Multibase.encode([], as: encoding) == String(encoding.rawValue))
        #expect(try Multibase.decode(String(encoding.rawValue)) == (encoding, []))
    }

    @Test func rejectsTheOtherEncodingForEveryRandomValue() {
        var random = SplitMix64(seed: 0x5EED_01BA)
        for iteration in 0..<100 {
            let bytes = random.bytes(count: Int(random.next() % 40))
            #expect(
                throws: MultibaseError.unexpectedEncoding(expected: .base58btc, actual: .base64url),
                "seed \(random.seed) iteration \(iteration)"
            ) { try Multibase.decode(Multibase.encode(bytes, as: .base64url), expecting: .base58btc) }
            #expect(
                throws: MultibaseError.unexpectedEncoding(expected: .base64url, actual: .base58btc),
                "seed \(random.seed) iteration \(iteration)"
            ) { try Multibase.decode(Multibase.encode(bytes, as: .base58btc), expecting: .base64url) }
        }
    }
}
