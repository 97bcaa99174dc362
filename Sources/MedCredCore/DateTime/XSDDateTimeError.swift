/// Why a string is not an XML Schema 1.1 `dateTime` or `dateTimeStamp` lexical form.
///
/// XSD 1.1 Part 2 §3.3.7 dateTime and §3.4.28 dateTimeStamp,
/// <https://www.w3.org/TR/xmlschema11-2/#dateTime>. Offsets count UTF-8 bytes from the start of the text.
public enum XSDDateTimeError: Error, Equatable, Sendable {
    /// The text is empty.
    case empty
    /// A character other than the one the grammar requires at `offset` (`expected` names it, e.g. `"digit"`,
    /// `"'-'"`, `"'T'"`).
    case unexpectedCharacter(expected: String, offset: Int)
    /// The text ends where the grammar requires more (`expected` names what).
    case unexpectedEnd(expected: String)
    /// A year of more than four digits starts with `0` (`yearFrag`), or is `-0000`-style with more digits.
    case yearWithLeadingZero(offset: Int)
    /// A year with more digits than MedCred supports (9); XSD 1.1 §5.4 lets processors limit the year.
    case yearTooLong(digits: Int)
    /// The month is not 01–12.
    case monthOutOfRange(Int)
    /// The day does not exist in that month of that year (the proleptic Gregorian calendar, year 0 leap).
    case dayOutOfRange(day: Int, month: Int, year: Int)
    /// The hour is not 00–23 (24 is only allowed as `24:00:00`).
    case hourOutOfRange(Int)
    /// The minute is not 00–59.
    case minuteOutOfRange(Int)
    /// The second is not 00–59 (XSD has no leap seconds).
    case secondOutOfRange(Int)
    /// `24:` is followed by something other than `00:00` with optional zero fraction (`endOfDayFrag`).
    case invalidEndOfDay
    /// The timezone offset is outside -14:00…+14:00 or its minutes are not 00–59.
    case timezoneOutOfRange(hours: Int, minutes: Int)
    /// No timezone where `dateTimeStamp` requires one (XSD 1.1 §3.4.28, `explicitTimezone` required).
    case missingTimezone
    /// Characters follow a complete value, starting at `offset`.
    case trailingData(offset: Int)
}

extension XSDDateTimeError: CustomStringConvertible {
    /// A sentence naming the rule broken and where.
    public var description: String {
        switch self {
        case .empty: "the value is empty"
        case .unexpectedCharacter(let expected, let offset): "expected \(expected) at offset \(offset)"
        case .unexpectedEnd(let expected): "the value ends where \(expected) is expected"
        case .yearWithLeadingZero(let offset): "a year of more than four digits starts with 0 at offset \(offset)"
        case .yearTooLong(let digits): "a year of \(digits) digits is longer than the 9 supported"
        case .monthOutOfRange(let month): "month \(month) is not 01–12"
        case .dayOutOfRange(let day, let month, let year): "day \(day) does not exist in month \(month) of year \(year)"
        case .hourOutOfRange(let hour): "hour \(hour) is not 00–23"
        case .minuteOutOfRange(let minute): "minute \(minute) is not 00–59"
        case .secondOutOfRange(let second): "second \(second) is not 00–59"
        case .invalidEndOfDay: "hour 24 is only allowed as 24:00:00"
        case .timezoneOutOfRange(let hours, let minutes): "timezone offset \(hours):\(minutes) is outside ±14:00"
        case .missingTimezone: "a timezone (Z or ±hh:mm) is required"
        case .trailingData(let offset): "unexpected characters from offset \(offset)"
        }
    }
}
