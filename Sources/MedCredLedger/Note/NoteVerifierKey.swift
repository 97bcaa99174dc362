public import MedCredCrypto

/// The signature types this package supports (C2SP signed-note "Signature types",
/// https://c2sp.org/signed-note#signature-types).
public enum NoteSignatureType: UInt8, Hashable, Sendable {
    /// `0x01`: Ed25519 over the note text.
    case ed25519 = 0x01
    /// `0x04`: timestamped Ed25519 checkpoint cosignature (https://c2sp.org/tlog-cosignature).
    case cosignatureV1 = 0x04

    /// Length of the signature after the 4-byte key ID.
    var signatureLength: Int { self == .ed25519 ? Ed25519.signatureLength : 8 + Ed25519.signatureLength }
}

/// A note verifier key (C2SP signed-note "Verifier keys", https://c2sp.org/signed-note#verifier-keys):
/// `<name>+<hex key ID>+<base64(type ‖ public key)>`.
public struct NoteVerifierKey: Hashable, Sendable, CustomStringConvertible {
    /// The key name, as in signature lines.
    public let name: String
    /// The key ID, SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4] as a big-endian integer.
    public let keyID: UInt32
    /// The signature type.
    public let type: NoteSignatureType
    /// The Ed25519 public key.
    public let publicKey: Ed25519.PublicKey

    /// Makes the verifier key for a name and public key, computing the key ID.
    /// - Parameters:
    ///   - name: the key name; non-empty, without spaces or `+`.
    ///   - publicKey: the Ed25519 public key.
    ///   - type: ``NoteSignatureType/ed25519`` for a log, ``NoteSignatureType/cosignatureV1`` for a witness.
    /// - Throws: ``NoteError/invalidKeyName(_:)``.
    public init(name: String, publicKey: Ed25519.PublicKey, type: NoteSignatureType = .ed25519) throws(NoteError) {
        try validateKeyName(name)
        self.name = name
        self.publicKey = publicKey
        self.type = type
        self.keyID = noteKeyID(name: name, type: type, publicKey: publicKey.rawRepresentation)
    }

    /// Parses a vkey, splitting on the first two `+` only (the base64 may contain `+`).
    /// - Parameter text: the vkey.
    /// - Throws: ``NoteError/malformedVerifierKey(_:)``, ``NoteError/invalidKeyName(_:)``,
    ///   ``NoteError/unsupportedSignatureType(_:)``, ``NoteError/keyLengthInvalid(expected:actual:)`` or
    ///   ``NoteError/keyIDMismatch(expected:actual:)``.
    public init(parsing text: some StringProtocol) throws(NoteError) {
        let text = String(text)
        let parts = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let statedID = parseKeyIDHex(parts[1]), let material = StandardBase64.decode(parts[2]),
            let typeByte = material.first
        else { throw .malformedVerifierKey(text) }
        guard let type = NoteSignatureType(rawValue: typeByte) else { throw .unsupportedSignatureType(typeByte) }
        guard material.count == 1 + Ed25519.keyLength else {
            throw .keyLengthInvalid(expected: Ed25519.keyLength, actual: material.count - 1)
        }
        guard let publicKey = try? Ed25519.PublicKey(rawRepresentation: material.dropFirst()) else {
            throw .malformedVerifierKey(text)
        }
        try self.init(name: String(parts[0]), publicKey: publicKey, type: type)
        guard keyID == statedID else { throw .keyIDMismatch(expected: keyID, actual: statedID) }
    }

    /// The vkey text.
    public var description: String {
        "\(name)+\(hex8(keyID))+\(StandardBase64.encode([type.rawValue] + publicKey.rawRepresentation))"
    }

    /// Whether this key signed `text` with `signature` (the bytes after the key ID).
    ///
    /// For ``NoteSignatureType/cosignatureV1`` keys the message is the tlog-cosignature one, so this checks a
    /// witness cosignature over a checkpoint note text.
    /// - Parameters:
    ///   - signature: the signature bytes after the key ID.
    ///   - text: the note text, final newline included.
    /// - Returns: true when the signature verifies.
    public func isValidSignature(_ signature: [UInt8], forText text: String) -> Bool {
        switch type {
        case .ed25519:
            return signature.count == Ed25519.signatureLength
                && publicKey.isValidSignature(signature, for: Array(text.utf8))
        case .cosignatureV1:
            guard let cosignature = try? Cosignature(signatureBytes: signature) else { return false }
            return publicKey.isValidSignature(
                cosignature.signature, for: cosignature.signedMessage(checkpointText: text))
        }
    }
}

/// SHA-256(name ‖ 0x0A ‖ type ‖ key)[:4], big-endian (C2SP signed-note).
func noteKeyID(name: String, type: NoteSignatureType, publicKey: [UInt8]) -> UInt32 {
    let digest = SHA256.hash(Array(name.utf8) + [0x0a, type.rawValue] + publicKey)
    return digest.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
}

/// Key names are non-empty and contain no Unicode space and no `+`.
func validateKeyName(_ name: String) throws(NoteError) {
    guard !name.isEmpty,
        !name.unicodeScalars.contains(where: {
            $0.properties.isWhitespace || $0 == "+" || $0.value < 0x20 || $0 == "\u{7f}"
        })
    else { throw .invalidKeyName(name) }
}

/// Exactly eight lower-case hex digits.
func parseKeyIDHex(_ text: some StringProtocol) -> UInt32? {
    let digits = Array(text.utf8)
    guard digits.count == 8,
        digits.allSatisfy({
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
        })
    else { return nil }
    return UInt32(String(text), radix: 16)
}

/// Eight lower-case hex digits.
func hex8(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 8 - digits.count) + digits
}
