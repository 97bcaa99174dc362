/// One signature line of a signed note (C2SP signed-note, https://c2sp.org/signed-note#signatures):
/// `— <key name> base64(key ID ‖ signature)`.
public struct NoteSignature: Hashable, Sendable {
    /// The key name.
    public let keyName: String
    /// The 32-bit key ID, big-endian in the line.
    public let keyID: UInt32
    /// The signature bytes after the key ID.
    public let signature: [UInt8]

    /// Wraps the parts of a signature line.
    /// - Parameters:
    ///   - keyName: the key name.
    ///   - keyID: the key ID.
    ///   - signature: the signature bytes after the key ID.
    public init(keyName: String, keyID: UInt32, signature: [UInt8]) {
        self.keyName = keyName
        self.keyID = keyID
        self.signature = signature
    }

    /// Parses a signature line without its final newline.
    /// - Parameters:
    ///   - line: the line.
    ///   - number: its 0-based position among the signature lines, for errors.
    /// - Throws: ``NoteError/malformedSignatureLine(line:)``, ``NoteError/invalidKeyName(_:)``.
    init(parsing line: Substring, number: Int) throws(NoteError) {
        guard line.hasPrefix("\u{2014} ") else { throw .malformedSignatureLine(line: number) }
        let rest = line.dropFirst(2)
        // The base64 has no spaces, so the last space separates it from the name.
        guard let space = rest.lastIndex(of: " ") else { throw .malformedSignatureLine(line: number) }
        let name = String(rest[..<space])
        try validateKeyName(name)
        guard let bytes = StandardBase64.decode(rest[rest.index(after: space)...]), bytes.count > 4 else {
            throw .malformedSignatureLine(line: number)
        }
        self.init(
            keyName: name, keyID: bytes.prefix(4).reduce(0) { $0 << 8 | UInt32($1) },
            signature: Array(bytes.dropFirst(4)))
    }

    /// The line, with its final newline.
    public var line: String {
        let idBytes = (0..<4).reversed().map { UInt8(truncatingIfNeeded: keyID >> UInt32($0 * 8)) }
        return "\u{2014} \(keyName) \(StandardBase64.encode(idBytes + signature))\n"
    }

    /// Whether `key` has this line's name and key ID (the tuple that identifies a key).
    public func isFrom(_ key: NoteVerifierKey) -> Bool { key.name == keyName && key.keyID == keyID }
}
