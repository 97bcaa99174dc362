/// A C2SP tlog checkpoint (https://c2sp.org/tlog-checkpoint): the note text
/// `<origin>\n<tree size>\n<base64 root hash>\n[extension lines]`.
public struct Checkpoint: Hashable, Sendable {
    /// The log's identity.
    public let origin: String
    /// The number of leaves.
    public let treeSize: UInt64
    /// The RFC 6962 root hash at ``treeSize``.
    public let rootHash: [UInt8]
    /// Opaque extension lines, each non-empty (NOT RECOMMENDED by the spec).
    public let extensionLines: [String]

    /// Makes a checkpoint.
    /// - Parameters:
    ///   - origin: the log's identity; non-empty, one line.
    ///   - treeSize: the number of leaves.
    ///   - rootHash: the 32-byte root hash.
    ///   - extensionLines: optional non-empty extension lines.
    /// - Throws: ``NoteError/emptyCheckpointLine(line:)``, ``NoteError/invalidRootHash(_:)``,
    ///   ``NoteError/controlCharacter(offset:)``.
    public init(origin: String, treeSize: UInt64, rootHash: [UInt8], extensionLines: [String] = []) throws(NoteError) {
        for (number, line) in ([origin] + extensionLines).enumerated() {
            guard !line.isEmpty else { throw .emptyCheckpointLine(line: number == 0 ? 0 : number + 2) }
            if let offset = line.utf8.firstIndex(where: { $0 < 0x20 || $0 == 0x7f }) {
                throw .controlCharacter(offset: line.utf8.distance(from: line.utf8.startIndex, to: offset))
            }
        }
        guard rootHash.count == MerkleHash.byteCount else { throw .invalidRootHash(StandardBase64.encode(rootHash)) }
        self.origin = origin
        self.treeSize = treeSize
        self.rootHash = rootHash
        self.extensionLines = extensionLines
    }

    /// Parses a checkpoint note text (the signed note's ``SignedNote/text``).
    /// - Parameters:
    ///   - text: the note text, ending in a newline.
    ///   - expectedOrigin: when given, the origin line must equal it.
    /// - Throws: ``NoteError/missingFinalNewline``, ``NoteError/checkpointTooShort(lines:)``,
    ///   ``NoteError/emptyCheckpointLine(line:)``, ``NoteError/invalidTreeSize(_:)``,
    ///   ``NoteError/invalidRootHash(_:)``, ``NoteError/controlCharacter(offset:)`` or
    ///   ``NoteError/originMismatch(expected:actual:)``.
    public init(parsing text: String, expectedOrigin: String? = nil) throws(NoteError) {
        guard text.hasSuffix("\n") else { throw .missingFinalNewline }
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 3 else { throw .checkpointTooShort(lines: lines.count) }
        if let expectedOrigin, lines[0] != expectedOrigin {
            throw .originMismatch(expected: expectedOrigin, actual: lines[0])
        }
        guard let size = parseCanonicalDecimal(lines[1]) else { throw .invalidTreeSize(lines[1]) }
        guard let root = StandardBase64.decode(lines[2]), root.count == MerkleHash.byteCount else {
            throw .invalidRootHash(lines[2])
        }
        try self.init(origin: lines[0], treeSize: size, rootHash: root, extensionLines: Array(lines.dropFirst(3)))
    }

    /// The note text, final newline included.
    public var text: String {
        ([origin, String(treeSize), StandardBase64.encode(rootHash)] + extensionLines).map { $0 + "\n" }.joined()
    }
}

/// ASCII decimal without leading zeroes (except `0` itself) that fits a `UInt64`.
func parseCanonicalDecimal(_ text: some StringProtocol) -> UInt64? {
    let digits = Array(text.utf8)
    guard !digits.isEmpty, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
        digits.count == 1 || digits[0] != UInt8(ascii: "0")
    else { return nil }
    return UInt64(String(text))
}
