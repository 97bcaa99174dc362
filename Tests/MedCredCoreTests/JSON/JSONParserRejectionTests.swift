import MedCredCore
import Testing

/// One malformed document and the exact error it must produce.
struct JSONRejectionCase: CustomTestStringConvertible, Sendable {
    let name: String
    let bytes: [UInt8]
    let want: JSONParseError
    var testDescription: String { name }

    init(_ name: String, _ text: String, _ want: JSONParseError) {
        self.init(name, Array(text.utf8), want)
    }

    init(_ name: String, _ bytes: [UInt8], _ want: JSONParseError) {
        self.name = name
        self.bytes = bytes
        self.want = want
    }
}

/// Negative cases for the strict RFC 8259 / RFC 7493 parser; offsets count bytes from 0.
@Suite struct JSONParserRejectionTests {
    static let structure: [JSONRejectionCase] = [
        JSONRejectionCase("empty", "", .empty),
        JSONRejectionCase("whitespace only", " \n\t\r ", .empty),
        JSONRejectionCase("byte order mark", [0xEF, 0xBB, 0xBF] + Array("{}".utf8), .byteOrderMark),
        JSONRejectionCase("byte order mark alone", [0xEF, 0xBB, 0xBF], .byteOrderMark),
        JSONRejectionCase("truncated object", #"{"a":1"#, .unexpectedEnd(offset: 6)),
        JSONRejectionCase("truncated after colon", #"{"a":"#, .unexpectedEnd(offset: 5)),
        JSONRejectionCase("truncated after name", #"{"a""#, .unexpectedEnd(offset: 4)),
        JSONRejectionCase("truncated after comma", #"{"a":1,"#, .unexpectedEnd(offset: 7)),
        JSONRejectionCase("truncated open brace", "{", .unexpectedEnd(offset: 1)),
        JSONRejectionCase("truncated array", "[1,2", .unexpectedEnd(offset: 4)),
        JSONRejectionCase("truncated open bracket", "[", .unexpectedEnd(offset: 1)),
        JSONRejectionCase("truncated string", #""abc"#, .unexpectedEnd(offset: 4)),
        JSONRejectionCase("truncated escape", #""\u00"#, .unexpectedEnd(offset: 5)),
        JSONRejectionCase("truncated backslash", #""\"#, .unexpectedEnd(offset: 2)),
        JSONRejectionCase("truncated after high surrogate", #""\ud800"#, .unexpectedEnd(offset: 7)),
        JSONRejectionCase("truncated literal", "tru", .unexpectedEnd(offset: 3)),
        JSONRejectionCase("minus alone", "-", .unexpectedEnd(offset: 1)),
        JSONRejectionCase("trailing comma in array", "[1,]", .unexpectedByte(UInt8(ascii: "]"), offset: 3)),
        JSONRejectionCase("trailing comma in object", #"{"a":1,}"#, .unexpectedByte(UInt8(ascii: "}"), offset: 7)),
        JSONRejectionCase("leading comma", "[,1]", .unexpectedByte(UInt8(ascii: ","), offset: 1)),
        JSONRejectionCase("missing comma", "[1 2]", .unexpectedByte(UInt8(ascii: "2"), offset: 3)),
        JSONRejectionCase("missing colon", #"{"a" 1}"#, .unexpectedByte(UInt8(ascii: "1"), offset: 5)),
        JSONRejectionCase("missing value", #"{"a":}"#, .unexpectedByte(UInt8(ascii: "}"), offset: 5)),
        JSONRejectionCase("unquoted name", "{a:1}", .unexpectedByte(UInt8(ascii: "a"), offset: 1)),
        JSONRejectionCase("number as name", "{1:1}", .unexpectedByte(UInt8(ascii: "1"), offset: 1)),
        JSONRejectionCase("single quotes", "'a'", .unexpectedByte(UInt8(ascii: "'"), offset: 0)),
        JSONRejectionCase("array closed by brace", "[1}", .unexpectedByte(UInt8(ascii: "}"), offset: 2)),
        JSONRejectionCase("object closed by bracket", #"{"a":1]"#, .unexpectedByte(UInt8(ascii: "]"), offset: 6)),
        JSONRejectionCase("block comment", "[1 /*x*/]", .unexpectedByte(UInt8(ascii: "/"), offset: 3)),
        JSONRejectionCase("line comment", "// x\n1", .unexpectedByte(UInt8(ascii: "/"), offset: 0)),
        JSONRejectionCase("form feed is not whitespace", "\u{0C}1", .unexpectedByte(0x0C, offset: 0)),
        JSONRejectionCase("no-break space is not whitespace", "\u{A0}1", .unexpectedByte(0xC2, offset: 0)),
        JSONRejectionCase("UTF-8 outside a string", [0x5B, 0xC3, 0xA9, 0x5D], .unexpectedByte(0xC3, offset: 1)),
        JSONRejectionCase("trailing value", "1 2", .trailingData(offset: 2)),
        JSONRejectionCase("two objects", "{} {}", .trailingData(offset: 3)),
        JSONRejectionCase("extra bracket", "[1]]", .trailingData(offset: 3)),
        JSONRejectionCase("trailing letter after string", #""a"x"#, .trailingData(offset: 3)),
        JSONRejectionCase("trailing NUL", [0x31, 0x00], .trailingData(offset: 1)),
        JSONRejectionCase("trailing comma at top level", "1,", .trailingData(offset: 1)),
    ]

    static let literals: [JSONRejectionCase] = [
        JSONRejectionCase("capitalised True", "True", .unexpectedByte(UInt8(ascii: "T"), offset: 0)),
        JSONRejectionCase("misspelt null", "nulL", .unexpectedByte(UInt8(ascii: "L"), offset: 3)),
        JSONRejectionCase("falsy", "falsy", .unexpectedByte(UInt8(ascii: "y"), offset: 4)),
        JSONRejectionCase("literal with suffix", "truex", .trailingData(offset: 4)),
        JSONRejectionCase("literal with suffix in array", "[nullx]", .unexpectedByte(UInt8(ascii: "x"), offset: 5)),
        JSONRejectionCase("undefined", "undefined", .unexpectedByte(UInt8(ascii: "u"), offset: 0)),
        JSONRejectionCase("NaN", "NaN", .unexpectedByte(UInt8(ascii: "N"), offset: 0)),
        JSONRejectionCase("Infinity", "Infinity", .unexpectedByte(UInt8(ascii: "I"), offset: 0)),
        JSONRejectionCase("minus Infinity", "-Infinity", .unexpectedByte(UInt8(ascii: "I"), offset: 1)),
    ]

    static let numbers: [JSONRejectionCase] = [
        JSONRejectionCase("leading zero", "01", .leadingZero(offset: 0)),
        JSONRejectionCase("negative leading zero", "-01", .leadingZero(offset: 1)),
        JSONRejectionCase("double zero in array", "[00]", .leadingZero(offset: 1)),
        JSONRejectionCase("leading zero with fraction", "00.5", .leadingZero(offset: 0)),
        JSONRejectionCase("plus sign", "+1", .unexpectedByte(UInt8(ascii: "+"), offset: 0)),
        JSONRejectionCase("bare fraction", ".5", .unexpectedByte(UInt8(ascii: "."), offset: 0)),
        JSONRejectionCase("minus bare fraction", "-.5", .unexpectedByte(UInt8(ascii: "."), offset: 1)),
        JSONRejectionCase("empty fraction", "1.", .unexpectedEnd(offset: 2)),
        JSONRejectionCase("empty fraction in array", "[1.]", .unexpectedByte(UInt8(ascii: "]"), offset: 3)),
        JSONRejectionCase("empty exponent", "1e", .unexpectedEnd(offset: 2)),
        JSONRejectionCase("signed empty exponent", "1e+", .unexpectedEnd(offset: 3)),
        JSONRejectionCase("empty exponent in array", "[1E]", .unexpectedByte(UInt8(ascii: "]"), offset: 3)),
        JSONRejectionCase("fraction before exponent missing", "1.e5", .unexpectedByte(UInt8(ascii: "e"), offset: 2)),
        JSONRejectionCase("minus then letter", "-a", .unexpectedByte(UInt8(ascii: "a"), offset: 1)),
        JSONRejectionCase("hexadecimal", "0x10", .trailingData(offset: 1)),
        JSONRejectionCase("double minus", "--1", .unexpectedByte(UInt8(ascii: "-"), offset: 1)),
        JSONRejectionCase("overflow", "1e400", .numberOutOfRange(offset: 0)),
        JSONRejectionCase("negative overflow", "-1e400", .numberOutOfRange(offset: 0)),
        JSONRejectionCase("just over max double", "[1.8e308]", .numberOutOfRange(offset: 1)),
        JSONRejectionCase("400-digit integer", String(repeating: "9", count: 400), .numberOutOfRange(offset: 0)),
    ]

    static let names: [JSONRejectionCase] = [
        JSONRejectionCase("duplicate name", #"{"a":1,"a":2}"#, .duplicateMemberName("a", offset: 7)),
        JSONRejectionCase("duplicate name, same value", #"{"a":1,"a":1}"#, .duplicateMemberName("a", offset: 7)),
        JSONRejectionCase("escaped duplicate", #"{"a":1,"\u0061":2}"#, .duplicateMemberName("a", offset: 7)),
        JSONRejectionCase("escaped solidus duplicate", #"{"/":1,"\/":2}"#, .duplicateMemberName("/", offset: 7)),
        JSONRejectionCase("nested duplicate", #"{"x":{"b":1,"b":2}}"#, .duplicateMemberName("b", offset: 12)),
        JSONRejectionCase("empty-name duplicate", #"{"":1,"":2}"#, .duplicateMemberName("", offset: 6)),
        JSONRejectionCase(
            "duplicate after many members",
            "{" + (0..<20).map { "\"m\($0)\":\($0)," }.joined() + #""m7":0}"#,
            .duplicateMemberName("m7", offset: 161)),
    ]

    @Test(arguments: structure + literals + numbers + names)
    func rejects(_ rejection: JSONRejectionCase) {
        #expect(throws: rejection.want) { try JSONValue(parsing: rejection.bytes) }
    }

    @Test func offsetsCountFromTheStartOfASlice() {
        let bytes = Array("xx[1,]".utf8)
        #expect(throws: JSONParseError.unexpectedByte(UInt8(ascii: "]"), offset: 3)) {
            try JSONValue(parsing: bytes[2...])
        }
    }

    @Test(arguments: structure + literals + numbers + names)
    func rejectsAsString(_ rejection: JSONRejectionCase) {
        // Text inputs are valid Unicode, so the String entry point must report the same error.
        guard let text = String(validating: rejection.bytes, as: UTF8.self) else { return }
        #expect(throws: rejection.want) { try JSONValue(parsing: text) }
    }
}
