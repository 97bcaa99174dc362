/// Why JSON text was rejected, and the byte offset (from 0) where the problem starts.
///
/// The grammar is RFC 8259 (<https://www.rfc-editor.org/rfc/rfc8259>) with the I-JSON restrictions of
/// RFC 7493 (<https://www.rfc-editor.org/rfc/rfc7493>).
public enum JSONParseError: Error, Equatable, Sendable {
    /// The input holds no value: it is empty or only whitespace (RFC 8259 §2).
    case empty
    /// The input starts with a UTF-8 byte order mark, which RFC 8259 §8.1 forbids senders to add.
    case byteOrderMark
    /// The input is larger than ``JSONLimits/maxBytes``.
    case sizeLimitExceeded(limit: Int, size: Int)
    /// Arrays and objects nest deeper than ``JSONLimits/maxDepth``; `offset` is the opening bracket.
    case depthLimitExceeded(limit: Int, offset: Int)
    /// The input ends inside a value; `offset` is the input length.
    case unexpectedEnd(offset: Int)
    /// A byte that the grammar does not allow at `offset` (RFC 8259 §2).
    case unexpectedByte(UInt8, offset: Int)
    /// More than whitespace follows the value, starting at `offset` (RFC 8259 §2).
    case trailingData(offset: Int)
    /// A number has a superfluous leading zero, at `offset` (RFC 8259 §6).
    case leadingZero(offset: Int)
    /// A number starting at `offset` is too large for a finite double (RFC 7493 §2.2).
    case numberOutOfRange(offset: Int)
    /// A control character below U+0020 appears unescaped in a string (RFC 8259 §7).
    case controlCharacterInString(offset: Int)
    /// A backslash escape at `offset` is not one RFC 8259 §7 defines.
    case invalidEscape(offset: Int)
    /// A `\u` escape at `offset` is a surrogate without its pair (RFC 7493 §2.1).
    case loneSurrogate(offset: Int)
    /// The bytes at `offset` are not well-formed UTF-8 (RFC 8259 §8.1, RFC 3629 §4).
    case invalidUTF8(offset: Int)
    /// An object repeats a member name, compared after unescaping; `offset` is the repeat's quote
    /// (RFC 7493 §2.3).
    case duplicateMemberName(String, offset: Int)
}
