import MedCredLedger
import Testing

@Suite struct CheckpointTests {
    static let root = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="

    @Test func roundTripsWithExtensionLines() throws {
        let text = "example.com/log\n0\n\(Self.root)\next one\n"
        let checkpoint = try Checkpoint(parsing: text)
        #expect(checkpoint.treeSize == 0)
        #expect(checkpoint.extensionLines == ["ext one"])
        #expect(checkpoint.text == text)
    }

    @Test(arguments: [
        ("two lines", "o\n1\n"),
        ("no final newline", "o\n1\n\(root)"),
        ("empty origin", "\n1\n\(root)\n"),
        ("leading zero", "o\n01\n\(root)\n"),
        ("plus sign", "o\n+1\n\(root)\n"),
        ("negative", "o\n-1\n\(root)\n"),
        ("hex size", "o\n0x1\n\(root)\n"),
        ("overflow", "o\n18446744073709551616\n\(root)\n"),
        ("space in size", "o\n1 \n\(root)\n"),
        ("empty size", "o\n\n\(root)\n"),
        ("short root", "o\n1\nAAAA\n"),
        ("long root", "o\n1\n\(root)AAAA\n"),
        ("unpadded root", "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n"),
        ("hex root", "o\n1\n0ac5186a91863e8e1d90c808014aa89bf5da8e3ee1d9f07630f0378f68f1ab62\n"),
        ("empty extension line", "o\n1\n\(root)\n\nx\n"),
        ("trailing empty extension", "o\n1\n\(root)\n\n"),
        ("tab in origin", "o\to\n1\n\(root)\n"),
    ])
    func rejectsMalformedCheckpoints(_ description: String, _ text: String) {
        #expect(throws: NoteError.self, "\(description)") { try Checkpoint(parsing: text) }
    }

    @Test func rejectsAnUnexpectedOrigin() {
        #expect(throws: NoteError.originMismatch(expected: "a", actual: "b")) {
            try Checkpoint(parsing: "b\n1\n\(Self.root)\n", expectedOrigin: "a")
        }
        #expect(throws: NoteError.invalidRootHash("AAE=")) {
            try Checkpoint(origin: "o", treeSize: 1, rootHash: [0, 1])
        }
    }
}

@Suite struct CosignatureTests {
    static let text = "example.com/log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"

    @Test func signsTheSpecMessageAndVerifies() throws {
        let witness = try NoteTestKeys.signer("witness.example/w1", seedByte: 4, type: .cosignatureV1)
        let line = try witness.cosignature(forText: Self.text, timestamp: 1_679_315_147)
        let cosignature = try Cosignature(signatureBytes: line.signature)
        #expect(cosignature.timestamp == 1_679_315_147)
        #expect(
            cosignature.signedMessage(checkpointText: Self.text)
                == Array("cosignature/v1\ntime 1679315147\n\(Self.text)".utf8))
        #expect(witness.verifierKey.isValidSignature(line.signature, forText: Self.text))
        let note = SignedNote(text: Self.text, signatures: [line])
        #expect(try SignedNote(parsing: note.formatted).verify(with: [witness.verifierKey]).isVerified)
    }

    @Test func rejectsChangedTimestampTextKeyTypeAndLength() throws {
        let witness = try NoteTestKeys.signer("witness.example/w1", seedByte: 4, type: .cosignatureV1)
        let line = try witness.cosignature(forText: Self.text, timestamp: 100)
        var later = line.signature
        later[7] ^= 1
        #expect(!witness.verifierKey.isValidSignature(later, forText: Self.text))
        #expect(!witness.verifierKey.isValidSignature(line.signature, forText: Self.text + "ext\n"))
        #expect(!witness.verifierKey.isValidSignature(Array(line.signature.dropLast()), forText: Self.text))
        // The same key as a plain Ed25519 note key has another key ID, so the cosignature is ignored.
        let plain = try NoteTestKeys.signer("witness.example/w1", seedByte: 4)
        #expect(SignedNote(text: Self.text, signatures: [line]).verify(with: [plain.verifierKey]).ignored.count == 1)
        #expect(throws: NoteError.signatureLengthInvalid(expected: 72, actual: 64)) {
            try Cosignature(signatureBytes: [UInt8](repeating: 0, count: 64))
        }
        #expect(throws: NoteError.timestampOutOfRange(1 << 63)) {
            try Cosignature(signatureBytes: [0x80] + [UInt8](repeating: 0, count: 71))
        }
        #expect(throws: NoteError.timestampOutOfRange(1 << 63)) {
            try witness.cosignature(forText: Self.text, timestamp: 1 << 63)
        }
    }
}
