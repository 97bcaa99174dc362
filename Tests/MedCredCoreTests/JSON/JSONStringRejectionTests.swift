import MedCredCore
import Testing

/// Negative cases for strings: escapes, surrogates (RFC 7493 §2.1), UTF-8 (RFC 3629) and controls.
@Suite struct JSONStringRejectionTests {
    /// `"` + bytes + `"`.
    static func quoted(_ bytes: [UInt8]) -> [UInt8] { [0x22] + bytes + [0x22] }

    static let surrogates: [JSONRejectionCase] = [
        JSONRejectionCase("lone high surrogate", #""\ud800""#, .loneSurrogate(offset: 1)),
        JSONRejectionCase("lone low surrogate", #""\udc00""#, .loneSurrogate(offset: 1)),
        JSONRejectionCase("high surrogate then letter escape", #""\ud800\u0041""#, .loneSurrogate(offset: 1)),
        JSONRejectionCase("two high surrogates", #""\ud800\ud800""#, .loneSurrogate(offset: 1)),
        JSONRejectionCase("high surrogate then literal", #""\ud800x""#, .loneSurrogate(offset: 1)),
        JSONRejectionCase("high surrogate then newline escape", #""\ud800\n""#, .loneSurrogate(offset: 1)),
        JSONRejectionCase("reversed pair", #""\ude02\ud83d""#, .loneSurrogate(offset: 1)),
        JSONRejectionCase("lone low surrogate after text", #""ab\uDFFF""#, .loneSurrogate(offset: 3)),
        JSONRejectionCase("lone surrogate in name", #"{"\ud83d":1}"#, .loneSurrogate(offset: 2)),
    ]

    static let escapes: [JSONRejectionCase] = [
        JSONRejectionCase("unknown escape", #""\x""#, .invalidEscape(offset: 1)),
        JSONRejectionCase("capital U escape", #""\U0041""#, .invalidEscape(offset: 1)),
        JSONRejectionCase("apostrophe escape", #""\'""#, .invalidEscape(offset: 1)),
        JSONRejectionCase("octal escape", #""\0""#, .invalidEscape(offset: 1)),
        JSONRejectionCase("non-hex digit", #""\u12G4""#, .invalidEscape(offset: 1)),
        JSONRejectionCase("short escape", #""\u12""#, .invalidEscape(offset: 1)),
        JSONRejectionCase("non-hex in low surrogate", #""\ud83d\ude0z""#, .invalidEscape(offset: 7)),
        JSONRejectionCase("escaped raw newline", "\"\\\n\"", .invalidEscape(offset: 1)),
    ]

    static let controls: [JSONRejectionCase] = [
        JSONRejectionCase("raw NUL", quoted([0x61, 0x00]), .controlCharacterInString(offset: 2)),
        JSONRejectionCase("raw U+0001", quoted([0x61, 0x01]), .controlCharacterInString(offset: 2)),
        JSONRejectionCase("raw tab", quoted([0x09]), .controlCharacterInString(offset: 1)),
        JSONRejectionCase("raw newline", quoted([0x0A]), .controlCharacterInString(offset: 1)),
        JSONRejectionCase("raw carriage return", quoted([0x0D]), .controlCharacterInString(offset: 1)),
        JSONRejectionCase("raw U+001F", quoted([0x1F]), .controlCharacterInString(offset: 1)),
        JSONRejectionCase(
            "raw control after escape", Array(#""\n"#.utf8) + [0x01, 0x22], .controlCharacterInString(offset: 3)),
    ]

    static let utf8: [JSONRejectionCase] = [
        JSONRejectionCase("overlong NUL C0 80", quoted([0xC0, 0x80]), .invalidUTF8(offset: 1)),
        JSONRejectionCase("overlong C1 BF", quoted([0xC1, 0xBF]), .invalidUTF8(offset: 1)),
        JSONRejectionCase("overlong three-byte E0 80 80", quoted([0xE0, 0x80, 0x80]), .invalidUTF8(offset: 1)),
        JSONRejectionCase("overlong three-byte E0 9F BF", quoted([0xE0, 0x9F, 0xBF]), .invalidUTF8(offset: 1)),
        JSONRejectionCase("overlong four-byte F0 80 80 80", quoted([0xF0, 0x80, 0x80, 0x80]), .invalidUTF8(offset: 1)),
        JSONRejectionCase("overlong four-byte F0 8F BF BF", quoted([0xF0, 0x8F, 0xBF, 0xBF]), .invalidUTF8(offset: 1)),
        JSONRejectionCase("encoded high surrogate ED A0 80", quoted([0xED, 0xA0, 0x80]), .invalidUTF8(offset: 1)),
        JSONRejectionCase("encoded low surrogate ED BF BF", quoted([0xED, 0xBF, 0xBF]), .invalidUTF8(offset: 1)),
        JSONRejectionCase("CESU-8 pair", quoted([0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x82]), .invalidUTF8(offset: 1)),
        JSONRejectionCase("above U+10FFFF F4 90 80 80", quoted([0xF4, 0x90, 0x80, 0x80]), .invalidUTF8(offset: 1)),
        JSONRejectionCase("lead F5", quoted([0xF5, 0x80, 0x80, 0x80]), .invalidUTF8(offset: 1)),
        JSONRejectionCase("lead FF", quoted([0xFF]), .invalidUTF8(offset: 1)),
        JSONRejectionCase("lone continuation", quoted([0x61, 0x80]), .invalidUTF8(offset: 2)),
        JSONRejectionCase("truncated two-byte at quote", quoted([0xC3]), .invalidUTF8(offset: 1)),
        JSONRejectionCase("truncated three-byte at quote", quoted([0xE2, 0x82]), .invalidUTF8(offset: 1)),
        JSONRejectionCase("truncated four-byte at quote", quoted([0xF0, 0x9F, 0x98]), .invalidUTF8(offset: 1)),
        JSONRejectionCase("truncated at end of input", [0x22, 0xC3], .invalidUTF8(offset: 1)),
        JSONRejectionCase("bad third byte", quoted([0xE2, 0x82, 0x41]), .invalidUTF8(offset: 1)),
        JSONRejectionCase("bad byte after escape", Array(#""\t"#.utf8) + [0xC0, 0xAF, 0x22], .invalidUTF8(offset: 3)),
        JSONRejectionCase(
            "invalid UTF-8 in name", [0x7B, 0x22, 0xFE, 0x22, 0x3A, 0x31, 0x7D], .invalidUTF8(offset: 2)),
    ]

    @Test(arguments: surrogates + escapes + controls + utf8)
    func rejects(_ rejection: JSONRejectionCase) {
        #expect(throws: rejection.want) { try JSONValue(parsing: rejection.bytes) }
    }
}
