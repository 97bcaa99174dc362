import MedCredLedger
import Testing

@Suite struct TlogProofTests {
    struct Fixture {
        let entries: [[UInt8]]
        let log: NoteSignerKey
        let witnesses: [NoteSignerKey]
        let proof: TlogProof
    }

    static func fixture(index: UInt64 = 3, cosigners: Int = 3) throws -> Fixture {
        let entries = (0..<10).map { Array("{\"entry\":\($0)}".utf8) }
        let leaves = entries.map { MerkleHash.leaf($0) }
        let log = try NoteTestKeys.signer("medcred.example/ledger", seedByte: 1)
        let witnesses = try (0..<3).map {
            try NoteTestKeys.signer("witness\($0).example", seedByte: UInt8(10 + $0), type: .cosignatureV1)
        }
        let checkpoint = try Checkpoint(
            origin: log.verifierKey.name, treeSize: 10, rootHash: MerkleTree.root(leafHashes: leaves))
        let signatures =
            [log.signature(forText: checkpoint.text)]
            + (try witnesses.prefix(cosigners).map {
                try $0.cosignature(forText: checkpoint.text, timestamp: 1_700_000_000)
            })
        let note = SignedNote(text: checkpoint.text, signatures: signatures)
        let inclusion = try MerkleTree.inclusionProof(index: index, size: 10) { level, node in
            let start = Int(node) << level
            return MerkleTree.root(leafHashes: Array(leaves[start..<(start + (1 << level))]))
        }
        let proof = try TlogProof(index: index, hashes: inclusion.hashes, note: note, extra: [1, 2, 3])
        return Fixture(entries: entries, log: log, witnesses: witnesses, proof: proof)
    }

    func verify(_ proof: TlogProof, _ fixture: Fixture, entry: Int = 3, threshold: Int = 2) -> TlogProofVerification {
        proof.verify(
            entry: fixture.entries[entry], logKey: fixture.log.verifierKey,
            witnesses: fixture.witnesses.map(\.verifierKey),
            threshold: threshold)
    }

    @Test func roundTripsAndVerifies() throws {
        let fixture = try Self.fixture()
        let parsed = try TlogProof(parsing: fixture.proof.formatted)
        #expect(parsed == fixture.proof)
        #expect(fixture.proof.formatted.hasPrefix("c2sp.org/tlog-proof@v1\nextra AQID\nindex 3\n"))
        let result = verify(parsed, fixture, threshold: 3)
        #expect(result.isVerified, "\(result)")
        #expect(result.cosigners == ["witness0.example", "witness1.example", "witness2.example"])
    }

    @Test func namesEveryFailedCheck() throws {
        let fixture = try Self.fixture(cosigners: 1)
        #expect(verify(fixture.proof, fixture).failures == [.witnessThresholdNotMet(verified: 1, required: 2)])
        #expect(verify(fixture.proof, fixture, threshold: 1).isVerified)
        let wrongEntry = verify(fixture.proof, fixture, entry: 4, threshold: 1)
        #expect(wrongEntry.failures == [.inclusionProofInvalid(.rootMismatch)])
        let otherLog = try NoteTestKeys.signer("medcred.example/ledger", seedByte: 2)
        let wrongLog = fixture.proof.verify(
            entry: fixture.entries[3], logKey: otherLog.verifierKey, witnesses: [], threshold: 0)
        #expect(wrongLog.failures == [.logSignatureMissing])
        let renamed = try NoteTestKeys.signer("other.example/ledger", seedByte: 1)
        let wrongOrigin = fixture.proof.verify(
            entry: fixture.entries[3], logKey: renamed.verifierKey, witnesses: [], threshold: 0)
        #expect(
            wrongOrigin.failures == [
                .originNotAccepted(expected: "other.example/ledger", actual: "medcred.example/ledger"),
                .logSignatureMissing,
            ])
    }

    @Test func rejectsTamperedSignaturesIndexAndHashes() throws {
        let fixture = try Self.fixture()
        let note = fixture.proof.note
        var logLine = note.signatures[0].signature
        logLine[0] ^= 1
        var witnessLine = note.signatures[1].signature
        witnessLine[20] ^= 1
        let tamperedNote = SignedNote(
            text: note.text,
            signatures: [
                NoteSignature(keyName: note.signatures[0].keyName, keyID: note.signatures[0].keyID, signature: logLine),
                NoteSignature(
                    keyName: note.signatures[1].keyName, keyID: note.signatures[1].keyID, signature: witnessLine),
            ] + note.signatures.dropFirst(2))
        let tampered = try TlogProof(index: 3, hashes: fixture.proof.hashes, note: tamperedNote)
        #expect(
            verify(tampered, fixture, threshold: 3).failures == [
                .logSignatureInvalid, .witnessCosignatureInvalid(keyName: "witness0.example"),
                .witnessThresholdNotMet(verified: 2, required: 3),
            ])
        let moved = try TlogProof(index: 2, hashes: fixture.proof.hashes, note: note)
        #expect(verify(moved, fixture).failures == [.inclusionProofInvalid(.rootMismatch)])
        let short = try TlogProof(index: 3, hashes: Array(fixture.proof.hashes.dropLast()), note: note)
        #expect(
            verify(short, fixture).failures == [.inclusionProofInvalid(.proofLengthMismatch(expected: 4, actual: 3))])
        var flipped = fixture.proof.hashes
        flipped[1][31] ^= 0x80
        #expect(!verify(try TlogProof(index: 3, hashes: flipped, note: note), fixture).isVerified)
    }

    @Test func rejectsMalformedProofText() throws {
        let good = try Self.fixture().proof.formatted
        let lines = good.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let cases: [(String, String)] = [
            ("wrong header", good.replacing("tlog-proof@v1", with: "tlog-proof@v2")),
            ("no header", lines.dropFirst().joined(separator: "\n")),
            ("bad extra", good.replacing("extra AQID", with: "extra AQI")),
            ("index leading zero", good.replacing("index 3", with: "index 03")),
            ("index missing", good.replacing("index 3\n", with: "")),
            ("index negative", good.replacing("index 3", with: "index -3")),
            ("hash line short", good.replacing("index 3\n", with: "index 3\nAAAA\n")),
            ("no blank line", good.replacing("\n\nmedcred", with: "\nmedcred")),
            ("checkpoint not signed", lines.prefix(9).joined(separator: "\n") + "\n"),
            ("checkpoint two lines", "c2sp.org/tlog-proof@v1\nindex 0\n\na\n1\n\n\u{2014} k AAAAAAA=\n"),
        ]
        for (description, text) in cases {
            #expect(throws: NoteError.self, "\(description)") { try TlogProof(parsing: text) }
        }
    }
}
