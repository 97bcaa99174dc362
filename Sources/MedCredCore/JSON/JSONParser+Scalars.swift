extension JSONParser {
    /// Parses a string at `offset` (which holds `"`), validating UTF-8 and escapes (RFC 8259 §7, §8).
    mutating func parseString() throws(JSONParseError) -> String {
        offset += 1
        let start = offset
        // Fast path: no escapes, so the validated bytes are the string.
        while true {
            let byte = try stringByte()
            if byte == UInt8(ascii: "\"") {
                offset += 1
                return String(decoding: bytes[start..<(offset - 1)], as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            try consumeUnescaped(byte)
        }
        var buffer = Array(bytes[start..<offset])
        while true {
            let byte = try stringByte()
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try consumeEscape(into: &buffer)
            default:
                let begin = offset
                try consumeUnescaped(byte)
                buffer.append(contentsOf: bytes[begin..<offset])
            }
        }
    }

    /// The next byte inside a string, or `.unexpectedEnd` if the string is not closed.
    private func stringByte() throws(JSONParseError) -> UInt8 {
        guard offset < bytes.count else { throw .unexpectedEnd(offset: bytes.count) }
        return bytes[offset]
    }

    /// Consumes one literal scalar starting with `byte`: ASCII other than controls, or well-formed UTF-8.
    private mutating func consumeUnescaped(_ byte: UInt8) throws(JSONParseError) {
        if byte < 0x20 { throw .controlCharacterInString(offset: offset) }
        if byte < 0x80 {
            offset += 1
            return
        }
        offset += try utf8SequenceLength(at: offset)
    }

    /// The length of the well-formed UTF-8 sequence at `position` (RFC 3629 §4, Unicode Table 3-7).
    ///
    /// Rejects continuation bytes as leads, overlong forms (C0, C1, E0 80–9F, F0 80–8F), UTF-16
    /// surrogates (ED A0–BF), scalars above U+10FFFF (F4 90–BF, F5–FF) and truncated sequences.
    private func utf8SequenceLength(at position: Int) throws(JSONParseError) -> Int {
        let lead = bytes[position]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: throw .invalidUTF8(offset: position)
        }
        guard position + length <= bytes.count, secondRange.contains(bytes[position + 1]) else {
            throw .invalidUTF8(offset: position)
        }
        for next in (position + 2)..<(position + length) where !(0x80...0xBF).contains(bytes[next]) {
            throw .invalidUTF8(offset: position)
        }
        return length
    }

    /// Consumes a backslash escape and appends the UTF-8 of the character it stands for (RFC 8259 §7).
    private mutating func consumeEscape(into buffer: inout [UInt8]) throws(JSONParseError) {
        let start = offset
        offset += 1
        let byte = try stringByte()
        let simple: UInt8? =
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): byte
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "t"): 0x09
            default: nil
            }
        if let simple {
            offset += 1
            buffer.append(simple)
            return
        }
        guard byte == UInt8(ascii: "u") else { throw .invalidEscape(offset: start) }
        offset += 1
        let unit = try hexQuad(escapeAt: start)
        let scalarValue: UInt32
        switch unit {
        case 0xD800...0xDBFF:
            // RFC 7493 §2.1: a high surrogate must be followed at once by an escaped low surrogate.
            guard try stringByte() == UInt8(ascii: "\\") else { throw .loneSurrogate(offset: start) }
            guard offset + 1 < bytes.count else { throw .unexpectedEnd(offset: bytes.count) }
            guard bytes[offset + 1] == UInt8(ascii: "u") else { throw .loneSurrogate(offset: start) }
            let lowStart = offset
            offset += 2
            let low = try hexQuad(escapeAt: lowStart)
            guard (0xDC00...0xDFFF).contains(low) else { throw .loneSurrogate(offset: start) }
            scalarValue = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(low - 0xDC00)
        case 0xDC00...0xDFFF:
            throw .loneSurrogate(offset: start)
        default:
            scalarValue = UInt32(unit)
        }
        appendUTF8(scalarValue, to: &buffer)
    }

    /// Appends the UTF-8 form of a Unicode scalar value (not a surrogate, at most U+10FFFF).
    private func appendUTF8(_ scalar: UInt32, to buffer: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            buffer.append(UInt8(scalar))
        case ..<0x800:
            buffer.append(0xC0 | UInt8(scalar >> 6))
            buffer.append(0x80 | UInt8(scalar & 0x3F))
        case ..<0x10000:
            buffer.append(0xE0 | UInt8(scalar >> 12))
            buffer.append(0x80 | UInt8(scalar >> 6 & 0x3F))
            buffer.append(0x80 | UInt8(scalar & 0x3F))
        default:
            buffer.append(0xF0 | UInt8(scalar >> 18))
            buffer.append(0x80 | UInt8(scalar >> 12 & 0x3F))
            buffer.append(0x80 | UInt8(scalar >> 6 & 0x3F))
            buffer.append(0x80 | UInt8(scalar & 0x3F))
        }
    }

    /// Reads four hex digits after `\u`; `escapeAt` is the backslash, for the error.
    private mutating func hexQuad(escapeAt escape: Int) throws(JSONParseError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = try stringByte()
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw .invalidEscape(offset: escape)
            }
            value = value << 4 | UInt16(digit)
            offset += 1
        }
        return value
    }
}
