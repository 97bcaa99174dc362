/// Character classes and escapes of the N-Quads grammar (W3C RDF 1.1 N-Quads §5).
extension NQuadsParser {
    var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    mutating func skipSpaces() {
        while let scalar = peek, scalar == " " || scalar == "\t" { position += 1 }
    }

    mutating func skipComment() throws(NQuadsError) {
        guard peek == "#" else { return }
        while let scalar = peek, scalar != "\n", scalar != "\r" { position += 1 }
    }

    mutating func newLine() {
        line += 1
        lineStart = position
    }

    /// Reads the escape after a `\`: ECHAR (literals only) or UCHAR.
    mutating func parseEscape(allowECHAR: Bool) throws(NQuadsError) -> Unicode.Scalar {
        let column = position - lineStart
        guard let kind = peek else { throw .unexpectedEndOfLine(expected: "an escape", line: line) }
        position += 1
        if allowECHAR, let simple = Self.echar[kind] { return simple }
        guard kind == "u" || kind == "U" else {
            throw .invalidEscape("\\" + String(kind), line: line, column: column)
        }
        let digits = kind == "u" ? 4 : 8
        var value: UInt32 = 0
        var text = "\\" + String(kind)
        for _ in 0..<digits {
            guard let digit = peek,
                let nibble = digit.properties.isASCIIHexDigit ? UInt32(String(digit), radix: 16) : nil
            else { throw .invalidEscape(text, line: line, column: column) }
            text.unicodeScalars.append(digit)
            value = value << 4 | nibble
            position += 1
        }
        guard let scalar = Unicode.Scalar(value) else { throw .invalidEscape(text, line: line, column: column) }
        return scalar
    }

    private static let echar: [Unicode.Scalar: Unicode.Scalar] = [
        "t": "\t", "b": "\u{08}", "n": "\n", "r": "\r", "f": "\u{0C}", "\"": "\"", "'": "'", "\\": "\\",
    ]

    func unexpectedHere(expected: String) -> NQuadsError {
        guard let scalar = peek, scalar != "\n", scalar != "\r" else {
            return .unexpectedEndOfLine(expected: expected, line: line)
        }
        return unexpected(scalar, expected: expected)
    }

    func unexpected(_ scalar: Unicode.Scalar, at offset: Int? = nil, expected: String) -> NQuadsError {
        .unexpectedCharacter(
            Character(scalar), expected: expected, line: line, column: (offset ?? position) - lineStart + 1)
    }

    /// IRIREF excludes U+0000–U+0020 and `<>"{}|^`\` (RDF 1.1 N-Quads §5, production [10]).
    static func isForbiddenInIRI(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 && isForbiddenInIRI(byte: UInt8(scalar.value))
    }

    /// The same test on one UTF-8 code unit: every forbidden character is ASCII, so a byte of a multi-byte
    /// sequence (≥ 0x80) never is, and an IRI can be scanned as bytes.
    static func isForbiddenInIRI(byte: UInt8) -> Bool {
        switch byte {
        case 0...0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"),
            UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "\\"):
            true
        default: false
        }
    }

    static func hasScheme(_ iri: String) -> Bool {
        guard let colon = iri.unicodeScalars.firstIndex(of: ":") else { return false }
        let scheme = iri.unicodeScalars[..<colon]
        guard let first = scheme.first, first.isNQuadsLetter else { return false }
        return scheme.allSatisfy { $0.isNQuadsAlphanumeric || $0 == "+" || $0 == "-" || $0 == "." }
    }

    /// PN_CHARS_BASE plus `_` and `:` (production [164s] as N-Quads uses it).
    static func isPNCharsU(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isNQuadsLetter || scalar == "_" || scalar == ":" { return true }
        let value = scalar.value
        let ranges: [ClosedRange<UInt32>] = [
            0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF, 0x200C...0x200D,
            0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
            0x10000...0xEFFFF,
        ]
        return ranges.contains { $0.contains(value) }
    }

    static func isPNChars(_ scalar: Unicode.Scalar) -> Bool {
        if isPNCharsU(scalar) || scalar == "-" || ("0"..."9").contains(scalar) || scalar.value == 0xB7 { return true }
        return (0x300...0x36F).contains(scalar.value) || (0x203F...0x2040).contains(scalar.value)
    }
}

extension Unicode.Scalar {
    var isNQuadsLetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isNQuadsAlphanumeric: Bool { isNQuadsLetter || ("0"..."9").contains(self) }
}
