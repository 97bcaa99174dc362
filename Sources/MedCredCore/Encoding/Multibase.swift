/// Multibase: base-encoded bytes behind a one-character prefix that names the encoding.
///
/// Specified by W3C Controlled Identifiers v1.0, Multibase (https://www.w3.org/TR/cid-1.0/#multibase-0) and
/// the multiformats multibase table (https://github.com/multiformats/multibase). MedCred reads and writes the
/// two encodings CID 1.0 uses: base58btc (`z`) and unpadded base64url (`u`). Every other prefix in the table
/// is reported as unsupported, by name of its character.
public enum Multibase {
    /// A multibase encoding MedCred supports; the raw value is its prefix character.
    public enum Encoding: Character, Sendable, CaseIterable {
        /// Base58 Bitcoin, ``Base58`` (multibase table: `z`, base58btc).
        case base58btc = "z"
        /// Base64url without padding, ``Base64URL`` (multibase table: `u`, base64url).
        case base64url = "u"

        /// The encoding's name in the multibase table, e.g. `base58btc`.
        public var name: String {
            switch self {
            case .base58btc: "base58btc"
            case .base64url: "base64url"
            }
        }
    }

    /// Encodes bytes as multibase text (CID 1.0 Multibase).
    /// - Parameters:
    ///   - bytes: the bytes to encode; may be empty.
    ///   - encoding: the base encoding, whose character becomes the prefix.
    /// - Returns: the prefix followed by the encoded bytes, e.g. `z6Mk…`.
    public static func encode(_ bytes: some Collection<UInt8>, as encoding: Encoding) -> String {
        switch encoding {
        case .base58btc: String(encoding.rawValue) + Base58.encode(bytes)
        case .base64url: String(encoding.rawValue) + Base64URL.encode(bytes)
        }
    }

    /// Decodes multibase text in any supported encoding (CID 1.0 Multibase).
    /// - Parameter text: the prefix character followed by the encoded bytes.
    /// - Returns: the encoding named by the prefix and the decoded bytes.
    /// - Throws: ``MultibaseError/empty`` for empty text; ``MultibaseError/unsupportedPrefix(_:)`` for a prefix
    ///   other than `z` or `u`; ``MultibaseError/invalidCharacter(_:offset:)``,
    ///   ``MultibaseError/invalidLength(_:)`` or ``MultibaseError/nonCanonical(offset:)`` when the rest is not
    ///   strict base58btc or base64url. Offsets count characters from the start of `text`, prefix included.
    public static func decode(_ text: some StringProtocol) throws(MultibaseError) -> (
        encoding: Encoding, bytes: [UInt8]
    ) {
        let encoding = try encoding(of: text)
        return (encoding, try decodePayload(text.dropFirst(), as: encoding))
    }

    /// Decodes multibase text that must use one particular encoding (CID 1.0 Multibase).
    /// - Parameters:
    ///   - text: the prefix character followed by the encoded bytes.
    ///   - encoding: the encoding the prefix must name; the payload is not decoded when it names another.
    /// - Returns: the decoded bytes.
    /// - Throws: ``MultibaseError/unexpectedEncoding(expected:actual:)`` when the prefix names another supported
    ///   encoding, and otherwise the errors of ``decode(_:)``.
    public static func decode(_ text: some StringProtocol, expecting encoding: Encoding) throws(MultibaseError)
        -> [UInt8]
    {
        let actual = try self.encoding(of: text)
        guard actual == encoding else { throw .unexpectedEncoding(expected: encoding, actual: actual) }
        return try decodePayload(text.dropFirst(), as: actual)
    }

    private static func encoding(of text: some StringProtocol) throws(MultibaseError) -> Encoding {
        guard let prefix = text.first else { throw .empty }
        guard let encoding = Encoding(rawValue: prefix) else { throw .unsupportedPrefix(prefix) }
        return encoding
    }

    /// Decodes the text after the prefix, moving error offsets past the one prefix character.
    private static func decodePayload(_ payload: some StringProtocol, as encoding: Encoding) throws(MultibaseError)
        -> [UInt8]
    {
        switch encoding {
        case .base58btc:
            do throws(Base58Error) {
                return try Base58.decode(payload)
            } catch {
                switch error {
                case .invalidCharacter(let character, let offset):
                    throw .invalidCharacter(character, offset: offset + 1)
                }
            }
        case .base64url:
            do throws(Base64URLError) {
                return try Base64URL.decode(payload)
            } catch {
                switch error {
                case .invalidCharacter(let character, let offset):
                    throw .invalidCharacter(character, offset: offset + 1)
                case .invalidLength(let length): throw .invalidLength(length)
                case .nonCanonical(let offset): throw .nonCanonical(offset: offset + 1)
                }
            }
        }
    }
}

/// Why multibase text could not be decoded (CID 1.0 Multibase, https://www.w3.org/TR/cid-1.0/#multibase-0).
public enum MultibaseError: Error, Equatable, Sendable {
    /// The text is empty, so it has no prefix.
    case empty
    /// The prefix is not `z` or `u`: another multibase encoding, or no encoding at all.
    case unsupportedPrefix(Character)
    /// The prefix names a supported encoding, but not the one the caller required.
    case unexpectedEncoding(expected: Multibase.Encoding, actual: Multibase.Encoding)
    /// The character at `offset` (counted in characters, prefix included) is not in the encoding's alphabet.
    case invalidCharacter(Character, offset: Int)
    /// The base64url part (after the prefix) is this many characters long, 1 more than a multiple of 4.
    case invalidLength(Int)
    /// The last base64url character, at `offset` (prefix included), has non-zero unused bits (RFC 4648 §3.5).
    case nonCanonical(offset: Int)
}
