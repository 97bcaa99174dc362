import MedCredCore
import Testing

/// Compact, pretty and canonical text: order, escaping (RFC 8785 §3.2.2.2) and numbers (§3.2.2.3).
@Suite struct JSONSerializationTests {
    @Test func compactKeepsMemberOrder() {
        let value: JSONValue = ["z": 1, "a": [true, nil, "x"], "m": [:]]
        #expect(value.serialized() == #"{"z":1,"a":[true,null,"x"],"m":{}}"#)
        #expect(value.utf8Bytes == Array(value.serialized().utf8))
    }

    @Test func canonicalSortsMembersRecursively() {
        let value: JSONValue = ["z": 1, "a": ["y": 2, "b": 3]]
        #expect(String(decoding: value.jcsBytes, as: UTF8.self) == #"{"a":{"b":3,"y":2},"z":1}"#)
    }

    @Test func canonicalSortsByUTF16CodeUnits() {
        // U+1F600 is D83D DE00 in UTF-16, so it sorts before U+FB33 although its scalar is larger.
        let value: JSONValue = ["\u{FB33}": 1, "\u{1F600}": 2, "\u{E9}": 3, "": 4, "a": 5, "\u{E000}": 6]
        let names = ["", "a", "\u{E9}", "\u{1F600}", "\u{E000}", "\u{FB33}"]
        let want = "{" + names.map { "\"\($0)\":\(value[$0]!.serialized())" }.joined(separator: ",") + "}"
        #expect(String(decoding: value.jcsBytes, as: UTF8.self) == want)
    }

    @Test func prettyIndentsByTwoSpaces() {
        let value: JSONValue = ["a": [1, 2], "b": [:], "c": []]
        #expect(value.serialized(pretty: true) == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {},\n  \"c\": []\n}")
    }

    @Test func escapesMinimally() {
        let value = JSONValue.string("\"\\/\u{08}\u{09}\u{0A}\u{0C}\u{0D}\u{00}\u{1F}\u{7F}\u{E9}\u{2028}\u{1F602}")
        let want = #""\"\\/\b\t\n\f\r\u0000\u001f"# + "\u{7F}\u{E9}\u{2028}\u{1F602}\""
        #expect(value.serialized() == want)
        #expect(String(decoding: value.jcsBytes, as: UTF8.self) == want)
    }

    @Test(
        arguments: [
            (0.0, "0"), (-0.0, "0"), (1, "1"), (-1, "-1"), (1.5, "1.5"), (0.1, "0.1"), (1e21, "1e+21"),
            (1e20, "100000000000000000000"), (123456789012345683968, "123456789012345680000"), (1e-6, "0.000001"),
            (1e-7, "1e-7"), (1.5e-7, "1.5e-7"), (.leastNonzeroMagnitude, "5e-324"),
            (-1.7976931348623157e308, "-1.7976931348623157e+308"),
            (9007199254740992, "9007199254740992"), (9007199254740994, "9007199254740994"),
            (333333333.33333329, "333333333.3333333"), (4.35, "4.35"), (1e30, "1e+30"), (0.002, "0.002"),
            (295147905179352825856, "295147905179352830000"), (4.5, "4.5"), (100, "100"), (1.0e7, "10000000"),
        ] as [(Double, String)])
    func formatsNumbersLikeES6(_ value: Double, _ want: String) {
        #expect(JSONValue.number(value).serialized() == want)
        #expect(String(decoding: JSONValue.number(value).jcsBytes, as: UTF8.self) == want)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func writesNonFiniteNumbersAsNull(_ value: Double) {
        #expect(JSONValue.number(value).serialized() == "null")
        #expect(JCS.canonicalize([.number(value)]) == Array("[null]".utf8))
    }
}
