import MedCredCore
import MedCredTestSupport
import Testing

/// XML Schema 1.1 `dateTimeStamp` (https://www.w3.org/TR/xmlschema11-2/#dateTimeStamp), as proofs use it.
@Suite struct DateTimeStampTests {
    typealias Stamp = DataIntegrity.DateTimeStamp

    static let instants: [(String, Int64, String)] = [
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
    func parsesInstants(text: String, seconds: Int64, utc: String) throws {
        let stamp = try Stamp(parsing: text)
        #expect(stamp.secondsSince1970 == seconds)
        #expect(stamp.description == utc)
        #expect(try Stamp(parsing: stamp.description) == stamp)
    }

    @Test func rendersWholeSecondsAsTheProofFormat() {
        #expect(Stamp(secondsSince1970: 1_677_281_798).description == "2023-02-24T23:36:38Z")
        #expect(Stamp(secondsSince1970: -62_135_596_800).description == "0001-01-01T00:00:00Z")
    }

    @Test func comparesAsInstantsIncludingFractions() throws {
        #expect(try Stamp(parsing: "2023-02-24T23:36:38.5Z") < Stamp(parsing: "2023-02-24T23:36:38.51Z"))
        #expect(try Stamp(parsing: "2023-02-24T23:36:38.50Z") == Stamp(parsing: "2023-02-24T23:36:38.5Z"))
        #expect(try Stamp(parsing: "2023-02-24T23:36:38Z") == Stamp(parsing: "2023-02-24T23:36:38.000Z"))
        #expect(try Stamp(parsing: "2023-02-24T23:36:38Z") < Stamp(parsing: "2023-02-24T23:36:38.0001Z"))
        #expect(try Stamp(parsing: "2023-02-25T00:00:00+01:00") < Stamp(parsing: "2023-02-24T23:30:00Z"))
    }

    static let rejections: [(String, DateTimeStampError)] = [
        ("", .malformed(offset: 0)),
        ("2023-02-24T23:36:38", .missingTimezone),
        ("2023-02-24", .malformed(offset: 10)),
        ("2023-02-24 23:36:38Z", .malformed(offset: 10)),
        ("2023-02-24t23:36:38Z", .malformed(offset: 10)),
        ("2023-02-24T23:36:38z", .malformed(offset: 19)),
        ("2023-02-24T23:36:38 Z", .malformed(offset: 19)),
        (" 2023-02-24T23:36:38Z", .malformed(offset: 0)),
        ("2023-02-24T23:36:38Z ", .malformed(offset: 20)),
        ("2023-2-24T23:36:38Z", .malformed(offset: 6)),
        ("2023-02-24T23:36Z", .malformed(offset: 16)),
        ("2023-02-24T23:36:38.Z", .malformed(offset: 20)),
        ("2023-02-24T23:36:38+0100", .malformed(offset: 22)),
        ("2023-02-24T23:36:38+01", .malformed(offset: 22)),
        ("-2023-02-24T23:36:38Z", .unsupportedYear("-2023")),
        ("12023-02-24T23:36:38Z", .unsupportedYear("12023")),
        ("023-02-24T23:36:38Z", .unsupportedYear("023")),
        ("2023-00-24T23:36:38Z", .outOfRange(.month, value: 0)),
        ("2023-13-24T23:36:38Z", .outOfRange(.month, value: 13)),
        ("2023-02-29T23:36:38Z", .outOfRange(.day, value: 29)),
        ("1900-02-29T00:00:00Z", .outOfRange(.day, value: 29)),
        ("2023-04-31T00:00:00Z", .outOfRange(.day, value: 31)),
        ("2023-02-00T00:00:00Z", .outOfRange(.day, value: 0)),
        ("2023-02-24T25:00:00Z", .outOfRange(.hour, value: 25)),
        ("2023-02-24T24:00:01Z", .outOfRange(.hour, value: 24)),
        ("2023-02-24T24:00:00.5Z", .outOfRange(.hour, value: 24)),
        ("2023-02-24T23:60:00Z", .outOfRange(.minute, value: 60)),
        ("2023-02-24T23:59:60Z", .outOfRange(.second, value: 60)),
        ("2023-02-24T23:36:38+15:00", .outOfRange(.timezone, value: 15)),
        ("2023-02-24T23:36:38+14:30", .outOfRange(.timezone, value: 1430)),
        ("2023-02-24T23:36:38+01:60", .outOfRange(.timezone, value: 60)),
        ("２０２３-02-24T23:36:38Z", .malformed(offset: 0)),
    ]

    @Test(arguments: rejections)
    func rejectsWhatIsNotADateTimeStamp(text: String, error: DateTimeStampError) {
        #expect(throws: error) { try Stamp(parsing: text) }
    }

    /// Property: every second of a seeded sample of 400 years renders and parses back to itself.
    @Test func rendersAndParsesBack() throws {
        var random = SplitMix64(seed: 0x5EED_DA7E)
        for _ in 0..<2_000 {
            let seconds = Int64(random.next() % 12_622_780_800) - 2_208_988_800  // 1900 ... 2300
            let stamp = Stamp(secondsSince1970: seconds)
            #expect(try Stamp(parsing: stamp.description) == stamp, "seed \(random.seed): \(seconds)")
        }
    }
}
