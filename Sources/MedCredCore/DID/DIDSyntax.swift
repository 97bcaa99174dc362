/// The character classes and scanners of the DID and DID URL grammars (W3C DID Core §3.1, §3.2; RFC 3986 §3).
///
/// Works on `Character`s so that an error offset points at what a person sees; any non-ASCII character (a
/// letter with a combining mark included) is outside every class.
enum DIDSyntax {
    /// `method-char = %x61-7A / DIGIT`.
    static func isMethodChar(_ c: Character) -> Bool {
        guard let a = c.asciiValue else { return false }
        return (0x61...0x7A).contains(a) || (0x30...0x39).contains(a)
    }

    /// `idchar = ALPHA / DIGIT / "." / "-" / "_"` (pct-encoded is scanned separately).
    static func isIDChar(_ c: Character) -> Bool {
        guard let a = c.asciiValue else { return false }
        return isAlphaNumeric(a) || a == 0x2E || a == 0x2D || a == 0x5F
    }

    /// RFC 3986 `pchar` without pct-encoded: `unreserved / sub-delims / ":" / "@"`.
    static func isPChar(_ c: Character) -> Bool {
        guard let a = c.asciiValue else { return false }
        if isAlphaNumeric(a) { return true }
        // unreserved "-" "." "_" "~", sub-delims "!$&'()*+,;=", ":" and "@".
        return "-._~!$&'()*+,;=:@".utf8.contains(a)
    }

    /// `path-abempty` characters: `pchar / "/"`.
    static func isPathChar(_ c: Character) -> Bool { c == "/" || isPChar(c) }

    /// `query` and `fragment` characters: `pchar / "/" / "?"`.
    static func isQueryOrFragmentChar(_ c: Character) -> Bool { c == "/" || c == "?" || isPChar(c) }

    /// `HEXDIG`, either case (RFC 5234 strings are case-insensitive).
    static func isHexDigit(_ c: Character) -> Bool { c.isHexDigit && c.isASCII }

    private static func isAlphaNumeric(_ a: UInt8) -> Bool {
        (0x41...0x5A).contains(a) || (0x61...0x7A).contains(a) || (0x30...0x39).contains(a)
    }

    /// Scans `chars[start...]` while characters are allowed or `%HEXDIG HEXDIG`.
    /// - Returns: the index of the first character that is neither (or `chars.count`).
    /// - Throws: ``DIDParseError/invalidPercentEncoding(offset:)`` for a malformed `%` escape.
    static func scan(
        _ chars: [Character], from start: Int, offset base: Int = 0, allowing isAllowed: (Character) -> Bool
    ) throws(DIDParseError) -> Int {
        var index = start
        while index < chars.count {
            let c = chars[index]
            if c == "%" {
                guard index + 2 < chars.count, isHexDigit(chars[index + 1]), isHexDigit(chars[index + 2])
                else { throw .invalidPercentEncoding(offset: base + index) }
                index += 3
            } else if isAllowed(c) {
                index += 1
            } else {
                return index
            }
        }
        return index
    }

    /// Checks that a whole component (path, query or fragment) matches its grammar.
    /// - Parameters:
    ///   - component: the component text, without its leading `?` or `#`.
    ///   - base: the component's offset inside the full DID URL, for error offsets.
    /// - Throws: ``DIDParseError/invalidCharacter(_:offset:)`` or ``DIDParseError/invalidPercentEncoding(offset:)``.
    static func validate(
        _ component: String, offset base: Int, allowing isAllowed: (Character) -> Bool
    ) throws(DIDParseError) {
        let chars = Array(component)
        let end = try scan(chars, from: 0, offset: base, allowing: isAllowed)
        if end < chars.count { throw .invalidCharacter(chars[end], offset: base + end) }
    }
}
