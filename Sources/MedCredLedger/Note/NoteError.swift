/// Why a C2SP signed note, key, checkpoint, cosignature or tlog proof could not be parsed or made
/// (https://c2sp.org/signed-note, https://c2sp.org/tlog-checkpoint, https://c2sp.org/tlog-proof).
///
/// Cases carry public fragments only: signer keys are secret, so their errors say nothing about the input.
public enum NoteError: Error, Equatable, Sendable {
    /// The note is larger than ``SignedNote/maxBytes``.
    case tooLarge(bytes: Int)
    /// The bytes are not valid UTF-8.
    case invalidUTF8
    /// A control character other than newline at this byte offset.
    case controlCharacter(offset: Int)
    /// No blank line separates the text from signature lines, or there are no signature lines.
    case missingSignatures
    /// The note does not end with a newline.
    case missingFinalNewline
    /// More signature lines than ``SignedNote/maxSignatures``.
    case tooManySignatures(Int)
    /// A signature line that is not `— <name> <base64>` (the line, 0-based among signature lines).
    case malformedSignatureLine(line: Int)
    /// A key name that is empty or contains a space or `+`.
    case invalidKeyName(String)
    /// Text that is not canonical standard base64.
    case invalidBase64(String)
    /// A signature of the wrong length for its key type.
    case signatureLengthInvalid(expected: Int, actual: Int)
    /// A verifier key that is not `<name>+<hex key ID>+<base64(type ‖ key)>`.
    case malformedVerifierKey(String)
    /// A signer key that is not `PRIVATE+KEY+<name>+<hex key ID>+<base64(type ‖ seed)>` (input not shown).
    case malformedSignerKey
    /// A key ID that differs from the one computed from the name, type and key.
    case keyIDMismatch(expected: UInt32, actual: UInt32)
    /// A signature type this package does not support.
    case unsupportedSignatureType(UInt8)
    /// Key material of the wrong length.
    case keyLengthInvalid(expected: Int, actual: Int)
    /// The note text is not a checkpoint: fewer than three lines (`count` lines given).
    case checkpointTooShort(lines: Int)
    /// An empty checkpoint origin or extension line (0-based line number).
    case emptyCheckpointLine(line: Int)
    /// A tree size that is not a canonical decimal `UInt64`.
    case invalidTreeSize(String)
    /// A root hash that is not base64 of 32 bytes.
    case invalidRootHash(String)
    /// The origin line differs from the expected origin.
    case originMismatch(expected: String, actual: String)
    /// A cosignature timestamp above 2^63 − 1.
    case timestampOutOfRange(UInt64)
    /// A tlog proof whose first line is not `c2sp.org/tlog-proof@v1`.
    case invalidProofHeader(String)
    /// A tlog proof line that is not what the format requires there (0-based line number).
    case malformedProofLine(line: Int)
    /// A tlog proof index that is not a canonical decimal `UInt64`.
    case invalidIndex(String)
}
