public import MedCredCrypto

/// A note signer key (Go `golang.org/x/mod/sumdb/note` encoding, used by C2SP tooling):
/// `PRIVATE+KEY+<name>+<hex key ID>+<base64(type ‖ 32-byte Ed25519 seed)>`.
///
/// It holds a private key: its description shows only the verifier key, and parse errors show no input.
public struct NoteSignerKey: Sendable, CustomStringConvertible {
    /// The matching verifier key (name, key ID, type, public key).
    public let verifierKey: NoteVerifierKey
    private let privateKey: Ed25519.PrivateKey

    /// Makes a signer key from a private key.
    /// - Parameters:
    ///   - name: the key name.
    ///   - privateKey: the Ed25519 private key.
    ///   - type: ``NoteSignatureType/ed25519`` for a log, ``NoteSignatureType/cosignatureV1`` for a witness.
    /// - Throws: ``NoteError/invalidKeyName(_:)``.
    public init(name: String, privateKey: Ed25519.PrivateKey, type: NoteSignatureType = .ed25519) throws(NoteError) {
        self.verifierKey = try NoteVerifierKey(name: name, publicKey: privateKey.publicKey, type: type)
        self.privateKey = privateKey
    }

    /// Parses a signer key, splitting on the first four `+` only (the base64 may contain `+`).
    /// - Parameter text: the signer key text (secret).
    /// - Throws: ``NoteError/malformedSignerKey`` for any malformed part, ``NoteError/invalidKeyName(_:)``.
    public init(parsing text: some StringProtocol) throws(NoteError) {
        let parts = text.split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY", let statedID = parseKeyIDHex(parts[3]),
            let material = StandardBase64.decode(parts[4]), material.count == 1 + Ed25519.keyLength,
            let type = NoteSignatureType(rawValue: material[0]),
            let privateKey = try? Ed25519.PrivateKey(seed: material.dropFirst())
        else { throw .malformedSignerKey }
        try self.init(name: String(parts[2]), privateKey: privateKey, type: type)
        guard verifierKey.keyID == statedID else { throw .malformedSignerKey }
    }

    /// Signs a note text with an ``NoteSignatureType/ed25519`` key.
    /// - Parameter text: the note text, ending in a newline.
    /// - Returns: the signature line's contents.
    public func signature(forText text: String) -> NoteSignature {
        NoteSignature(
            keyName: verifierKey.name, keyID: verifierKey.keyID, signature: privateKey.signature(for: Array(text.utf8)))
    }

    /// Cosigns a checkpoint note text (https://c2sp.org/tlog-cosignature) at `timestamp`.
    /// - Parameters:
    ///   - text: the checkpoint note text, ending in a newline.
    ///   - timestamp: POSIX seconds, at most 2^63 − 1.
    /// - Returns: the signature line's contents (timestamp ‖ Ed25519 signature).
    /// - Throws: ``NoteError/timestampOutOfRange(_:)``.
    public func cosignature(forText text: String, timestamp: UInt64) throws(NoteError) -> NoteSignature {
        guard timestamp <= UInt64(Int64.max) else { throw .timestampOutOfRange(timestamp) }
        let unsigned = Cosignature(timestamp: timestamp, signature: [])
        let signature = privateKey.signature(for: unsigned.signedMessage(checkpointText: text))
        let bytes = Cosignature(timestamp: timestamp, signature: signature).signatureBytes
        return NoteSignature(keyName: verifierKey.name, keyID: verifierKey.keyID, signature: bytes)
    }

    /// The verifier key only; the private key is never printed.
    public var description: String { "NoteSignerKey(\(verifierKey))" }
}
