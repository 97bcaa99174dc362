import MedCredCore
import MedCredTestSupport
import Testing

/// The instants XSD 1.1 `dateTimeStamp` values name (https://www.w3.org/TR/xmlschema11-2/#dateTimeStamp),
/// their UTC rendering, and exact comparison, as Data Integrity proofs use them for `created` and `expires`.
@Suite struct XSDDateTimeInstantTests {
    static let instants: [(String, Int, String)] = [
        ("1970-01-01T00:00:00Z", 0, "1970-01-01T00:00:00Z"),
        ("2023-02-24T23:36:38Z", 1_677_281_798, "2023-02-24T23:36:38Z"),
        ("2023-02-25T00:36:38+01:00", 1_677_281_798, "2023-02-24T23:36:38Z"),
        ("2023-02-24T13:36:38-10:00", 1_677_281_798, "2023-02-24T23:36:38Z"),
        ("2024-02-29T12:00:00Z", 1_709_208_000, "2024-02-29T12:00:00Z"),
        ("2000-02-29T00:00:00Z", 951_782_400, "2000-02-29T00:00:00Z"),
        ("1969-12-31T23:59:59Z", -1, "1969-12-31T23:59:59Z"),
        ("2023-12-31T24:00:00Z", 1_704_067_200, "2024-01-01T00:00:00Z"),
        ("2023-02-24T23:36:38.500Z", 1_677_281_798, "2023-02-24T23:36:38.5Z"),
        ("0001-01-01T00:00:00Z", -62_135_596_800, "0001-01-01T00:00:00Z"),
        ("9999-12-31T23:59:59+14:00", 253_402_250_399, "9999-12-31T09:59:59Z"),
    ]

    @Test(arguments: instants)
    func parsesInstants(text: String, seconds: Int, utc: String) throws {
        let value = try XSDDateTime(parsing: text)
        #expect(value.secondsSince1970 == seconds)
        #expect(value.utcTimestamp == utc)
        #expect(try XSDDateTime(parsing: value.utcTimestamp).isSameInstant(as: value) == true)
    }

    @Test func rendersWholeSecondsAsTheProofFormat() {
        #expect(XSDDateTime(secondsSince1970: 1_677_281_798).description == "2023-02-24T23:36:38Z")
        #expect(XSDDateTime(secondsSince1970: 1_677_281_798).utcTimestamp == "2023-02-24T23:36:38Z")
        #expect(XSDDateTime(secondsSince1970: -62_135_596_800).description == "0001-01-01T00:00:00Z")
        #expect(XSDDateTime(secondsSince1970: 0).timezoneOffsetMinutes == 0)
    }

    @Test func readsAValueWithoutTimezoneAsUTCWhenRendering() throws {
        let local = try XSDDateTime(parsing: "2023-02-24T23:36:38.250", requiringTimezone: false)
        #expect(local.utcTimestamp == "2023-02-24T23:36:38.25Z")
    }

    @Test func comparesAsInstantsIncludingFractions() throws {
        func value(_ text: String) throws -> XSDDateTime { try XSDDateTime(parsing: text) }
        #expect(try value("2023-02-24T23:36:38.5Z").isBefore(value("2023-02-24T23:36:38.51Z")) == true)
        #expect(try value("2023-02-24T23:36:38.50Z").isSameInstant(as: value("2023-02-24T23:36:38.5Z")) == true)
        #expect(try value("2023-02-24T23:36:38Z").isSameInstant(as: value("2023-02-24T23:36:38.000Z")) == true)
        #expect(try value("2023-02-24T23:36:38Z").isBefore(value("2023-02-24T23:36:38.0001Z")) == true)
        #expect(try value("2023-02-24T23:36:38Z").isSameInstant(as: value("2023-02-24T23:36:38.0001Z")) == false)
        #expect(try value("2023-02-25T00:00:00+01:00").isBefore(value("2023-02-24T23:30:00Z")) == true)
        #expect(try value("2023-02-25T00:36:38+01:00").isSameInstant(as: value("2023-02-24T23:36:38Z")) == true)
    }

    @Test func sameInstantIsUnknownWithoutTimezone() throws {
        let local = try XSDDateTime(parsing: "2023-02-24T23:36:38", requiringTimezone: false)
        #expect(local.isSameInstant(as: try XSDDateTime(parsing: "2023-02-24T23:36:38Z")) == nil)
    }

    @Test func clampsAbsurdSecondsToAYearThatParsesBack() throws {
        for seconds in [Int.max, Int.min] {
            let value = XSDDateTime(secondsSince1970: seconds)
            #expect(try XSDDateTime(parsing: value.description) == value, "\(seconds)")
        }
    }

    /// Property: every second of a seeded sample of 400 years renders and parses back to itself.
    @Test func rendersAndParsesBack() throws {
        var random = SplitMix64(seed: 0x5EED_DA7E)
        for _ in 0..<2_000 {
            let seconds = Int(random.next() % 12_622_780_800) - 2_208_988_800  // 1900 ... 2300
            let value = XSDDateTime(secondsSince1970: seconds)
            #expect(try XSDDateTime(parsing: value.description) == value, "seed \(random.seed): \(seconds)")
            #expect(value.secondsSince1970 == seconds, "seed \(random.seed): \(seconds)")
        }
    }
}
