public import Foundation

/// An XML Schema 1.1 `dateTime` value: a proleptic Gregorian date and time with an optional timezone.
///
/// XSD 1.1 Part 2 §3.3.7 dateTime, <https://www.w3.org/TR/xmlschema11-2/#dateTime>, and §3.4.28
/// dateTimeStamp (the same with a required timezone), <https://www.w3.org/TR/xmlschema11-2/#dateTimeStamp>.
/// VC Data Model 2.0 §4.9, <https://www.w3.org/TR/vc-data-model-2.0/#validity-period>, requires
/// `validFrom`/`validUntil` to be `dateTimeStamp` strings.
///
/// The fields hold the value, not the text: `2024-02-28T24:00:00Z` has `month` 2, `day` 29, `hour` 0.
/// Year 0 exists (1 BCE) and is a leap year. Equality compares the fields and the original text;
/// compare instants with ``isBefore(_:)`` or ``date``.
public struct XSDDateTime: Hashable, Sendable, CustomStringConvertible {
    /// The year; negative years are BCE minus one (`-0001` is 2 BCE).
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31 as the calendar allows.
    public let day: Int
    /// The hour, 0–23.
    public let hour: Int
    /// The minute, 0–59.
    public let minute: Int
    /// The whole seconds, 0–59.
    public let second: Int
    /// The digits after the decimal point of the seconds, as written (`"447"`); empty when there are none.
    public let fractionalDigits: String
    /// The timezone offset in minutes east of UTC (`Z` is 0), or `nil` when the text has no timezone.
    public let timezoneOffsetMinutes: Int?
    /// The text the value was parsed from, or the rendering of a value made from a `Date`.
    public let lexicalForm: String

    /// Parses an XSD 1.1 `dateTimeStamp` or, when `requiringTimezone` is `false`, a `dateTime`.
    ///
    /// Grammar: XSD 1.1 Part 2 §3.3.7.2 `dateTimeLexicalRep` (the same as the regular expression VC Data
    /// Model 2.0 §4.9 quotes), plus the day-of-month constraint of §3.3.7 and `explicitTimezone` of §3.4.28.
    /// - Parameters:
    ///   - text: the lexical form, e.g. `2023-02-25T19:10:39-06:00`.
    ///   - requiringTimezone: `true` (the default) for `dateTimeStamp`, `false` for `dateTime`.
    /// - Throws: ``XSDDateTimeError``: `.empty`, `.unexpectedCharacter`, `.unexpectedEnd`,
    ///   `.yearWithLeadingZero`, `.yearTooLong`, `.monthOutOfRange`, `.dayOutOfRange`, `.hourOutOfRange`,
    ///   `.minuteOutOfRange`, `.secondOutOfRange`, `.invalidEndOfDay`, `.timezoneOutOfRange`,
    ///   `.missingTimezone` or `.trailingData`.
    public init(parsing text: some StringProtocol, requiringTimezone: Bool = true) throws(XSDDateTimeError) {
        var parser = XSDDateTimeParser(bytes: Array(text.utf8))
        let fields = try parser.parse()
        if requiringTimezone && fields.timezoneOffsetMinutes == nil { throw .missingTimezone }
        self.init(fields: fields, lexicalForm: String(text))
    }

    /// The UTC value of `date`, truncated to whole seconds (toward the past).
    ///
    /// The rendering (``lexicalForm``) is `YYYY-MM-DDTHH:MM:SSZ`, the form VC Data Integrity §2.1 uses for
    /// `created`, <https://www.w3.org/TR/vc-data-integrity/#proofs>.
    /// - Parameter date: an instant.
    public init(_ date: Date) {
        // Clamped so a non-finite or absurd Date cannot trap the conversion to Int (about ±31 million years).
        let seconds = date.timeIntervalSince1970
        let total = seconds.isNaN ? 0 : Int(min(max(seconds, -1e15), 1e15).rounded(.down))
        let days = XSDCalendar.floorDivide(total, by: 86_400)
        let secondsOfDay = total - days * 86_400
        let (year, month, day) = XSDCalendar.date(fromDaysSince1970: days)
        let fields = XSDDateTimeFields(
            year: year, month: month, day: day, hour: secondsOfDay / 3600, minute: secondsOfDay % 3600 / 60,
            second: secondsOfDay % 60, fractionalDigits: "", timezoneOffsetMinutes: 0)
        self.init(fields: fields, lexicalForm: fields.utcTimestamp)
    }

