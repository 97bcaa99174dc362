/// Why an `add-checkpoint` request body is malformed (C2SP tlog-witness, https://c2sp.org/tlog-witness).
///
/// Every case is answered with "400 Bad Request"; line numbers are 0-based over the whole body.
public enum WitnessRequestError: Error, Equatable, Sendable {
    /// The body is larger than ``WitnessRequest/maxBytes``.
    case tooLarge(bytes: Int)
    /// The first line is missing or is not `old <size>` with a canonical decimal size (the line, cut short).
    case invalidOldSizeLine(String)
    /// More than ``WitnessRequest/maxProofLines`` consistency proof lines.
    case tooManyProofLines(Int)
    /// A consistency proof line that is not canonical standard base64.
    case invalidBase64(line: Int)
    /// A consistency proof line that does not decode to a 32-byte hash.
    case proofHashLengthInvalid(line: Int, length: Int)
    /// The body ends before the empty line that separates the proof from the checkpoint.
    case missingBlankLine
    /// The checkpoint after the empty line is not a well-formed signed note.
    case malformedNote(NoteError)
    /// The signed note's text is not a well-formed checkpoint.
    case malformedCheckpoint(NoteError)
}
