/// The multiformats unsigned varint: 7 bits per byte, least significant group first, high bit = "more follows".
///
/// Specified by https://github.com/multiformats/unsigned-varint (section "Spec"): at most 9 bytes, so values
/// up to 2^63 − 1, and minimally encoded. Multicodec prefixes and multihash headers are unsigned varints.
public enum UnsignedVarint {
    /// The most bytes a varint may take (unsigned-varint "Spec": practical maximum of 9 bytes).
    public static let maxByteCount = 9

    /// The largest value that fits in 9 bytes: 2^63 − 1, which equals `Int.max` on 64-bit platforms.
    public static let maxValue: UInt64 = (1 << 63) - 1

    /// Encodes a value as a minimal unsigned varint (unsigned-varint "Spec").
    ///
    /// Values above ``maxValue`` have no 9-byte encoding. They never come from input (codes are constants, and
    /// any non-negative `Int` length fits), so passing one is a programming error and traps.
    /// - Parameter value: the value, at most ``maxValue``.
    /// - Returns: 1 to 9 bytes; the last has its high bit clear.
    public static func encode(_ value: UInt64) -> [UInt8] {
        precondition(value <= maxValue, "unsigned varints hold at most 63 bits")  // invariant: see doc comment
        var out: [UInt8] = []
        var rest = value
        while rest >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        out.append(UInt8(truncatingIfNeeded: rest))
        return out
    }

    /// Decodes the unsigned varint at the start of `bytes` (unsigned-varint "Spec").
    ///
    /// Bytes after the varint are not read: the caller gets the length and continues from there.
    /// - Parameter bytes: bytes starting with a varint.
    /// - Returns: the value and how many bytes the varint took (1 to 9).
    /// - Throws: ``VarintError/empty`` for no bytes; ``VarintError/truncated`` when the bytes end while the
    ///   high bit says more follow; ``VarintError/overflow`` when the 9th byte still has its high bit set;
    ///   ``VarintError/nonCanonical(offset:)`` when the last byte is a needless `0x00` (e.g. `80 00` for 0).
    public static func decode(_ bytes: some Collection<UInt8>) throws(VarintError) -> (value: UInt64, length: Int) {
        var value: UInt64 = 0
        var length = 0
        for byte in bytes {
            value |= UInt64(byte & 0x7F) << UInt64(7 * length)
            length += 1
            if byte & 0x80 == 0 {
                // A final 0x00 after other bytes adds nothing: the same value has a shorter encoding.
                guard byte != 0 || length == 1 else { throw .nonCanonical(offset: length - 1) }
                return (value, length)
            }
            guard length < maxByteCount else { throw .overflow }
        }
        throw length == 0 ? .empty : .truncated
    }
}

/// Why an unsigned varint could not be decoded (https://github.com/multiformats/unsigned-varint).
public enum VarintError: Error, Equatable, Sendable {
    /// There were no bytes.
    case empty
    /// The bytes ended while the last one's high bit said another byte follows.
    case truncated
    /// The 9th byte has its high bit set: the value would need more than 9 bytes (63 bits).
    case overflow
    /// The byte at `offset` is a final `0x00` that a minimal encoding would have left out.
    case nonCanonical(offset: Int)
}
