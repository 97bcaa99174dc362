/// A parsed `add-checkpoint` request body (C2SP tlog-witness "add-checkpoint", https://c2sp.org/tlog-witness):
/// `old <size>\n`, up to 63 base64 consistency proof lines, an empty line, then the signed checkpoint.
public struct WitnessRequest: Hashable, Sendable {
    /// The largest body accepted, in bytes: a signed note's limit plus the proof lines.
    public static let maxBytes = SignedNote.maxBytes + 8 * 1024
    /// The most consistency proof lines a client may send.
    public static let maxProofLines = 63

    /// The tree size of the checkpoint the client believes the witness last cosigned.
    public let oldSize: UInt64
    /// The consistency proof hashes from ``oldSize`` to the checkpoint's size.
    public let proof: [[UInt8]]
    /// The signed checkpoint, verbatim.
    public let note: SignedNote
    /// The checkpoint in ``note``.
    public let checkpoint: Checkpoint

    /// Bundles a request; the note text must be a checkpoint.
    /// - Parameters:
    ///   - oldSize: the old size.
    ///   - proof: the consistency proof hashes.
    ///   - note: the signed checkpoint.
    /// - Throws: ``WitnessRequestError/malformedCheckpoint(_:)``.
    public init(oldSize: UInt64, proof: [[UInt8]], note: SignedNote) throws(WitnessRequestError) {
        do { self.checkpoint = try Checkpoint(parsing: note.text) } catch { throw .malformedCheckpoint(error) }
        self.oldSize = oldSize
        self.proof = proof
        self.note = note
    }

    /// Parses a request body strictly: every line ends in a newline, no leading zeroes, canonical base64.
    /// - Parameter body: the HTTP request body.
    /// - Throws: ``WitnessRequestError/tooLarge(bytes:)``, ``WitnessRequestError/invalidOldSizeLine(_:)``,
    ///   ``WitnessRequestError/tooManyProofLines(_:)``, ``WitnessRequestError/invalidBase64(line:)``,
    ///   ``WitnessRequestError/proofHashLengthInvalid(line:length:)``,
    ///   ``WitnessRequestError/missingBlankLine``, ``WitnessRequestError/malformedNote(_:)`` or
    ///   ``WitnessRequestError/malformedCheckpoint(_:)``.
    public init(parsing body: some Collection<UInt8>) throws(WitnessRequestError) {
        let bytes = Array(body)
        guard bytes.count <= Self.maxBytes else { throw .tooLarge(bytes: bytes.count) }
        var start = 0
        var lineNumber = 0
        guard let oldLine = Self.nextLine(bytes, from: &start) else {
            throw .invalidOldSizeLine(Self.excerpt(bytes[...]))
        }
        guard oldLine.starts(with: Array("old ".utf8)),
            let oldSize = parseCanonicalDecimal(Substring(decoding: oldLine.dropFirst(4), as: UTF8.self))
        else { throw .invalidOldSizeLine(Self.excerpt(oldLine)) }
        var proof: [[UInt8]] = []
        while true {
            lineNumber += 1
            guard let line = Self.nextLine(bytes, from: &start) else { throw .missingBlankLine }
            if line.isEmpty { break }
            guard proof.count < Self.maxProofLines else { throw .tooManyProofLines(proof.count + 1) }
            guard let hash = StandardBase64.decode(Substring(decoding: line, as: UTF8.self)) else {
                throw .invalidBase64(line: lineNumber)
            }
            guard hash.count == MerkleHash.byteCount else {
                throw .proofHashLengthInvalid(line: lineNumber, length: hash.count)
            }
            proof.append(hash)
        }
        let note: SignedNote
        do { note = try SignedNote(parsing: bytes[start...]) } catch { throw .malformedNote(error) }
        try self.init(oldSize: oldSize, proof: proof, note: note)
    }

    /// The request body.
    public var formatted: String {
        "old \(oldSize)\n" + proof.map { StandardBase64.encode($0) + "\n" }.joined() + "\n" + note.formatted
    }

    /// The bytes of the line starting at `start`, without its newline, advancing `start` past the newline;
    /// `nil` when no newline ends the line.
    private static func nextLine(_ bytes: [UInt8], from start: inout Int) -> ArraySlice<UInt8>? {
        guard start <= bytes.count, let end = bytes[start...].firstIndex(of: 0x0a) else { return nil }
        defer { start = end + 1 }
        return bytes[start..<end]
    }

    /// A short, printable fragment of untrusted input for an error.
    private static func excerpt(_ bytes: ArraySlice<UInt8>) -> String {
        let prefix = bytes.prefix(32).prefix { $0 != 0x0a }
        return String(decoding: prefix.map { $0 >= 0x20 && $0 < 0x7f ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }
}
