/// One-line messages for people (CLI output, problem `detail`).
extension Base58Error: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidCharacter(let character, let offset):
            "'\(character)' at offset \(offset) is not a base58btc character"
        }
    }
}

extension Base64URLError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidCharacter(let character, let offset):
            "'\(character)' at offset \(offset) is not an unpadded base64url character"
        case .invalidLength(let length): "\(length) characters cannot be base64url (length mod 4 is 1)"
        case .nonCanonical(let offset): "non-canonical base64url: unused bits set at offset \(offset)"
        }
    }
}

extension MultibaseError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .empty: "empty multibase value"
        case .unsupportedPrefix(let prefix): "unsupported multibase prefix '\(prefix)'; expected 'z' or 'u'"
        case .unexpectedEncoding(let expected, let actual):
            "expected \(expected.name) ('\(expected.rawValue)'), found \(actual.name) ('\(actual.rawValue)')"
        case .invalidCharacter(let character, let offset): "'\(character)' at offset \(offset) is not allowed"
        case .invalidLength(let length): "\(length) characters is not a valid base64url length"
        case .nonCanonical(let offset): "non-canonical encoding at offset \(offset)"
        }
    }
}

extension VarintError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .empty: "no varint bytes"
        case .truncated: "truncated varint"
        case .overflow: "varint longer than 9 bytes"
        case .nonCanonical(let offset): "non-minimal varint encoding at offset \(offset)"
        }
    }
}

extension MulticodecError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .malformedCode(let error): "malformed multicodec code: \(error)"
        case .missingPayload(let codec): "nothing follows the \(codec) multicodec code"
        }
    }
}
