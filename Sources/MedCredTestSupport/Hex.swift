/// Hex helpers for test vectors (lower- or upper-case input, lower-case output).
public enum Hex {
    /// Decodes hex text; traps on malformed input because vector files are trusted test data.
    public static func decode(_ text: String) -> [UInt8] {
        let chars = Array(text.utf8)
        precondition(chars.count % 2 == 0, "odd-length hex in a vector: \(text)")  // invariant: vector data
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        var index = 0
        while index < chars.count {
            out.append(nibble(chars[index]) << 4 | nibble(chars[index + 1]))
            index += 2
        }
        return out
    }

    /// Encodes bytes as lower-case hex.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func nibble(_ c: UInt8) -> UInt8 {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: preconditionFailure("bad hex digit in a vector")  // invariant: vector data
        }
    }
}

/// A seeded, reproducible generator for property tests (SplitMix64, Steele et al. 2014).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The seed, to print in every failure message.
    public let seed: UInt64
    private var state: UInt64

    /// Starts the sequence at `seed`.
    public init(seed: UInt64) {
        self.seed = seed
        self.state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49eb_133d_11eb
        return z ^ (z >> 31)
    }

    /// `count` pseudo-random bytes.
    public mutating func bytes(count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
    }
}
