/// A C2SP signed note (https://c2sp.org/signed-note): a text ending in a newline, a blank line, and one or
/// more signature lines.
public struct SignedNote: Hashable, Sendable {
    /// The largest note accepted, in bytes.
    public static let maxBytes = 1 << 20
    /// The most signature lines accepted (the spec requires at least 16).
    public static let maxSignatures = 100

    /// The note text, final newline included, separating blank line excluded.
    public let text: String
    /// The signature lines, in order.
    public let signatures: [NoteSignature]

    /// Wraps a text and its signatures.
    /// - Parameters:
    ///   - text: the note text; it must end with a newline to be formatted correctly.
    ///   - signatures: the signature lines.
    public init(text: String, signatures: [NoteSignature]) {
        self.text = text
        self.signatures = signatures
    }

    /// Parses a signed note from bytes, checking UTF-8 strictly.
    /// - Parameter bytes: the whole note.
    /// - Throws: ``NoteError/invalidUTF8`` or any error of ``init(parsing:)-(String)``.
    public init(parsing bytes: some Collection<UInt8>) throws(NoteError) {
        let bytes = Array(bytes)
        guard bytes.count <= Self.maxBytes else { throw .tooLarge(bytes: bytes.count) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8 }
        try self.init(parsing: text)
    }

    /// Parses a signed note.
    /// - Parameter note: the whole note.
    /// - Throws: ``NoteError/tooLarge(bytes:)``, ``NoteError/controlCharacter(offset:)``,
    ///   ``NoteError/missingFinalNewline``, ``NoteError/missingSignatures``, ``NoteError/tooManySignatures(_:)``,
    ///   ``NoteError/malformedSignatureLine(line:)`` or ``NoteError/invalidKeyName(_:)``.
    public init(parsing note: String) throws(NoteError) {
        let utf8 = Array(note.utf8)
        guard utf8.count <= Self.maxBytes else { throw .tooLarge(bytes: utf8.count) }
        if let offset = utf8.firstIndex(where: { ($0 < 0x20 && $0 != 0x0a) || $0 == 0x7f }) {
            throw .controlCharacter(offset: offset)
        }
        guard utf8.last == 0x0a else { throw .missingFinalNewline }
        // The text ends at the last blank line: signature lines are never empty.
        guard let split = utf8.indices.dropLast().last(where: { utf8[$0] == 0x0a && utf8[$0 + 1] == 0x0a }),
            split + 2 < utf8.count
        else { throw .missingSignatures }
        let text = String(decoding: utf8[...split], as: UTF8.self)
        let lines = utf8[(split + 2)...].dropLast().split(separator: 0x0a, omittingEmptySubsequences: false)
        guard lines.count <= Self.maxSignatures else { throw .tooManySignatures(lines.count) }
        var signatures: [NoteSignature] = []
        for (number, line) in lines.enumerated() {
            signatures.append(try NoteSignature(parsing: Substring(decoding: line, as: UTF8.self), number: number))
        }
        self.init(text: text, signatures: signatures)
    }

    /// The whole note: text, blank line, signature lines.
    public var formatted: String { text + "\n" + signatures.map(\.line).joined() }

    /// Checks the signatures against known keys (C2SP signed-note "Signatures").
    ///
    /// Lines whose (name, key ID) match no known key are ignored. Every matching line is verified.
    /// - Parameter keys: the known verifier keys.
    /// - Returns: which known keys verified and which failed; see ``NoteVerification/isVerified``.
    public func verify(with keys: [NoteVerifierKey]) -> NoteVerification {
        var result = NoteVerification(verified: [], failed: [], ignored: [])
        for signature in signatures {
            guard let key = keys.first(where: { signature.isFrom($0) }) else {
                result.ignored.append(signature)
                continue
            }
            if key.isValidSignature(signature.signature, forText: text) {
                if !result.verified.contains(key) { result.verified.append(key) }
            } else {
                result.failed.append(key)
            }
        }
        return result
    }
}

/// The outcome of ``SignedNote/verify(with:)``: a failed check is a result, not an error.
public struct NoteVerification: Equatable, Sendable {
    /// Known keys with a valid signature, each once.
    public var verified: [NoteVerifierKey]
    /// Known keys with a signature line that did not verify.
    public var failed: [NoteVerifierKey]
    /// Signature lines from unknown keys, which the spec says to ignore.
    public var ignored: [NoteSignature]

    /// The spec's acceptance rule: at least one known key verified and none failed.
    public var isVerified: Bool { !verified.isEmpty && failed.isEmpty }
}
