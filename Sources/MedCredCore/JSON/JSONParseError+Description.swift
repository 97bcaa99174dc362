/// One-line messages for people (CLI output, problem `detail`); they never quote document content beyond
/// a duplicated member name.
extension JSONParseError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .empty: "empty JSON document"
        case .byteOrderMark: "JSON must not begin with a byte order mark"
        case .sizeLimitExceeded(let limit, let size): "JSON document of \(size) bytes exceeds the \(limit)-byte limit"
        case .depthLimitExceeded(let limit, let offset): "nesting deeper than \(limit) levels at byte \(offset)"
        case .unexpectedEnd(let offset): "JSON ends unexpectedly at byte \(offset)"
        case .unexpectedByte(let byte, let offset):
            "unexpected \(byte >= 0x20 && byte < 0x7f ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))") at byte \(offset)"
        case .trailingData(let offset): "data after the JSON value at byte \(offset)"
        case .leadingZero(let offset): "number with a leading zero at byte \(offset)"
        case .numberOutOfRange(let offset): "number at byte \(offset) does not fit a double (I-JSON)"
        case .controlCharacterInString(let offset): "unescaped control character in a string at byte \(offset)"
        case .invalidEscape(let offset): "invalid escape sequence at byte \(offset)"
        case .loneSurrogate(let offset): "unpaired UTF-16 surrogate escape at byte \(offset)"
        case .invalidUTF8(let offset): "invalid UTF-8 at byte \(offset)"
        case .duplicateMemberName(let name, let offset): "duplicate member name \"\(name)\" at byte \(offset)"
        }
    }
}
