/// Base64url without padding, strict: the "base64url" of RFC 4648 §5 as JOSE and multibase prefix `u` use it.
///
/// Specified by RFC 4648 §5 (https://www.rfc-editor.org/rfc/rfc4648#section-5), with padding omitted as §3.2
/// allows. Decoding rejects every character outside the alphabet (`=`, `+`, `/`, whitespace: §3.3), a length
/// that leaves a single character over, and non-zero unused bits in the last character (§3.5), so each byte
/// string has exactly one accepted text.
public enum Base64URL {
    /// The 64 digits of RFC 4648 Table 2.
    static let alphabet = Alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// Encodes bytes as unpadded base64url text (RFC 4648 §5).
    /// - Parameter bytes: the bytes to encode; may be empty.
    /// - Returns: the base64url text without `=` padding; empty for empty input.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        let digits = alphabet.digits
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var iterator = bytes.makeIterator()
        while let first = iterator.next() {
            let second = iterator.next()
            let third = second == nil ? nil : iterator.next()
            let group = UInt32(first) << 16 | UInt32(second ?? 0) << 8 | UInt32(third ?? 0)
            out.append(digits[Int(group >> 18 & 0x3F)])
            out.append(digits[Int(group >> 12 & 0x3F)])
            if second != nil { out.append(digits[Int(group >> 6 & 0x3F)]) }
            if third != nil { out.append(digits[Int(group & 0x3F)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes unpadded base64url text strictly (RFC 4648 §5, §3.3, §3.5).
    /// - Parameter text: the base64url text, without padding; empty text decodes to no bytes.
    /// - Returns: the decoded bytes.
    /// - Throws: ``Base64URLError/invalidCharacter(_:offset:)`` for the first character outside the alphabet
    ///   (`=`, `+`, `/`, whitespace, non-ASCII); ``Base64URLError/invalidLength(_:)`` when the length is 1 more
    ///   than a multiple of 4; ``Base64URLError/nonCanonical(offset:)`` when the last character has non-zero
    ///   unused bits.
    public static func decode(_ text: some StringProtocol) throws(Base64URLError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3 / 4)
        var group: UInt32 = 0
        var pending = 0
        var count = 0
        for byte in text.utf8 {
            guard let value = alphabet.value(of: byte) else {
                let invalid = alphabet.firstInvalidCharacter(in: text)
                throw .invalidCharacter(invalid.character, offset: invalid.offset)
            }
            group = group << 6 | UInt32(value)
            pending += 1
            count += 1
            if pending == 4 {
                out.append(UInt8(truncatingIfNeeded: group >> 16))
                out.append(UInt8(truncatingIfNeeded: group >> 8))
                out.append(UInt8(truncatingIfNeeded: group))
                group = 0
                pending = 0
            }
        }
        // Every character was ASCII, so `count` is also the length in characters.
        switch pending {
        case 0:
            break
        case 2:  // 12 bits: one byte and 4 unused bits
            guard group & 0x0F == 0 else { throw .nonCanonical(offset: count - 1) }
            out.append(UInt8(truncatingIfNeeded: group >> 4))
        case 3:  // 18 bits: two bytes and 2 unused bits
            guard group & 0x03 == 0 else { throw .nonCanonical(offset: count - 1) }
            out.append(UInt8(truncatingIfNeeded: group >> 10))
            out.append(UInt8(truncatingIfNeeded: group >> 2))
        default:  // 1: six bits cannot hold a byte
            throw .invalidLength(count)
        }
        return out
    }
}

/// Why base64url text could not be decoded (RFC 4648 §5, §3.3, §3.5).
public enum Base64URLError: Error, Equatable, Sendable {
    /// The character at `offset` (counted in characters) is not in the base64url alphabet; `=` padding,
    /// `+` and `/` (base64, not base64url) and whitespace included.
    case invalidCharacter(Character, offset: Int)
    /// The text is this many characters long, 1 more than a multiple of 4, so its last character holds no byte.
    case invalidLength(Int)
    /// The last character, at `offset`, has unused bits that are not zero (RFC 4648 §3.5 canonical encoding).
    case nonCanonical(offset: Int)
}
