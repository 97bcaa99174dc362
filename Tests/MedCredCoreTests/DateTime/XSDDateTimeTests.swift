import Foundation
import MedCredCore
import MedCredTestSupport
import Testing

/// XML Schema 1.1 Part 2 §3.3.7 dateTime and §3.4.28 dateTimeStamp,
/// https://www.w3.org/TR/xmlschema11-2/#dateTime — the lexical forms VC Data Model 2.0 §4.9 requires.
@Suite struct XSDDateTimeTests {
    /// A lexical form and the whole seconds since 1970 it denotes.
    struct Valid: Sendable, CustomTestStringConvertible {
        let text: String
        let seconds: Int
        var testDescription: String { text }
    }

    static let valid: [Valid] = [
        Valid(text: "1970-01-01T00:00:00Z", seconds: 0),
        Valid(text: "1969-12-31T23:59:59Z", seconds: -1),
        Valid(text: "2023-11-14T22:13:20Z", seconds: 1_700_000_000),
        Valid(text: "2023-02-25T19:10:39-06:00", seconds: 1_677_373_839),
        Valid(text: "2023-02-26T01:10:39+00:00", seconds: 1_677_373_839),
        Valid(text: "2023-02-26T01:10:39-00:00", seconds: 1_677_373_839),
        Valid(text: "2023-02-26T15:10:39+14:00", seconds: 1_677_373_839),
        Valid(text: "2023-02-25T11:10:39-14:00", seconds: 1_677_373_839),
        Valid(text: "2023-02-26T14:10:39+13:00", seconds: 1_677_373_839),
        Valid(text: "4023-02-26T01:02:58.447Z", seconds: 64_791_277_378),
        Valid(text: "2024-02-29T00:00:00Z", seconds: 1_709_164_800),
        Valid(text: "2000-02-29T00:00:00Z", seconds: 951_782_400),
        Valid(text: "2023-12-31T24:00:00Z", seconds: 1_704_067_200),
        Valid(text: "2023-12-31T24:00:00.000Z", seconds: 1_704_067_200),
        Valid(text: "0001-01-01T00:00:00Z", seconds: -62_135_596_800),
        Valid(text: "0000-01-01T00:00:00Z", seconds: -62_167_219_200),
        Valid(text: "0000-02-29T00:00:00Z", seconds: -62_167_219_200 + 59 * 86_400),
        Valid(text: "-0001-12-31T00:00:00Z", seconds: -62_167_219_200 - 86_400),
        Valid(text: "10000-01-01T00:00:00Z", seconds: 253_402_300_800),
        Valid(text: "2023-06-01T12:00:00.000000000000001Z", seconds: 1_685_620_800),
    ]

    @Test(arguments: valid)
    func parsesDateTimeStamp(_ vector: Valid) throws {
        let value = try XSDDateTime(parsing: vector.text)
        #expect(value.secondsSince1970 == vector.seconds)
        #expect(value.lexicalForm == vector.text)
        #expect(value.description == vector.text)
    }

    @Test func readsFields() throws {
        let value = try XSDDateTime(parsing: "2023-02-25T19:10:39.4470-06:30")
        #expect(
            [value.year, value.month, value.day, value.hour, value.minute, value.second] == [2023, 2, 25, 19, 10, 39]
                as [Int])
        #expect(value.fractionalDigits == "4470")
        #expect(value.timezoneOffsetMinutes == -390)
    }

    @Test func endOfDayIsTheNextDay() throws {
        let value = try XSDDateTime(parsing: "2024-02-28T24:00:00Z")
        #expect([value.year, value.month, value.day, value.hour] == [2024, 2, 29, 0] as [Int])
        let newYear = try XSDDateTime(parsing: "1999-12-31T24:00:00+01:00")
        #expect([newYear.year, newYear.month, newYear.day] == [2000, 1, 1] as [Int])
    }

    @Test func dateTimeWithoutTimezoneOnlyWhenAllowed() throws {
        #expect(throws: XSDDateTimeError.missingTimezone) { try XSDDateTime(parsing: "2023-02-26T01:02:58") }
        let local = try XSDDateTime(parsing: "2023-02-26T01:02:58", requiringTimezone: false)
        #expect(local.timezoneOffsetMinutes == nil)
        #expect(local.date == nil)
        #expect(local.secondsSince1970 == nil)
        #expect(local.isBefore(try XSDDateTime(parsing: "2099-01-01T00:00:00Z")) == nil)
    }

    @Test func convertsToDate() throws {
        #expect(try XSDDateTime(parsing: "1970-01-01T00:00:00Z").date == Date(timeIntervalSince1970: 0))
        let withFraction = try #require(try XSDDateTime(parsing: "2023-02-26T01:02:58.447Z").date)
        #expect(abs(withFraction.timeIntervalSince1970 - 1_677_373_378.447) < 1e-6)
        let zoned = try XSDDateTime(parsing: "2023-02-25T19:10:39-06:00").date
        #expect(zoned == (try XSDDateTime(parsing: "2023-02-26T01:10:39Z").date))
    }

    @Test func comparesInstantsExactly() throws {
        let early = try XSDDateTime(parsing: "2023-02-26T01:20:00Z")
        let late = try XSDDateTime(parsing: "2023-02-26T01:20:00.0000000001Z")
        #expect(early.isBefore(late) == true)
        #expect(late.isBefore(early) == false)
        #expect(early.isBefore(early) == false)
        let sameInstant = try XSDDateTime(parsing: "2023-02-25T19:20:00.000-06:00")
        #expect(early.isBefore(sameInstant) == false)
        #expect(sameInstant.isBefore(early) == false)
        #expect(early != sameInstant, "equality is lexical; instants compare with isBefore")
    }

    @Test func formatsCreatedTimestamps() {
        #expect(XSDDateTime.timestamp(from: Date(timeIntervalSince1970: 1_700_000_000.9)) == "2023-11-14T22:13:20Z")
        #expect(XSDDateTime.timestamp(from: Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59Z")
        #expect(XSDDateTime.timestamp(from: Date(timeIntervalSince1970: 64_791_277_378)) == "4023-02-26T01:02:58Z")
        #expect(XSDDateTime.timestamp(from: Date(timeIntervalSince1970: -62_167_219_200)) == "0000-01-01T00:00:00Z")
        #expect(XSDDateTime.timestamp(from: Date(timeIntervalSince1970: -62_167_219_201)) == "-0001-12-31T23:59:59Z")
        #expect(XSDDateTime(Date(timeIntervalSince1970: 0)).timezoneOffsetMinutes == 0)
    }

    @Test func formattedTimestampsParseBackToTheSameSecond() throws {
        var random = SplitMix64(seed: 0x7873_6454_696d_6501)
        for _ in 0..<2_000 {
            let seconds = Int.random(in: -70_000_000_000...300_000_000_000, using: &random)
            let text = XSDDateTime.timestamp(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            let parsed = try XSDDateTime(parsing: text)
            #expect(parsed.secondsSince1970 == seconds, "seed 0x7873_6454_696d_6501, \(seconds) → \(text)")
        }
    }
}
