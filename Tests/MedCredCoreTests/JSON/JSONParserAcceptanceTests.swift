import MedCredCore
import Testing

/// One well-formed document and the value it must parse to.
struct JSONAcceptanceCase: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let want: JSONValue
    var testDescription: String { name }

    init(_ name: String, _ text: String, _ want: JSONValue) {
        self.name = name
        self.text = text
        self.want = want
    }
}

/// Positive cases for the parser (RFC 8259); negative cases live in the rejection suites.
@Suite struct JSONParserAcceptanceTests {
    static let cases: [JSONAcceptanceCase] = [
        JSONAcceptanceCase("top-level number", "42", 42),
        JSONAcceptanceCase("top-level string", #""x""#, "x"),
        JSONAcceptanceCase("top-level literals", "[true,false,null]", [true, false, nil]),
        JSONAcceptanceCase("surrounding whitespace", " \t\r\n{ \"a\" : [ 1 , 2 ] }\n", ["a": [1, 2]]),
        JSONAcceptanceCase("negative zero", "-0", .number(-0.0)),
        JSONAcceptanceCase("number forms", "[0, -1.5, 1E2, 1e+2, 2.5e-3, 0e0]", [0, -1.5, 100, 100, 0.0025, 0]),
        JSONAcceptanceCase("underflow to zero", "1e-400", 0),
        JSONAcceptanceCase("max double", "1.7976931348623157e308", .number(.greatestFiniteMagnitude)),
        JSONAcceptanceCase("integer past 2^53 rounds", "9007199254740993", 9_007_199_254_740_992),
        JSONAcceptanceCase("long fraction", "0.1000000000000000055511151231257827", 0.1),
        JSONAcceptanceCase("simple escapes", #""\"\\\/\b\f\n\r\t""#, "\"\\/\u{08}\u{0C}\n\r\t"),
        JSONAcceptanceCase("unicode escapes", #""\u00e9\u20AC\u0000""#, "\u{E9}\u{20AC}\u{0}"),
        JSONAcceptanceCase("surrogate pair", #""\ud83d\ude02""#, "\u{1F602}"),
        JSONAcceptanceCase("raw non-BMP", "\"\u{1F602}\u{10FFFF}\"", "\u{1F602}\u{10FFFF}"),
        JSONAcceptanceCase("DEL is not a control", "\"\u{7F}\"", "\u{7F}"),
        JSONAcceptanceCase("nested empties", #"{"a":{},"b":[],"c":[{}]}"#, ["a": [:], "b": [], "c": [[:]]]),
    ]

    @Test(arguments: cases)
    func parses(_ acceptance: JSONAcceptanceCase) throws {
        #expect(try JSONValue(parsing: acceptance.text) == acceptance.want)
        #expect(try JSONValue(parsing: Array(acceptance.text.utf8)) == acceptance.want)
    }

    @Test func keepsMemberOrder() throws {
        let value = try JSONValue(parsing: #"{"z":1,"a":2,"m":3}"#)
        #expect(value.objectValue?.names == ["z", "a", "m"])
    }

    @Test func namesDifferingOnlyInNormalisationAreDistinct() throws {
        // "é" (U+00E9) and "e" + U+0301 are canonically equivalent but different JSON names.
        let value = try JSONValue(parsing: #"{"\u00e9":1,"e\u0301":2}"#)
        #expect(value.objectValue?.count == 2)
        #expect(value["\u{E9}"] == 1)
        #expect(value["e\u{301}"] == 2)
    }

    @Test func negativeZeroKeepsItsSign() throws {
        let value = try #require(try JSONValue(parsing: "-0").doubleValue)
        #expect(value.sign == .minus)
    }
}
