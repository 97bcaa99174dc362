/// Base58btc, the Bitcoin base58 alphabet, as used by multibase prefix `z`.
///
/// Specified by draft-msporny-base58-03 §2–§4 (https://datatracker.ietf.org/doc/html/draft-msporny-base58-03).
/// Each leading zero byte becomes a leading `1`, and the rest is the big-endian number in base 58. Every
/// string over the alphabet decodes to exactly one byte string, so there is no non-canonical form to reject.
///
/// Encoding and decoding are quadratic in the input length, which is fast for keys and hashes (32–64 bytes);
/// callers decoding untrusted text should bound its length first.
public enum Base58 {
    /// The 58 digits: no `0`, `O`, `I` or `l`.
    static let alphabet = Alphabet("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")

    /// 58^5, the largest power of 58 that fits in a `UInt32` limb.
    private static let digitsPerLimb = 5
    private static let limbBase: UInt64 = 58 * 58 * 58 * 58 * 58

    /// Encodes bytes as base58btc text (draft-msporny-base58-03 §3).
    /// - Parameter bytes: the bytes to encode; may be empty.
    /// - Returns: the base58btc text, with one `1` for each leading zero byte; empty for empty input.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        let zeros = input.prefix(while: { $0 == 0 }).count
        // The number, little-endian, in limbs of base 58^5; fed 4 bytes (2^32) at a time.
        var limbs: [UInt32] = []
        limbs.reserveCapacity(input.count / 3 + 1)
        var index = zeros
        while index < input.count {
            let end = min(index + 4, input.count)
            var chunk: UInt64 = 0
            for byte in input[index..<end] {
                chunk = chunk << 8 | UInt64(byte)
            }
            multiplyAdd(&limbs, multiplier: 1 << UInt64(8 * (end - index)), addend: chunk, base: limbBase)
            index = end
        }
        var out = [UInt8](repeating: alphabet.digits[0], count: zeros)
        out.reserveCapacity(zeros + limbs.count * digitsPerLimb)
        for (position, limb) in limbs.reversed().enumerated() {
            var digits = [UInt8](repeating: 0, count: digitsPerLimb)
            var rest = limb
            for slot in digits.indices.reversed() {
                digits[slot] = UInt8(rest % 58)
                rest /= 58
            }
            // Only the most significant limb drops its leading zero digits; a leading `1` means a zero byte.
            let significant = position == 0 ? digits.drop(while: { $0 == 0 }) : digits[...]
            out.append(contentsOf: significant.map { alphabet.digits[Int($0)] })
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes base58btc text (draft-msporny-base58-03 §4).
    /// - Parameter text: the base58btc digits, without a multibase prefix; empty text decodes to no bytes.
    /// - Returns: the decoded bytes, with one zero byte for each leading `1`.
    /// - Throws: ``Base58Error/invalidCharacter(_:offset:)`` for the first character outside the alphabet,
    ///   including `0`, `O`, `I`, `l`, whitespace and any non-ASCII character.
    public static func decode(_ text: some StringProtocol) throws(Base58Error) -> [UInt8] {
        var values: [UInt8] = []
        values.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard let value = alphabet.value(of: byte) else {
                let invalid = alphabet.firstInvalidCharacter(in: text)
                throw .invalidCharacter(invalid.character, offset: invalid.offset)
            }
            values.append(value)
        }
        let zeros = values.prefix(while: { $0 == 0 }).count
        // The number, little-endian, in limbs of base 2^32; fed 5 digits (58^5) at a time.
        var limbs: [UInt32] = []
        limbs.reserveCapacity(values.count / 5 + 1)
        var index = zeros
        while index < values.count {
            let end = min(index + digitsPerLimb, values.count)
            var chunk: UInt64 = 0
            var multiplier: UInt64 = 1
            for value in values[index..<end] {
                chunk = chunk * 58 + UInt64(value)
                multiplier *= 58
            }
            multiplyAdd(&limbs, multiplier: multiplier, addend: chunk, base: 1 << 32)
            index = end
        }
        var out = [UInt8](repeating: 0, count: zeros)
        out.reserveCapacity(zeros + limbs.count * 4)
        for (position, limb) in limbs.reversed().enumerated() {
            let bytes = [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: limb >> $0) }
            // Only the most significant limb drops its leading zero bytes; those came from the `1`s above.
            out.append(contentsOf: position == 0 ? bytes.drop(while: { $0 == 0 }) : bytes[...])
        }
        return out
    }

    /// `limbs = limbs * multiplier + addend` for a little-endian number in limbs of `base`.
    ///
    /// Both callers keep `limb * multiplier + carry` below 2^62 (limbs below 2^32, multipliers at most 2^32 and
    /// limbs below 58^5, or the reverse), so the arithmetic cannot overflow.
    private static func multiplyAdd(_ limbs: inout [UInt32], multiplier: UInt64, addend: UInt64, base: UInt64) {
        var carry = addend
        for slot in limbs.indices {
            let product = UInt64(limbs[slot]) * multiplier + carry
            limbs[slot] = UInt32(truncatingIfNeeded: product % base)
            carry = product / base
        }
        while carry > 0 {
            limbs.append(UInt32(truncatingIfNeeded: carry % base))
            carry /= base
        }
    }
}

/// Why base58btc text could not be decoded (draft-msporny-base58-03 §4).
public enum Base58Error: Error, Equatable, Sendable {
    /// The character at `offset` (counted in characters from the start of the text) is not a base58btc digit.
    case invalidCharacter(Character, offset: Int)
}
