import MedCredTestSupport
import Testing

/// `transparency-log/signed-note-and-checkpoint-vectors.json`, read in place (SOURCES.md §9).
struct NoteVectorFile: Decodable {
    static let path = "transparency-log/signed-note-and-checkpoint-vectors.json"
    static func load() throws -> NoteVectorFile { try Vectors.load(path, as: NoteVectorFile.self) }

    let signedNotes: [SignedNoteVector]
    let checkpoints: [CheckpointVector]
}

struct SignedNoteVector: Decodable, CustomTestStringConvertible {
    struct Signature: Decodable {
        let keyName: String
        let keyIdHex: String
        let known: Bool
        let verifies: Bool?
    }

    let id: String
    let verifierKey: String
    let signerKey: String?
    let publicKeyHex: String?
    let seedHex: String?
    let note: String
    let noteText: String?
    let signatures: [Signature]
    let expected: String

    var isValid: Bool { expected.hasPrefix("valid") }
    var testDescription: String { id }
}

struct CheckpointVector: Decodable, CustomTestStringConvertible {
    struct Parse: Decodable {
        let origin: String?
        let treeSize: UInt64?
        let rootHashHex: String?
        let extensionLines: [String]?
        let cosignatureKeyName: String?
        let keyIdHex: String?
        let timestamp: UInt64?
        let rootHashIsRFC6962LeafHashOf: String?
    }

    let id: String
    let checkpoint: String?
    let noteText: String?
    let expectedParse: Parse
    let invalidNoteTexts: [String]?

    var testDescription: String { id }
}
