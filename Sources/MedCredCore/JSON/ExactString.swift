/// String comparison and hashing by UTF-8 bytes (that is, by Unicode scalars).
///
/// Swift's `String ==` uses canonical equivalence, but RFC 8259 §8.3 compares member names by code
/// units, and RFC 8785 signs the exact scalars, so JSON must not merge `"é"` with `"e\u0301"`.
enum ExactString {
    /// Whether `a` and `b` hold the same Unicode scalars.
    static func equal(_ a: String, _ b: String) -> Bool {
        let (x, y) = (a.utf8, b.utf8)
        return x.count == y.count && x.elementsEqual(y)
    }

    /// Feeds the UTF-8 bytes of `string` to `hasher`, eight at a time.
    static func hash(_ string: String, into hasher: inout Hasher) {
        hash(utf8: string.utf8, into: &hasher)
    }

    /// Feeds UTF-8 bytes to `hasher`, eight at a time, then their count.
    static func hash(utf8 bytes: some Collection<UInt8>, into hasher: inout Hasher) {
        var word: UInt64 = 0
        var filled = 0
        for byte in bytes {
            word = word << 8 | UInt64(byte)
            filled += 1
            if filled == 8 {
                hasher.combine(word)
                word = 0
                filled = 0
            }
        }
        hasher.combine(word)
        hasher.combine(bytes.count)
    }

    /// Whether the UTF-8 name `bytes[a]` sorts before `bytes[b]` by UTF-16 code units (RFC 8785 §3.2.3).
    ///
    /// UTF-8 byte order equals code point order; UTF-16 order differs only where a supplementary
    /// scalar (surrogates D800–DBFF) meets a scalar in U+E000–U+FFFF (lead bytes EE and EF).
    static func precedesInUTF16Order(_ bytes: [UInt8], _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        var (left, right) = (a.lowerBound, b.lowerBound)
        while left < a.upperBound && right < b.upperBound {
            let (x, y) = (bytes[left], bytes[right])
            if x != y {
                // The common prefix ends on a scalar boundary or inside scalars of the same length.
                if x >= 0xF0 && (y == 0xEE || y == 0xEF) { return true }
                if y >= 0xF0 && (x == 0xEE || x == 0xEF) { return false }
                return x < y
            }
            left += 1
            right += 1
        }
        return left == a.upperBound && right < b.upperBound
    }
}
