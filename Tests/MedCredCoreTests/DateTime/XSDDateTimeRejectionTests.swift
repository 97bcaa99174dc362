import MedCredCore
import Testing

/// Lexical forms that are not XSD 1.1 dateTimeStamp values, each with the error that names why.
@Suite struct XSDDateTimeRejectionTests {
    struct Invalid: Sendable, CustomTestStringConvertible {
        let text: String
        let error: XSDDateTimeError
        var testDescription: String { text.isEmpty ? "(empty)" : text }
    }

    static let invalid: [Invalid] = [
        Invalid(text: "", error: .empty),
        Invalid(text: "2023-02-26", error: .unexpectedEnd(expected: "'T'")),
        Invalid(text: "2023-02-26T01:02:58", error: .missingTimezone),
        Invalid(text: "2023-02-26 01:02:58Z", error: .unexpectedCharacter(expected: "'T'", offset: 10)),
        Invalid(text: "2023-02-26t01:02:58Z", error: .unexpectedCharacter(expected: "'T'", offset: 10)),
        Invalid(text: "2023-02-26T01:02:58z", error: .unexpectedCharacter(expected: "'Z', '+' or '-'", offset: 19)),
        Invalid(text: "2023-2-26T01:02:58Z", error: .unexpectedCharacter(expected: "digit", offset: 6)),
        Invalid(text: "2023-02-6T01:02:58Z", error: .unexpectedCharacter(expected: "digit", offset: 9)),
        Invalid(text: "23-02-26T01:02:58Z", error: .unexpectedCharacter(expected: "digit", offset: 2)),
        Invalid(text: "202", error: .unexpectedEnd(expected: "digit")),
        Invalid(text: "02023-02-26T01:02:58Z", error: .yearWithLeadingZero(offset: 0)),
        Invalid(text: "-02023-02-26T01:02:58Z", error: .yearWithLeadingZero(offset: 1)),
        Invalid(text: "+2023-02-26T01:02:58Z", error: .unexpectedCharacter(expected: "digit", offset: 0)),
        Invalid(text: "1234567890-01-01T00:00:00Z", error: .yearTooLong(digits: 10)),
        Invalid(text: "2023-13-01T00:00:00Z", error: .monthOutOfRange(13)),
        Invalid(text: "2023-00-01T00:00:00Z", error: .monthOutOfRange(0)),
        Invalid(text: "2023-02-29T00:00:00Z", error: .dayOutOfRange(day: 29, month: 2, year: 2023)),
        Invalid(text: "1900-02-29T00:00:00Z", error: .dayOutOfRange(day: 29, month: 2, year: 1900)),
        Invalid(text: "-0100-02-29T00:00:00Z", error: .dayOutOfRange(day: 29, month: 2, year: -100)),
        Invalid(text: "2023-04-31T00:00:00Z", error: .dayOutOfRange(day: 31, month: 4, year: 2023)),
        Invalid(text: "2023-01-00T00:00:00Z", error: .dayOutOfRange(day: 0, month: 1, year: 2023)),
        Invalid(text: "2023-01-32T00:00:00Z", error: .dayOutOfRange(day: 32, month: 1, year: 2023)),
        Invalid(text: "2023-01-01T25:00:00Z", error: .hourOutOfRange(25)),
        Invalid(text: "2023-01-01T24:00:01Z", error: .invalidEndOfDay),
        Invalid(text: "2023-01-01T24:30:00Z", error: .invalidEndOfDay),
        Invalid(text: "2023-01-01T24:00:00.001Z", error: .invalidEndOfDay),
        Invalid(text: "2023-01-01T23:60:00Z", error: .minuteOutOfRange(60)),
        Invalid(text: "2016-12-31T23:59:60Z", error: .secondOutOfRange(60)),
        Invalid(text: "2023-01-01T0:00:00Z", error: .unexpectedCharacter(expected: "digit", offset: 12)),
        Invalid(text: "2023-01-01T00:00Z", error: .unexpectedCharacter(expected: "':'", offset: 16)),
        Invalid(text: "2023-01-01T00:00:00.Z", error: .unexpectedCharacter(expected: "digit", offset: 20)),
        Invalid(text: "2023-01-01T00:00:00.", error: .unexpectedEnd(expected: "digit")),
        Invalid(text: "2023-01-01T00:00:00,5Z", error: .unexpectedCharacter(expected: "'Z', '+' or '-'", offset: 19)),
        Invalid(text: "2023-01-01T00:00:00+14:01", error: .timezoneOutOfRange(hours: 14, minutes: 1)),
        Invalid(text: "2023-01-01T00:00:00-15:00", error: .timezoneOutOfRange(hours: 15, minutes: 0)),
        Invalid(text: "2023-01-01T00:00:00+05:60", error: .timezoneOutOfRange(hours: 5, minutes: 60)),
        Invalid(text: "2023-01-01T00:00:00+0500", error: .unexpectedCharacter(expected: "':'", offset: 22)),
        Invalid(text: "2023-01-01T00:00:00+05", error: .unexpectedEnd(expected: "':'")),
        Invalid(text: "2023-01-01T00:00:00+5:00", error: .unexpectedCharacter(expected: "digit", offset: 21)),
        Invalid(text: "2023-01-01T00:00:00Z ", error: .trailingData(offset: 20)),
        Invalid(text: "2023-01-01T00:00:00ZZ", error: .trailingData(offset: 20)),
        Invalid(text: "2023-01-01T00:00:00+00:00Z", error: .trailingData(offset: 25)),
        Invalid(text: " 2023-01-01T00:00:00Z", error: .unexpectedCharacter(expected: "digit", offset: 0)),
        Invalid(text: "２０２３-01-01T00:00:00Z", error: .unexpectedCharacter(expected: "digit", offset: 0)),
        Invalid(text: "Sat 25 Feb 2023 07:16:31 PM CST", error: .unexpectedCharacter(expected: "digit", offset: 0)),
        Invalid(text: "Sun, 26 Feb 2023 01:22:14 +0000", error: .unexpectedCharacter(expected: "digit", offset: 0)),
        Invalid(text: "1677373839", error: .yearTooLong(digits: 10)),
        Invalid(text: "2023-02-26T01:02:58.447", error: .missingTimezone),
        // Ported from the proof-only DateTimeStamp reader's rejections.
        Invalid(text: "2023-02-24T23:36:38 Z", error: .unexpectedCharacter(expected: "'Z', '+' or '-'", offset: 19)),
        Invalid(text: "023-02-24T23:36:38Z", error: .unexpectedCharacter(expected: "digit", offset: 3)),
        Invalid(text: "2023-02-00T00:00:00Z", error: .dayOutOfRange(day: 0, month: 2, year: 2023)),
        Invalid(text: "2023-02-24T24:00:00.5Z", error: .invalidEndOfDay),
        Invalid(text: "2023-02-24T23:36:38+15:00", error: .timezoneOutOfRange(hours: 15, minutes: 0)),
        Invalid(text: "2023-02-24T23:36:38+14:30", error: .timezoneOutOfRange(hours: 14, minutes: 30)),
    ]

    @Test(arguments: invalid)
    func rejectsDateTimeStamp(_ vector: Invalid) {
        #expect(throws: vector.error) { try XSDDateTime(parsing: vector.text) }
    }

    @Test func errorsDescribeTheRuleBroken() {
        #expect(
            "\(XSDDateTimeError.dayOutOfRange(day: 29, month: 2, year: 2023))"
                == "day 29 does not exist in month 2 of year 2023")
        #expect("\(XSDDateTimeError.missingTimezone)" == "a timezone (Z or ±hh:mm) is required")
    }
}
