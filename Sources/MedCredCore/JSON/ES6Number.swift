/// Formats doubles as ECMAScript `Number.prototype.toString` does, which RFC 8785 §3.2.2.3 adopts.
///
/// ECMA-262 §6.1.6.1.20 (Number::toString): shortest round-trip digits, laid out in full for
/// 1e-7 < |x| < 1e21 and in `d.ddde±n` form otherwise. The shortest digits come from Swift's
/// `Double.description`, which also picks the shortest digit string closest to the value.
enum ES6Number {
    /// Appends the ES6 text of `value`; a non-finite value, which JSON cannot express, becomes `null`.
    static func append(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite else {
            out.append(contentsOf: "null".utf8)
            return
        }
        if value == 0 {
            out.append(UInt8(ascii: "0"))  // RFC 8785 §3.2.2.3: -0 serialises as 0
            return
        }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        // Below 2^53 an integral double's exact digits are its shortest round-trip digits.
        if magnitude < 9_007_199_254_740_992, magnitude.rounded(.towardZero) == magnitude {
            appendInteger(UInt64(magnitude), to: &out)
            return
        }
        var (digits, pointPosition) = shortestDigits(of: magnitude)
        layOut(&digits, pointPosition: pointPosition, to: &out)
    }

    /// The significant digits (ASCII, no leading or trailing zeros) and the position `n` of the
    /// decimal point, so that `magnitude == 0.d₁d₂…dₖ × 10ⁿ`.
    private static func shortestDigits(of magnitude: Double) -> (digits: [UInt8], pointPosition: Int) {
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var point: Int?
        var exponent = 0
        var exponentSign = 1
        var inExponent = false
        for byte in magnitude.description.utf8 {
            switch byte {
            case UInt8(ascii: "."): point = digits.count
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "-"): exponentSign = -1
            case UInt8(ascii: "+"): break
            default:
                let digit = byte &- UInt8(ascii: "0")
                if inExponent {
                    exponent = exponent * 10 + Int(digit)
                } else {
                    digits.append(byte)
                }
            }
        }
        var pointPosition = (point ?? digits.count) + exponentSign * exponent
        let leadingZeros = digits.prefix { $0 == UInt8(ascii: "0") }.count
        digits.removeFirst(leadingZeros)
        pointPosition -= leadingZeros
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return (digits, pointPosition)
    }

    /// Steps 6–10 of ECMA-262 Number::toString for digits `d₁…dₖ` and point position `n`.
    private static func layOut(_ digits: inout [UInt8], pointPosition n: Int, to out: inout [UInt8]) {
        let k = digits.count
        if k <= n && n <= 21 {
            out.append(contentsOf: digits)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: n - k))
        } else if 0 < n && n <= 21 {
            out.append(contentsOf: digits[..<n])
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: digits[n...])
        } else if -6 < n && n <= 0 {
            out.append(contentsOf: "0.".utf8)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -n))
            out.append(contentsOf: digits)
        } else {
            out.append(digits[0])
            if k > 1 {
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: digits[1...])
            }
            out.append(UInt8(ascii: "e"))
            out.append(n - 1 < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            appendInteger(UInt64((n - 1).magnitude), to: &out)
        }
    }

    /// Appends the decimal digits of `value`.
    static func appendInteger(_ value: UInt64, to out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        let start = out.count
        var rest = value
        while rest > 0 {
            out.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        }
        out[start...].reverse()
    }
}
