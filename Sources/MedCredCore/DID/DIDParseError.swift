/// Why a text is not a DID or a DID URL (W3C DID Core §3.1 and §3.2).
///
/// Offsets count `Character`s from the start of the parsed text, so `did:example:a b` reports the space at
/// offset 13. See https://www.w3.org/TR/did-core/#did-syntax and https://www.w3.org/TR/did-core/#did-url-syntax.
public enum DIDParseError: Error, Equatable, Sendable {
    /// The text is empty.
    case empty
    /// The text does not begin with the `did:` scheme.
    case missingScheme
    /// The scheme is `did` in the wrong case (`DID:`, `Did:`); DID Core §3.1 requires lower case `did`.
    case invalidScheme(String)
    /// Nothing between `did:` and the next colon.
    case emptyMethodName
    /// The method name has a character other than `%x61-7A / DIGIT`.
    case invalidMethodName(String)
    /// The method name is not followed by `:` and a method-specific identifier (`did:example`).
    case missingMethodSpecificID
    /// The method-specific identifier is empty (`did:example:`).
    case emptyMethodSpecificID
    /// The method-specific identifier ends with `:`, which `*( *idchar ":" ) 1*idchar` forbids.
    case trailingColon
    /// A character the grammar does not allow at this position.
    case invalidCharacter(Character, offset: Int)
    /// A `%` not followed by two hexadecimal digits; the offset is that of the `%`.
    case invalidPercentEncoding(offset: Int)
    /// A DID URL path that is neither empty nor starts with `/` (RFC 3986 `path-abempty`).
    case pathNotAbsolute(String)
    /// A relative reference other than `#fragment`, `?query` or empty; path references such as `/path` or
    /// `key-1` resolve (RFC 3986 §5.2) to `did:/path`, which is not a DID URL.
    case unsupportedRelativeReference(String)
}

extension DIDParseError {
    /// The same error with its offset moved by `delta`, for errors found in a composed text.
    func shifted(by delta: Int) -> DIDParseError {
        switch self {
        case .invalidCharacter(let c, let offset): .invalidCharacter(c, offset: offset + delta)
        case .invalidPercentEncoding(let offset): .invalidPercentEncoding(offset: offset + delta)
        default: self
        }
    }
}
