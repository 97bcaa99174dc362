extension DataIntegrity {
    /// An instant written as an XML Schema 1.1 `dateTimeStamp`: a date and time with a mandatory time zone.
    ///
    /// XML Schema 1.1 Part 2 §3.4.28 (https://www.w3.org/TR/xmlschema11-2/#dateTimeStamp), as Data Integrity §2.1
    /// requires for a proof's `created` and `expires`. Years are limited to four digits (`0000`–`9999`);
    /// `24:00:00` is read as midnight of the next day. Values compare as instants, exactly, fractional seconds
    /// included; the text they were parsed from is never re-rendered into a signed document.
    public struct DateTimeStamp: Hashable, Comparable, Sendable, CustomStringConvertible {
        /// Whole seconds since 1970-01-01T00:00:00Z, ignoring leap seconds (as XML Schema does).
        public let secondsSince1970: Int64
        /// The fractional-second digits without trailing zeros, e.g. `[5]` for `.50`; empty for whole seconds.
        let fractionDigits: [UInt8]

        /// The instant `secondsSince1970` seconds after the Unix epoch, in whole seconds.
        /// - Parameter secondsSince1970: seconds since 1970-01-01T00:00:00Z; negative values are before it.
        public init(secondsSince1970: Int64) {
            self.secondsSince1970 = secondsSince1970
            self.fractionDigits = []
        }

        /// Parses a `dateTimeStamp` such as `2023-02-24T23:36:38Z` or `2023-02-25T00:36:38.5+01:00`
        /// (XML Schema 1.1 Part 2 §3.4.28, lexical space of §3.3.7 `dateTime` with a required timezone).
        /// - Parameter text: the lexical form; nothing may surround it.
        /// - Throws: ``DateTimeStampError/malformed(offset:)`` where the text leaves the grammar,
        ///   ``DateTimeStampError/missingTimezone`` when it ends after the seconds,
        ///   ``DateTimeStampError/unsupportedYear(_:)`` for a signed or five-digit year, and
        ///   ``DateTimeStampError/outOfRange(_:value:)`` for a month, day, hour, minute, second or offset that
        ///   does not exist.
        public init(parsing text: some StringProtocol) throws(DateTimeStampError) {
            var reader = DateTimeReader(Array(text.utf8))
            let fields = try reader.read()
            let days = Self.daysFromCivil(year: fields.year, month: fields.month, day: fields.day)
            let seconds = days * 86_400 + Int64(fields.hour * 3_600 + fields.minute * 60 + fields.second)
            self.secondsSince1970 = seconds - Int64(fields.offsetMinutes * 60)
            self.fractionDigits = fields.fraction
        }

        /// The instant in UTC as `YYYY-MM-DDTHH:MM:SSZ`, with `.` and the fractional digits when there are any.
        ///
        /// This is the form MedCred writes into a proof's `created` (Data Integrity §2.1).
        public var description: String {
            let days = secondsSince1970.floorDivided(by: 86_400)
            let secondOfDay = Int(secondsSince1970 - days * 86_400)
            let (year, month, day) = Self.civil(fromDays: days)
            var text = year < 0 ? "-" + Self.padded(-year, 4) : Self.padded(year, 4)
            text += "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
            text += "T" + Self.padded(secondOfDay / 3_600, 2) + ":" + Self.padded(secondOfDay / 60 % 60, 2)
            text += ":" + Self.padded(secondOfDay % 60, 2)
            if !fractionDigits.isEmpty { text += "." + fractionDigits.map { String($0) }.joined() }
            return text + "Z"
        }

        /// Whether `lhs` is an earlier instant than `rhs`.
        /// - Parameters:
        ///   - lhs: an instant.
        ///   - rhs: another instant.
        /// - Returns: `true` when `lhs` comes first.
        public static func < (lhs: DateTimeStamp, rhs: DateTimeStamp) -> Bool {
            if lhs.secondsSince1970 != rhs.secondsSince1970 { return lhs.secondsSince1970 < rhs.secondsSince1970 }
            // Trailing zeros are trimmed, so comparing digit by digit compares the fractions exactly.
            return lhs.fractionDigits.lexicographicallyPrecedes(rhs.fractionDigits)
        }

        /// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level date
        /// algorithms", days_from_civil).
        static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
            let y = Int64(month <= 2 ? year - 1 : year)
            let era = y.floorDivided(by: 400)
            let yearOfEra = y - era * 400
            let dayOfYear = Int64((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1)
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            return era * 146_097 + dayOfEra - 719_468
        }

        /// The proleptic Gregorian date `days` after 1970-01-01 (Hinnant, civil_from_days).
        static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
            let shifted = days + 719_468
            let era = shifted.floorDivided(by: 146_097)
            let dayOfEra = shifted - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let monthIndex = (5 * dayOfYear + 2) / 153
            let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
            let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
            let year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
            return (year, month, day)
        }

        private static func padded(_ value: some BinaryInteger, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
    }
}

/// Why text is not an XML Schema 1.1 `dateTimeStamp` (https://www.w3.org/TR/xmlschema11-2/#dateTimeStamp).
public enum DateTimeStampError: Error, Equatable, Sendable {
    /// A field of the date or time.
    public enum Field: String, Sendable {
        /// The month, `01`–`12`.
        case month
        /// The day of the month, up to the month's length (29 February only in leap years).
        case day
        /// The hour, `00`–`23`, or `24` for `24:00:00`.
        case hour
        /// The minute, `00`–`59`.
        case minute
        /// The second, `00`–`59` (XML Schema has no leap seconds).
        case second
        /// The offset: hours `00`–`14`, minutes `00`–`59`, at most `14:00`.
        case timezone
    }

    /// The byte at `offset` (or the end of the text, when `offset` equals its length) does not fit the grammar.
    case malformed(offset: Int)
    /// The text has no `Z` or `±hh:mm` after the time: a `dateTime`, but not a `dateTimeStamp`.
    case missingTimezone
    /// The year has a sign or more than four digits, which MedCred does not accept.
    case unsupportedYear(String)
    /// A field holds a value that does not exist, e.g. month 13, 30 February, 24:30 or an offset beyond 14:00.
    case outOfRange(Field, value: Int)
}

extension Int64 {
    /// Division rounding toward negative infinity, for dates before 1970.
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
