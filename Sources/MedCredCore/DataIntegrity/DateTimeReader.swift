/// Reads the fields of an XML Schema 1.1 `dateTimeStamp` (Part 2 §3.3.7 `dateTimeLexicalRep` with the
/// required `timezoneFrag` of §3.4.28), checking each against its range as it goes.
struct DateTimeReader {
    /// The fields of a parsed `dateTimeStamp`, with `24:00:00` already moved to the next day.
    struct Fields {
        var year: Int
        var month: Int
        var day: Int
        var hour: Int
        var minute: Int
        var second: Int
        var fraction: [UInt8]
        var offsetMinutes: Int
    }

    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func read() throws(DateTimeStampError) -> Fields {
        let year = try readYear()
        try expect("-")
        let month = try number(digits: 2, field: .month, in: 1...12)
        try expect("-")
        let day = try number(digits: 2, field: .day, in: 1...Self.daysIn(month: month, year: year))
        try expect("T")
        let hour = try number(digits: 2, field: .hour, in: 0...24)
        try expect(":")
        let minute = try number(digits: 2, field: .minute, in: 0...59)
        try expect(":")
        let second = try number(digits: 2, field: .second, in: 0...59)
        let fraction = try readFraction()
        if hour == 24, minute != 0 || second != 0 || !fraction.isEmpty {
            throw .outOfRange(.hour, value: hour)  // only 24:00:00 (end of day) is allowed
        }
        let offsetMinutes = try readTimezone()
        guard offset == bytes.count else { throw .malformed(offset: offset) }
        // XML Schema §3.3.7: 24:00:00 is the first instant of the next day, which hour 24 in the seconds
        // arithmetic of the caller already yields.
        return Fields(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, fraction: fraction,
            offsetMinutes: offsetMinutes)
    }

    private mutating func readYear() throws(DateTimeStampError) -> Int {
        let start = offset
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard text.contains(where: \.isNumber) else { throw .malformed(offset: offset) }
        guard text.count == 4, !text.hasPrefix("-"), let year = Int(text) else { throw .unsupportedYear(text) }
        return year
    }

    private mutating func readFraction() throws(DateTimeStampError) -> [UInt8] {
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: ".") else { return [] }
        offset += 1
        var digits: [UInt8] = []
        while offset < bytes.count, isDigit(bytes[offset]) {
            digits.append(bytes[offset] - UInt8(ascii: "0"))
            offset += 1
        }
        guard !digits.isEmpty else { throw .malformed(offset: offset) }
        while digits.last == 0 { digits.removeLast() }
        return digits
    }

    private mutating func readTimezone() throws(DateTimeStampError) -> Int {
        guard offset < bytes.count else { throw .missingTimezone }
        switch bytes[offset] {
        case UInt8(ascii: "Z"):
            offset += 1
            return 0
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = bytes[offset] == UInt8(ascii: "-") ? -1 : 1
            offset += 1
            let hours = try number(digits: 2, field: .timezone, in: 0...14)
            try expect(":")
            let minutes = try number(digits: 2, field: .timezone, in: 0...59)
            if hours == 14, minutes != 0 { throw .outOfRange(.timezone, value: hours * 100 + minutes) }
            return sign * (hours * 60 + minutes)
        default:
            throw .malformed(offset: offset)
        }
    }

    private mutating func number(digits: Int, field: DateTimeStampError.Field, in range: ClosedRange<Int>)
        throws(DateTimeStampError) -> Int
    {
        var value = 0
        for _ in 0..<digits {
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw .malformed(offset: offset) }
            value = value * 10 + Int(bytes[offset] - UInt8(ascii: "0"))
            offset += 1
        }
        guard range.contains(value) else { throw .outOfRange(field, value: value) }
        return value
    }

    private mutating func expect(_ character: Unicode.Scalar) throws(DateTimeStampError) {
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: character) else {
            throw .malformed(offset: offset)
        }
        offset += 1
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