    fileprivate init(fields: XSDDateTimeFields, lexicalForm: String) {
        year = fields.year
        month = fields.month
        day = fields.day
        hour = fields.hour
        minute = fields.minute
        second = fields.second
        fractionalDigits = fields.fractionalDigits
        timezoneOffsetMinutes = fields.timezoneOffsetMinutes
        self.lexicalForm = lexicalForm
    }

    /// `date` rendered as `YYYY-MM-DDTHH:MM:SSZ` in UTC, truncated to whole seconds.
    ///
    /// The `created`/`validFrom` form of VC Data Integrity §2.1 and VC Data Model 2.0 §4.9.
    /// - Parameter date: an instant.
    /// - Returns: the timestamp text.
    public static func timestamp(from date: Date) -> String {
        XSDDateTime(date).lexicalForm
    }

    /// The original text.
    public var description: String { lexicalForm }

    /// Whole seconds since 1970-01-01T00:00:00Z, or `nil` without a timezone.
    public var secondsSince1970: Int? {
        guard let offset = timezoneOffsetMinutes else { return nil }
        let days = XSDCalendar.daysSince1970(year: year, month: month, day: day)
        return days * 86_400 + hour * 3600 + minute * 60 + second - offset * 60
    }

    /// The instant as a Foundation `Date` (fractional seconds kept to `Double` precision), or `nil` when
    /// the value has no timezone and so names no single instant (XSD 1.1 §3.3.7).
    public var date: Date? {
        guard let seconds = secondsSince1970 else { return nil }
        let fraction = Double("0." + (fractionalDigits.isEmpty ? "0" : String(fractionalDigits.prefix(15)))) ?? 0
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// Whether this instant is strictly earlier than `other`, compared exactly (fractions digit by digit).
    /// - Parameter other: another value.
    /// - Returns: `nil` when either value has no timezone (XSD 1.1 orders those only partially).
    public func isBefore(_ other: XSDDateTime) -> Bool? {
        guard let lhs = secondsSince1970, let rhs = other.secondsSince1970 else { return nil }
        if lhs != rhs { return lhs < rhs }
        let width = max(fractionalDigits.count, other.fractionalDigits.count)
        let left = fractionalDigits.padding(toLength: width, withPad: "0", startingAt: 0)
        let right = other.fractionalDigits.padding(toLength: width, withPad: "0", startingAt: 0)
        return left < right
    }
}

extension XSDDateTime {
    /// This value with a `Z` timezone when it has none, for comparisons that read unzoned values as UTC.
    var withUTCIfUnzoned: XSDDateTime {
        guard timezoneOffsetMinutes == nil else { return self }
        let fields = XSDDateTimeFields(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second,
            fractionalDigits: fractionalDigits, timezoneOffsetMinutes: 0)
        return XSDDateTime(fields: fields, lexicalForm: lexicalForm + "Z")
    }
}

/// The parsed fields before they become an ``XSDDateTime``.
struct XSDDateTimeFields {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    var fractionalDigits: String
    var timezoneOffsetMinutes: Int?

    /// `YYYY-MM-DDTHH:MM:SSZ`, with a sign and more digits for years outside 0…9999.
    var utcTimestamp: String {
        let sign = year < 0 ? "-" : ""
        return "\(sign)\(pad(abs(year), 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):"
            + "\(pad(second, 2))Z"
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// Day arithmetic in the proleptic Gregorian calendar with a year 0 (XSD 1.1 §D.2, ISO 8601).
enum XSDCalendar {
    /// Whether `year` has a 29 February (XSD 1.1 §3.3.7: divisible by 400, or by 4 and not by 100).
    static func isLeapYear(_ year: Int) -> Bool {
        year % 400 == 0 || (year % 4 == 0 && year % 100 != 0)
    }

    /// The number of days in `month` of `year` (XSD 1.1 §D.2.1 daysInMonth).
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the given date (negative before it).
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, by: 400)
        let yearOfEra = shiftedYear - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01.
    static func date(fromDaysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// `dividend / divisor` rounded toward negative infinity.
    static func floorDivide(_ dividend: Int, by divisor: Int) -> Int {
        let quotient = dividend / divisor
        return (dividend % divisor != 0 && (dividend < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
