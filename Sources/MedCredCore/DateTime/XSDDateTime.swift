public import Foundation

/// An XML Schema 1.1 `dateTime` value: a proleptic Gregorian date and time with an optional timezone.
///
/// XSD 1.1 Part 2 §3.3.7 dateTime, <https://www.w3.org/TR/xmlschema11-2/#dateTime>, and §3.4.28
/// dateTimeStamp (the same with a required timezone), <https://www.w3.org/TR/xmlschema11-2/#dateTimeStamp>.
/// VC Data Model 2.0 §4.9, <https://www.w3.org/TR/vc-data-model-2.0/#validity-period>, requires
/// `validFrom`/`validUntil` to be `dateTimeStamp` strings, and VC Data Integrity §2.1,
/// <https://www.w3.org/TR/vc-data-integrity/#proofs>, a proof's `created` and `expires`.
///
/// The fields hold the value, not the text: `2024-02-28T24:00:00Z` has `month` 2, `day` 29, `hour` 0.
/// Year 0 exists (1 BCE) and is a leap year. Equality compares the fields and the original text;
/// compare instants with ``isBefore(_:)``, ``isSameInstant(as:)`` or ``date``.
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
        let limit = Double(Self.secondsLimit)
        self.init(secondsSince1970: seconds.isNaN ? 0 : Int(min(max(seconds, -limit), limit).rounded(.down)))
    }

    /// The UTC value `secondsSince1970` whole seconds after 1970-01-01T00:00:00Z (XSD 1.1 has no leap seconds).
    ///
    /// The rendering (``lexicalForm``) is `YYYY-MM-DDTHH:MM:SSZ`, the form VC Data Integrity §2.1 uses for
    /// `created`, <https://www.w3.org/TR/vc-data-integrity/#proofs>.
    /// - Parameter secondsSince1970: seconds since the Unix epoch; negative values are before it. Values past
    ///   about ±31 million years are clamped, so that the year stays within the nine digits MedCred parses.
    public init(secondsSince1970: Int) {
        let clamped = min(max(secondsSince1970, -Self.secondsLimit), Self.secondsLimit)
        let fields = XSDDateTimeFields(utcSecondsSince1970: clamped)
        self.init(fields: fields, lexicalForm: fields.utcTimestamp)
    }

    /// About ±31 million years: the range a made value is clamped to, so its year parses back.
    private static let secondsLimit = 1_000_000_000_000_000

    init(fields: XSDDateTimeFields, lexicalForm: String) {
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

extension XSDDateTimeFields {
    /// The UTC fields of the whole second `seconds` after 1970-01-01T00:00:00Z.
    init(utcSecondsSince1970 seconds: Int) {
        let days = XSDCalendar.floorDivide(seconds, by: 86_400)
        let secondsOfDay = seconds - days * 86_400
        let (year, month, day) = XSDCalendar.date(fromDaysSince1970: days)
        self.init(
            year: year, month: month, day: day, hour: secondsOfDay / 3600, minute: secondsOfDay % 3600 / 60,
            second: secondsOfDay % 60, fractionalDigits: "", timezoneOffsetMinutes: 0)
    }
}
