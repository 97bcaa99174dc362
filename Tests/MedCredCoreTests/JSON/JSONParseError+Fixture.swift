import MedCredCore

/// Names and offsets of parse errors, so fixture files can state `wantError` as plain JSON.
extension JSONParseError {
    var caseName: String {
        switch self {
        case .empty: "empty"
        case .byteOrderMark: "byteOrderMark"
        case .sizeLimitExceeded: "sizeLimitExceeded"
        case .depthLimitExceeded: "depthLimitExceeded"
        case .unexpectedEnd: "unexpectedEnd"
        case .unexpectedByte: "unexpectedByte"
        case .trailingData: "trailingData"
        case .leadingZero: "leadingZero"
        case .numberOutOfRange: "numberOutOfRange"
        case .controlCharacterInString: "controlCharacterInString"
        case .invalidEscape: "invalidEscape"
        case .loneSurrogate: "loneSurrogate"
        case .invalidUTF8: "invalidUTF8"
        case .duplicateMemberName: "duplicateMemberName"
        }
    }

    var offset: Int? {
        switch self {
        case .empty, .byteOrderMark, .sizeLimitExceeded: nil
        case .depthLimitExceeded(_, let offset), .unexpectedEnd(let offset), .unexpectedByte(_, let offset),
            .trailingData(let offset), .leadingZero(let offset), .numberOutOfRange(let offset),
            .controlCharacterInString(let offset), .invalidEscape(let offset), .loneSurrogate(let offset),
            .invalidUTF8(let offset), .duplicateMemberName(_, let offset):
            offset
        }
    }
}
