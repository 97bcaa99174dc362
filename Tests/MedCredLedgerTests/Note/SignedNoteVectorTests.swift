import MedCredCrypto
import MedCredLedger
import MedCredTestSupport
import Testing

@Suite struct SignedNoteVectorTests {
    @Test(arguments: try NoteVectorFile.load().signedNotes)
    func verifiesAsTheVectorSays(_ vector: SignedNoteVector) throws {
        let key = try NoteVerifierKey(parsing: vector.verifierKey)
        let note = try SignedNote(parsing: vector.note)
        if let noteText = vector.noteText { #expect(note.text == noteText) }
        #expect(note.formatted == vector.note)
        #expect(note.signatures.map(\.keyName) == vector.signatures.map(\.keyName))
        #expect(
            note.signatures.map { String($0.keyID, radix: 16) }
                == vector.signatures.map { String(UInt32($0.keyIdHex, radix: 16) ?? 0, radix: 16) })
        let result = note.verify(with: [key])
        #expect(result.isVerified == vector.isValid, "\(result)")
        #expect(result.ignored.count == vector.signatures.filter { !$0.known }.count)
        for (line, expectation) in zip(note.signatures, vector.signatures) where expectation.known {
            #expect(key.isValidSignature(line.signature, forText: note.text) == expectation.verifies)
        }
    }

    @Test(arguments: try NoteVectorFile.load().signedNotes.filter { $0.publicKeyHex != nil })
    func recomputesTheKeyID(_ vector: SignedNoteVector) throws {
        let parsed = try NoteVerifierKey(parsing: vector.verifierKey)
        let publicKey = try Ed25519.PublicKey(rawRepresentation: Hex.decode(try #require(vector.publicKeyHex)))
        let made = try NoteVerifierKey(name: parsed.name, publicKey: publicKey)
        #expect(made == parsed)
        #expect(made.description == vector.verifierKey)
    }

    @Test func signerKeyReproducesTheGoSignature() throws {
        let vector = try #require(try NoteVectorFile.load().signedNotes.first { $0.signerKey != nil })
        let signer = try NoteSignerKey(parsing: try #require(vector.signerKey))
        #expect(signer.verifierKey == (try NoteVerifierKey(parsing: vector.verifierKey)))
        #expect(!signer.description.contains(try #require(vector.signerKey).suffix(20)))
        let note = try SignedNote(parsing: vector.note)
        #expect(signer.signature(forText: note.text) == note.signatures[0])
        let seed = Hex.decode(try #require(vector.seedHex))
        let fromSeed = try NoteSignerKey(name: "PeterNeumann", privateKey: Ed25519.PrivateKey(seed: seed))
        #expect(fromSeed.verifierKey == signer.verifierKey)
    }
}

@Suite struct CheckpointVectorTests {
    @Test(arguments: try NoteVectorFile.load().checkpoints.filter { $0.checkpoint != nil })
    func parsesTheSignedCheckpoint(_ vector: CheckpointVector) throws {
        let note = try SignedNote(parsing: try #require(vector.checkpoint))
        let checkpoint = try Checkpoint(parsing: note.text)
        #expect(checkpoint.origin == "example.com/behind-the-sofa")
        #expect(checkpoint.treeSize == 20_852_163)
        #expect(checkpoint.text == note.text)
        #expect(note.formatted == vector.checkpoint)
        if let origin = vector.expectedParse.origin { #expect(checkpoint.origin == origin) }
        if let size = vector.expectedParse.treeSize { #expect(checkpoint.treeSize == size) }
        if let root = vector.expectedParse.rootHashHex { #expect(checkpoint.rootHash == Hex.decode(root)) }
        if let lines = vector.expectedParse.extensionLines { #expect(checkpoint.extensionLines == lines) }
        if let name = vector.expectedParse.cosignatureKeyName {
            let line = try #require(note.signatures.first { $0.keyName == name })
            #expect(line.keyID == UInt32(try #require(vector.expectedParse.keyIdHex), radix: 16))
            let cosignature = try Cosignature(signatureBytes: line.signature)
            #expect(cosignature.timestamp == vector.expectedParse.timestamp)
            #expect(cosignature.signature.count == 64)
            #expect(cosignature.signatureBytes == line.signature)
        }
    }

    @Test func parsesTheGoSumDBTree() throws {
        let vector = try #require(try NoteVectorFile.load().checkpoints.first { $0.noteText != nil })
        let text = try #require(vector.noteText)
        let checkpoint = try Checkpoint(parsing: text, expectedOrigin: "go.sum database tree")
        #expect(checkpoint.treeSize == vector.expectedParse.treeSize)
        #expect(checkpoint.rootHash == Hex.decode(try #require(vector.expectedParse.rootHashHex)))
        let leaf = try #require(vector.expectedParse.rootHashIsRFC6962LeafHashOf)
        #expect(checkpoint.rootHash == MerkleHash.leaf(Array(leaf.utf8)))
        #expect(checkpoint.text == text)
        // "validWithTrailingJunk": C2SP reads a fourth line as an extension line.
        let extended = try Checkpoint(parsing: text + "JOE\n", expectedOrigin: "go.sum database tree")
        #expect(extended.extensionLines == ["JOE"])
    }

    @Test(arguments: try NoteVectorFile.load().checkpoints.flatMap { $0.invalidNoteTexts ?? [] })
    func rejectsTheGoSumDBInvalidTrees(_ text: String) {
        #expect(throws: NoteError.self) { try Checkpoint(parsing: text, expectedOrigin: "go.sum database tree") }
    }
}
