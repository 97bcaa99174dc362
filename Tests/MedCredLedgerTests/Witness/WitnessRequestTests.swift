import MedCredLedger
import Testing

/// Strict parsing of tlog-witness `add-checkpoint` bodies.
@Suite struct WitnessRequestTests {
    private let log: WitnessTestLog
    private let note: String

    init() throws {
        log = try WitnessTestLog.withSize(8)
        note = try log.note(8).formatted
    }

    private func parse(_ body: String) throws(WitnessRequestError) -> WitnessRequest {
        try WitnessRequest(parsing: Array(body.utf8))
    }

    @Test func parsesAndFormatsARequestWithAProof() throws {
        let body = try log.request(from: 3, to: 8)
        let request = try parse(body)
        #expect(request.oldSize == 3)
        #expect(request.proof == (try log.proof(from: 3, to: 8)))
        #expect(request.checkpoint == (try log.checkpoint(8)))
        #expect(request.formatted == body)
    }

    @Test func parsesOldSizeZeroWithoutProof() throws {
        let request = try parse("old 0\n\n" + note)
        #expect(request.oldSize == 0)
        #expect(request.proof.isEmpty)
    }

    @Test(arguments: [
        "", "old 3", "new 3\n", "old 03\n", "old -1\n", "old  3\n", "old 3 \n", "Old 3\n", "old\n",
        "old 18446744073709551616\n", "old 0x10\n",
    ])
    func rejectsABadOldSizeLine(_ first: String) {
        #expect {
            try parse(first + (first.hasSuffix("\n") ? "\n" + note : ""))
        } throws: { error in
            guard case WitnessRequestError.invalidOldSizeLine = error else { return false }
            return true
        }
    }

    @Test func rejectsMoreThan63ProofLines() throws {
        let hash = "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n"
        #expect(throws: WitnessRequestError.tooManyProofLines(64)) {
            try parse("old 1\n" + String(repeating: hash, count: 64) + "\n" + note)
        }
        // 63 lines parse (the proof is only checked against the state later).
        #expect(try parse("old 1\n" + String(repeating: hash, count: 63) + "\n" + note).proof.count == 63)
    }

    @Test func rejectsBadBase64InAProofLine() {
        #expect(throws: WitnessRequestError.invalidBase64(line: 2)) {
            try parse("old 1\nPlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\nnot base64!\n\n" + note)
        }
        // Non-canonical padding bits are refused too.
        #expect(throws: WitnessRequestError.invalidBase64(line: 1)) {
            try parse("old 1\nPlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkax=\n\n" + note)
        }
    }

    @Test func rejectsAProofHashOfTheWrongLength() {
        #expect(throws: WitnessRequestError.proofHashLengthInvalid(line: 1, length: 3)) {
            try parse("old 1\nAAAA\n\n" + note)
        }
    }

    @Test func rejectsABodyWithoutTheBlankLine() {
        #expect(throws: WitnessRequestError.missingBlankLine) { try parse("old 0\n") }
        #expect(throws: WitnessRequestError.missingBlankLine) {
            try parse("old 1\nPlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=")
        }
    }

    @Test func rejectsAMalformedNote() {
        #expect(throws: WitnessRequestError.malformedNote(.missingSignatures)) {
            try parse("old 0\n\n" + (try log.checkpoint(8)).text)
        }
        #expect(throws: WitnessRequestError.malformedNote(.missingFinalNewline)) {
            try parse("old 0\n\n" + note.dropLast())
        }
        #expect(throws: WitnessRequestError.malformedNote(.invalidUTF8)) {
            try WitnessRequest(parsing: Array("old 0\n\n".utf8) + [0xff, 0x0a, 0x0a])
        }
    }

    @Test func rejectsANoteThatIsNotACheckpoint() throws {
        let text = "log.example/witness-test\nnot a size\nAAAA\n"
        let signed = SignedNote(text: text, signatures: [log.key.signature(forText: text)])
        #expect(throws: WitnessRequestError.malformedCheckpoint(.invalidTreeSize("not a size"))) {
            try parse("old 0\n\n" + signed.formatted)
        }
    }

    @Test func rejectsAnOversizedBody() {
        let size = WitnessRequest.maxBytes + 1
        #expect(throws: WitnessRequestError.tooLarge(bytes: size)) {
            try WitnessRequest(parsing: [UInt8](repeating: 0x41, count: size))
        }
    }
}
