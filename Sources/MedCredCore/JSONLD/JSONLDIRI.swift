/// IRI helpers for JSON-LD: absolute-IRI tests and RFC 3986 §5.2 reference resolution
/// (https://www.rfc-editor.org/rfc/rfc3986#section-5.2).
enum JSONLDIRI {
    /// Whether `text` starts with a scheme followed by `:` (RFC 3986 §3.1).
    static func isAbsolute(_ text: String) -> Bool {
        // RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ":"; all ASCII, so bytes.
        var isFirst = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: ":"): return !isFirst
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): break
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if isFirst { return false }
            default: return false
            }
            isFirst = false
        }
        return false
    }

    /// Whether `text` has the form of an IRI a JSON-LD processor treats as one: absolute, or a blank node.
    static func isAbsoluteOrBlank(_ text: String) -> Bool { isAbsolute(text) || text.hasPrefix("_:") }

    private static func isAlpha(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// Resolves `reference` against `base` (RFC 3986 §5.2.2, with JSON-LD's rule that only a valid scheme makes
    /// an IRI absolute); with no base, returns the reference unchanged.
    static func resolve(_ reference: String, against base: String?) -> String {
        guard let base else { return reference }
        return URIReference(splitting: reference, schemes: .valid)
            .resolved(against: URIReference(splitting: base, schemes: .valid)).text
    }

    /// Whether `text` has the form of a keyword, `@` followed by ASCII letters (JSON-LD 1.1 §9.2).
    static func isKeywordForm(_ text: String) -> Bool {
        guard text.hasPrefix("@"), text.count > 1 else { return false }
        return text.dropFirst().unicodeScalars.allSatisfy { isAlpha($0) }
    }
}
