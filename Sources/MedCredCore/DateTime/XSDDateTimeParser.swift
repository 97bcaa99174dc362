/// A strict recursive-descent reader of XSD 1.1 `dateTimeLexicalRep`.
///
/// XSD 1.1 Part 2 §3.3.7.2, <https://www.w3.org/TR/xmlschema11-2/#dateTime-lexical-mapping>:
/// ```
/// yearFrag '-' monthFrag '-' dayFrag 'T' ((hourFrag ':' minuteFrag ':' secondFrag) | endOfDayFrag)
///     timezoneFrag?
/// yearFrag     ::= '-'? (([1-9] digit digit digit+)) | ('0' digit digit digit))
/// secondFrag   ::= ([0-5] digit) ('.' digit+)?
/// endOfDayFrag ::= '24:00:00' ('.' '0'+)?
/// timezoneFrag ::= 'Z' | ('+' | '-') (('0' digit | '1' [0-3]) ':' minuteFrag | '14:00')
/// ```
/// Only ASCII is accepted: no lowercase `t`/`z`, no spaces, no other digits.
struct XSDDateTimeParser {
    private let bytes: [UInt8]
    private var offset = 0

    /// MedCred accepts years of up to nine digits (XSD 1.1 §5.4 allows a limit of at least four).
    static let maximumYearDigits = 9

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func parse() throws(XSDDateTimeError) -> XSDDateTimeFields {
        guard !bytes.isEmpty else { throw .empty }
        let year = try parseYear()
        try expect(UInt8(ascii: "-"), "'-'")
        let month = try number(digits: 2)
        guard (1...12).contains(month) else { throw .monthOutOfRange(month) }
        try expect(UInt8(ascii: "-"), "'-'")
        let day = try number(digits: 2)
        guard day >= 1, day <= XSDCalendar.daysInMonth(year: year, month: month) else {
            throw .dayOutOfRange(day: day, month: month, year: year)
        }
        try expect(UInt8(ascii: "T"), "'T'")
        var fields = XSDDateTimeFields(
            year: year, month: month, day: day, hour: 0, minute: 0, second: 0, fractionalDigits: "",
            timezoneOffsetMinutes: nil)
        try parseTime(into: &fields)
        fields.timezoneOffsetMinutes = try parseTimezone()
        guard offset == bytes.count else { throw .trailingData(offset: offset) }
        return fields
    }

    private mutating func parseYear() throws(XSDDateTimeError) -> Int {
        let negative = peek == UInt8(ascii: "-")
        if negative { offset += 1 }
        let start = offset
        while let byte = peek, isDigit(byte) { offset += 1 }
        let count = offset - start
        guard count >= 4 else {
            if offset < bytes.count { throw .unexpectedCharacter(expected: "digit", offset: offset) }
            throw .unexpectedEnd(expected: "digit")
        }
        if count > 4 && bytes[start] == UInt8(ascii: "0") { throw .yearWithLeadingZero(offset: start) }
        guard count <= Self.maximumYearDigits else { throw .yearTooLong(digits: count) }
        let magnitude = value(of: bytes[start..<offset])
        return negative ? -magnitude : magnitude
    }

    private mutating func parseTime(into fields: inout XSDDateTimeFields) throws(XSDDateTimeError) {
        let hour = try number(digits: 2)
        try expect(UInt8(ascii: ":"), "':'")
        let minute = try number(digits: 2)
        try expect(UInt8(ascii: ":"), "':'")
        let second = try number(digits: 2)
        var fraction = ""
        if peek == UInt8(ascii: ".") {
            offset += 1
            let start = offset
            while let byte = peek, isDigit(byte) { offset += 1 }
            guard offset > start else {
                if offset < bytes.count { throw .unexpectedCharacter(expected: "digit", offset: offset) }
                throw .unexpectedEnd(expected: "digit")
            }
            fraction = String(decoding: bytes[start..<offset], as: UTF8.self)
        }
        if hour == 24 {
            // endOfDayFrag: 24:00:00 is the first instant of the next day (XSD 1.1 §3.3.7).
            guard minute == 0, second == 0, fraction.allSatisfy({ $0 == "0" }) else { throw .invalidEndOfDay }
            rollToNextDay(&fields)
            return
        }
        guard hour <= 23 else { throw .hourOutOfRange(hour) }
        guard minute <= 59 else { throw .minuteOutOfRange(minute) }
        guard second <= 59 else { throw .secondOutOfRange(second) }
        fields.hour = hour
        fields.minute = minute
        fields.second = second
        fields.fractionalDigits = fraction
    }

    private func rollToNextDay(_ fields: inout XSDDateTimeFields) {
        if fields.day < XSDCalendar.daysInMonth(year: fields.year, month: fields.month) {
            fields.day += 1
        } else if fields.month < 12 {
            fields.day = 1
            fields.month += 1
        } else {
            fields.day = 1
            fields.month = 1
            fields.year += 1
        }
    }

    private mutating func parseTimezone() throws(XSDDateTimeError) -> Int? {
        guard let byte = peek else { return nil }
        if byte == UInt8(ascii: "Z") {
            offset += 1
            return 0
        }
        guard byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") else {
            throw .unexpectedCharacter(expected: "'Z', '+' or '-'", offset: offset)
        }
        offset += 1
        let hours = try number(digits: 2)
        try expect(UInt8(ascii: ":"), "':'")
        let minutes = try number(digits: 2)
        guard minutes <= 59, hours < 14 || (hours == 14 && minutes == 0) else {
            throw .timezoneOutOfRange(hours: hours, minutes: minutes)
        }
        let total = hours * 60 + minutes
        return byte == UInt8(ascii: "-") ? -total : total
    }

    private var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private mutating func expect(_ byte: UInt8, _ name: String) throws(XSDDateTimeError) {
        guard let next = peek else { throw .unexpectedEnd(expected: name) }
        guard next == byte else { throw .unexpectedCharacter(expected: name, offset: offset) }
        offset += 1
    }

    private mutating func number(digits: Int) throws(XSDDateTimeError) -> Int {
        let start = offset
        for _ in 0..<digits {
            guard let byte = peek else { throw .unexpectedEnd(expected: "digit") }
            guard isDigit(byte) else { throw .unexpectedCharacter(expected: "digit", offset: offset) }
            offset += 1
        }
        return value(of: bytes[start..<offset])
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func value(of digits: ArraySlice<UInt8>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
