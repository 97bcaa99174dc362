import MedCredLedger
import MedCredTestSupport
import Testing

@Suite struct SignedNoteTests {
    static let text = "medcred.example/log\n3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"

    static func signedNote() throws -> (SignedNote, NoteSignerKey) {
        let signer = try NoteTestKeys.signer("medcred.example/log", seedByte: 7)
        return (SignedNote(text: text, signatures: [signer.signature(forText: text)]), signer)
    }

    @Test func roundTripsAndVerifies() throws {
        let (note, signer) = try Self.signedNote()
        let parsed = try SignedNote(parsing: note.formatted)
        #expect(parsed == note)
        #expect(try SignedNote(parsing: Array(note.formatted.utf8)) == note)
        #expect(parsed.verify(with: [signer.verifierKey]).isVerified)
        #expect(try NoteVerifierKey(parsing: signer.verifierKey.description) == signer.verifierKey)
    }

    @Test func acceptsSixteenSignaturesAndEmptyLinesInTheText() throws {
        let text = "a\n\nb\n"
        let signers = try (1...16).map { try NoteTestKeys.signer("k\($0)", seedByte: UInt8($0)) }
        let note = SignedNote(text: text, signatures: signers.map { $0.signature(forText: text) })
        let parsed = try SignedNote(parsing: note.formatted)
        #expect(parsed.text == text)
        #expect(parsed.verify(with: signers.map(\.verifierKey)).verified.count == 16)
    }

    @Test(arguments: [
        ("no final newline", "a\n\n\u{2014} k AAAAAAA="),
        ("no blank line", "a\n\u{2014} k AAAAAAA=\n"),
        ("no signature lines", "a\n\n"),
        ("carriage return", "a\r\n\n\u{2014} k AAAAAAA=\n"),
        ("tab in text", "a\tb\n\n\u{2014} k AAAAAAA=\n"),
        ("NUL in text", "a\u{0}\n\n\u{2014} k AAAAAAA=\n"),
        ("DEL in text", "a\u{7f}\n\n\u{2014} k AAAAAAA=\n"),
        ("hyphen instead of em dash", "a\n\n- k AAAAAAA=\n"),
        ("em dash without space", "a\n\n\u{2014}k AAAAAAA=\n"),
        ("empty key name", "a\n\n\u{2014}  AAAAAAA=\n"),
        ("plus in key name", "a\n\n\u{2014} k+1 AAAAAAA=\n"),
        ("space in key name", "a\n\n\u{2014} k 1 AAAAAAA=\n"),
        ("no-break space in key name", "a\n\n\u{2014} k\u{a0}1 AAAAAAA=\n"),
        ("trailing space", "a\n\n\u{2014} k AAAAAAA= \n"),
        ("missing padding", "a\n\n\u{2014} k AAAAAAA\n"),
        ("non-canonical base64", "a\n\n\u{2014} k AAAAAAB=\n"),
        ("base64url alphabet", "a\n\n\u{2014} k AAAAAA-_\n"),
        ("only a key ID", "a\n\n\u{2014} k AAAAAA==\n"),
        ("no signature at all", "a\n\n\u{2014} k\n"),
        ("trailing empty line", "a\n\n\u{2014} k AAAAAAA=\n\n"),
    ])
    func rejectsMalformedNotes(_ description: String, _ note: String) {
        #expect(throws: NoteError.self, "\(description)") { try SignedNote(parsing: note) }
    }

    @Test func rejectsInvalidUTF8TooManySignaturesAndHugeNotes() {
        #expect(throws: NoteError.invalidUTF8) {
            try SignedNote(parsing: [0x61, 0xff, 0x0a, 0x0a] + Array("\u{2014} k AAAAAAA=\n".utf8))
        }
        let many = "a\n\n" + String(repeating: "\u{2014} k AAAAAAA=\n", count: SignedNote.maxSignatures + 1)
        #expect(throws: NoteError.tooManySignatures(SignedNote.maxSignatures + 1)) { try SignedNote(parsing: many) }
        let huge = String(repeating: "a", count: SignedNote.maxBytes) + "\n\n\u{2014} k AAAAAAA=\n"
        #expect(throws: NoteError.self) { try SignedNote(parsing: huge) }
    }

    @Test func rejectsEverySingleBitFlipOfTheSignature() throws {
        let (note, signer) = try Self.signedNote()
        let original = note.signatures[0]
        for bit in 0..<(original.signature.count * 8) {
            var flipped = original.signature
            flipped[bit / 8] ^= 1 << UInt8(bit % 8)
            let tampered = SignedNote(
                text: note.text,
                signatures: [NoteSignature(keyName: original.keyName, keyID: original.keyID, signature: flipped)])
            #expect(!tampered.verify(with: [signer.verifierKey]).isVerified, "bit \(bit)")
        }
    }

    @Test func rejectsTamperedTextWrongKeysAndMixedResults() throws {
        let (note, signer) = try Self.signedNote()
        let tampered = SignedNote(text: String(note.text.map { $0 == "3" ? "4" : $0 }), signatures: note.signatures)
        #expect(tampered.verify(with: [signer.verifierKey]).failed == [signer.verifierKey])
        // Same name, other key: a different key ID, so the line is ignored and nothing verifies.
        let other = try NoteTestKeys.signer("medcred.example/log", seedByte: 8)
        let result = note.verify(with: [other.verifierKey])
        #expect(!result.isVerified)
        #expect(result.ignored == note.signatures)
        // Same key, other name: ignored too.
        #expect(
            !note.verify(with: [try NoteTestKeys.signer("medcred.example/other", seedByte: 7).verifierKey]).isVerified)
        #expect(!note.verify(with: []).isVerified)
        // One known signature verifies and another known one fails: the whole note is rejected.
        let second = try NoteTestKeys.signer("second", seedByte: 9)
        let bad = NoteSignature(
            keyName: "second", keyID: second.verifierKey.keyID, signature: [UInt8](repeating: 1, count: 64))
        let mixed = SignedNote(text: note.text, signatures: note.signatures + [bad])
        #expect(!mixed.verify(with: [signer.verifierKey, second.verifierKey]).isVerified)
        #expect(mixed.verify(with: [signer.verifierKey]).isVerified)
        // A wrong-length signature from a known key fails, never traps.
        let short = NoteSignature(
            keyName: signer.verifierKey.name, keyID: signer.verifierKey.keyID, signature: [1, 2, 3])
        #expect(SignedNote(text: note.text, signatures: [short]).verify(with: [signer.verifierKey]).failed.count == 1)
    }
}
