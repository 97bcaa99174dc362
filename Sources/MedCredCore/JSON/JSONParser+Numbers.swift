extension JSONParser {
    /// Parses a number at `offset` by the RFC 8259 §6 grammar, rejecting values that overflow a double
    /// (RFC 7493 §2.2).
    ///
    /// `number = [ "-" ] ( "0" / 1-9 *DIGIT ) [ "." 1*DIGIT ] [ ( "e" / "E" ) [ "-" / "+" ] 1*DIGIT ]`
    mutating func parseNumber() throws(JSONParseError) -> Double {
        let start = offset
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        let integerStart = offset
        let first = try peek()
        guard isDigit(first) else { throw .unexpectedByte(first, offset: offset) }
        offset += 1
        if first == UInt8(ascii: "0") {
            if offset < bytes.count, isDigit(bytes[offset]) { throw .leadingZero(offset: integerStart) }
        } else {
            skipDigits()
        }
        var isInteger = true
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            try requireDigits()
        }
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            try requireDigits()
        }
        // Up to 15 digits are exact in a double, so small integers skip the general conversion.
        if isInteger, offset - integerStart <= 15 {
            var magnitude = 0
            for byte in bytes[integerStart..<offset] { magnitude = magnitude * 10 + Int(byte - UInt8(ascii: "0")) }
            let value = Double(magnitude)
            return integerStart == start ? value : -value
        }
        guard let value = Double(String(decoding: bytes[start..<offset], as: UTF8.self)), value.isFinite else {
            throw .numberOutOfRange(offset: start)
        }
        return value
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
    }

    /// Consumes one or more digits, as required after `.` and in an exponent.
    private mutating func requireDigits() throws(JSONParseError) {
        let byte = try peek()
        guard isDigit(byte) else { throw .unexpectedByte(byte, offset: offset) }
        skipDigits()
    }
}
