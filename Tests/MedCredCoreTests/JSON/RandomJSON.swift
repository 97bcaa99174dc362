import MedCredCore
import MedCredTestSupport

/// Random JSON values for property tests, drawn from a seeded ``SplitMix64``.
struct RandomJSON {
    var rng: SplitMix64

    init(seed: UInt64) {
        rng = SplitMix64(seed: seed)
    }

    /// A value nested at most `depth` levels.
    mutating func value(depth: Int = 5) -> JSONValue {
        let choice = Int.random(in: 0..<(depth > 0 ? 8 : 5), using: &rng)
        switch choice {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &rng))
        case 2: return .number(number())
        case 3, 4: return .string(string())
        case 5, 6:
            var object = JSONObject()
            // Now and then an object large enough to use JSONObject's name index.
            let large = depth >= 4 && Int.random(in: 0..<4, using: &rng) == 0
            for _ in 0..<Int.random(in: 0...(large ? 24 : 6), using: &rng) {
                object[string()] = value(depth: depth - 1)
            }
            return .object(object)
        default:
            return .array((0..<Int.random(in: 0...6, using: &rng)).map { _ in value(depth: depth - 1) })
        }
    }

    /// A finite double: small integers, short decimals, or any finite bit pattern.
    mutating func number() -> Double {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return Double(Int.random(in: -1000...1000, using: &rng))
        case 1: return Double(Int.random(in: -99999...99999, using: &rng)) / 100
        default: return finiteDouble()
        }
    }

    /// Any finite double, from a uniformly random bit pattern.
    mutating func finiteDouble() -> Double {
        while true {
            let value = Double(bitPattern: rng.next())
            if value.isFinite { return value }
        }
    }

    /// A short string mixing ASCII, characters that need escaping, combining marks and non-BMP scalars.
    mutating func string() -> String {
        let pool: [Unicode.Scalar] = [
            "a", "b", "Z", "0", " ", "\"", "\\", "/", "\u{0}", "\u{8}", "\u{9}", "\u{A}", "\u{C}", "\u{D}", "\u{1F}",
            "\u{7F}", "\u{E9}", "\u{301}", "\u{2028}", "\u{E000}", "\u{FB33}", "\u{FEFF}", "\u{FFFF}", "\u{1F602}",
            "\u{10FFFF}",
        ]
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...8, using: &rng) {
            scalars.append(pool[Int.random(in: 0..<pool.count, using: &rng)])
        }
        return String(scalars)
    }
}
