/// The RFC 3339 `full-date` and `date-time` grammars, for the `date` and `date-time` formats.
///
/// RFC 3339 §5.6 (grammar) and §5.7 (day ranges, leap seconds):
/// <https://www.rfc-editor.org/rfc/rfc3339#section-5.6>; JSON Schema Validation 2020-12 §7.3.1:
/// <https://json-schema.org/draft/2020-12/json-schema-validation#section-7.3.1>. Days are checked
/// against the real (proleptic Gregorian) calendar, so `2021-02-29` and `2020-02-30` fail. A leap second
/// (`:60`) is accepted only when the time is 23:59 in UTC, after applying the offset.
enum SchemaDateFormat {
    /// `full-date = date-fullyear "-" date-month "-" date-mday`.
    static func isFullDate(_ text: String) -> Bool {
        var scanner = DigitScanner(text)
        return scanner.fullDate() && scanner.isAtEnd
    }

    /// `date-time = full-date "T" full-time`, with `T` and `Z` in either case (RFC 3339 §5.6 note).
    static func isDateTime(_ text: String) -> Bool {
        var scanner = DigitScanner(text)
        guard scanner.fullDate(), scanner.take("T") || scanner.take("t"),
            let hour = scanner.number(digits: 2), hour <= 23, scanner.take(":"),
            let minute = scanner.number(digits: 2), minute <= 59, scanner.take(":"),
            let second = scanner.number(digits: 2), second <= 60
        else { return false }
        if scanner.take(".") {
            guard scanner.number(digits: 1) != nil else { return false }
            while scanner.number(digits: 1) != nil {}
        }
        var offsetMinutes = 0
        if scanner.take("Z") || scanner.take("z") {
            offsetMinutes = 0
        } else {
            let sign: Int
            if scanner.take("+") { sign = 1 } else if scanner.take("-") { sign = -1 } else { return false }
            guard let offsetHour = scanner.number(digits: 2), offsetHour <= 23, scanner.take(":"),
                let offsetMinute = scanner.number(digits: 2), offsetMinute <= 59
            else { return false }
            offsetMinutes = sign * (offsetHour * 60 + offsetMinute)
        }
        guard scanner.isAtEnd else { return false }
        if second == 60 {
            let utcMinutes = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utcMinutes == 23 * 60 + 59
        }
        return true
    }

    /// The number of days in `month` of `year` (RFC 3339 §5.7, Gregorian leap years).
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Reads ASCII digits and punctuation from the start of a string, byte by byte, without copying it.
private struct DigitScanner {
    private let bytes: String.UTF8View
    private var position: String.Index

    init(_ text: String) {
        bytes = text.utf8
        position = bytes.startIndex
    }

    var isAtEnd: Bool { position == bytes.endIndex }

    /// Consumes `character` if it is next.
    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard position < bytes.endIndex, bytes[position] == UInt8(ascii: character) else { return false }
        position = bytes.index(after: position)
        return true
    }

    /// Consumes exactly `digits` ASCII digits and returns their value.
    mutating func number(digits: Int) -> Int? {
        var value = 0
        var next = position
        for _ in 0..<digits {
            guard next < bytes.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[next]) else {
                return nil
            }
            value = value * 10 + Int(bytes[next] - UInt8(ascii: "0"))
            next = bytes.index(after: next)
        }
        position = next
        return value
    }

    /// `date-fullyear "-" date-month "-" date-mday` with a day that exists in that month.
    mutating func fullDate() -> Bool {
        guard let year = number(digits: 4), take("-"), let month = number(digits: 2), (1...12).contains(month),
            take("-"), let day = number(digits: 2)
        else { return false }
        return (1...SchemaDateFormat.daysIn(month: month, year: year)).contains(day)
    }
}
