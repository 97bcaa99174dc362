public import Foundation

/// The instant an ``XSDDateTime`` names, and exact comparison of instants.
///
/// XSD 1.1 Part 2 §3.3.7.1 (the dateTime value space and its order),
/// <https://www.w3.org/TR/xmlschema11-2/#dateTime-value-space>. A value with a timezone names one instant;
/// one without names none, so it is ordered only partially (the public API answers `nil` for it).
extension XSDDateTime {
    /// Whole seconds since 1970-01-01T00:00:00Z, or `nil` without a timezone.
    public var secondsSince1970: Int? {
        timezoneOffsetMinutes == nil ? nil : secondsSince1970AssumingUTC
    }

    /// The instant as a Foundation `Date` (fractional seconds kept to `Double` precision), or `nil` when
    /// the value has no timezone and so names no single instant (XSD 1.1 §3.3.7).
    public var date: Date? {
        guard let seconds = secondsSince1970 else { return nil }
        let fraction = Double("0." + (fractionalDigits.isEmpty ? "0" : String(fractionalDigits.prefix(15)))) ?? 0
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// The instant in UTC as `YYYY-MM-DDTHH:MM:SSZ`, with `.` and the fractional digits (trailing zeros
    /// dropped) when there are any; a value without a timezone is read as UTC.
    ///
    /// The form MedCred writes into a proof's `created` and `expires` (VC Data Integrity §2.1,
    /// <https://www.w3.org/TR/vc-data-integrity/#proofs>): `2023-02-25T00:36:38.50+01:00` becomes
    /// `2023-02-24T23:36:38.5Z`.
    public var utcTimestamp: String {
        let whole = XSDDateTimeFields(utcSecondsSince1970: secondsSince1970AssumingUTC).utcTimestamp
        let fraction = significantFractionalDigits
        return fraction.isEmpty ? whole : "\(whole.dropLast()).\(fraction)Z"
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

    /// Whether this value and `other` name the same instant, compared exactly: `2023-02-25T00:00:00.50+01:00`
    /// and `2023-02-24T23:00:00.5Z` do, although `==` (which compares the text) says they differ.
    /// - Parameter other: another value.
    /// - Returns: `nil` when either value has no timezone (XSD 1.1 orders those only partially).
    public func isSameInstant(as other: XSDDateTime) -> Bool? {
        guard let lhs = secondsSince1970, let rhs = other.secondsSince1970 else { return nil }
        return lhs == rhs && significantFractionalDigits == other.significantFractionalDigits
    }
}

extension XSDDateTime {
    /// Whole seconds since 1970-01-01T00:00:00Z, reading a value without timezone as UTC.
    var secondsSince1970AssumingUTC: Int {
        let days = XSDCalendar.daysSince1970(year: year, month: month, day: day)
        return days * 86_400 + hour * 3600 + minute * 60 + second - (timezoneOffsetMinutes ?? 0) * 60
    }

    /// This value with a `Z` timezone when it has none, for comparisons that read unzoned values as UTC.
    var withUTCIfUnzoned: XSDDateTime {
        guard timezoneOffsetMinutes == nil else { return self }
        let fields = XSDDateTimeFields(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second,
            fractionalDigits: fractionalDigits, timezoneOffsetMinutes: 0)
        return XSDDateTime(fields: fields, lexicalForm: lexicalForm + "Z")
    }

    /// Whether this instant is before `other`, reading a value without timezone as UTC when
    /// `assumingUTC` (VCDM 1.1 `dateTime` values may lack one; so may a caller's `now`).
    func isBefore(_ other: XSDDateTime, assumingUTC: Bool) -> Bool {
        if let ordered = isBefore(other) { return ordered }
        guard assumingUTC else { return false }
        return withUTCIfUnzoned.isBefore(other.withUTCIfUnzoned) ?? false
    }

    /// ``fractionalDigits`` without trailing zeros: `.50` and `.5` are the same fraction.
    private var significantFractionalDigits: Substring {
        let digits = Substring(fractionalDigits)
        guard let last = digits.lastIndex(where: { $0 != "0" }) else { return "" }
        return digits[...last]
    }
}
