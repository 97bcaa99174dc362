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

    private struct Parts {
        var scheme: String?
        var authority: String?
        var path: String
        var query: String?
        var fragment: String?

        init(_ text: String) {
            var rest = Substring(text)
            if let hash = rest.firstIndex(of: "#") {
                fragment = String(rest[rest.index(after: hash)...])
                rest = rest[..<hash]
            }
            if let mark = rest.firstIndex(of: "?") {
                query = String(rest[rest.index(after: mark)...])
                rest = rest[..<mark]
            }
            if JSONLDIRI.isAbsolute(String(rest)), let colon = rest.firstIndex(of: ":") {
                scheme = String(rest[..<colon])
                rest = rest[rest.index(after: colon)...]
            }
            if rest.hasPrefix("//") {
                rest = rest.dropFirst(2)
                let end = rest.firstIndex(of: "/") ?? rest.endIndex
                authority = String(rest[..<end])
                rest = rest[end...]
            }
            path = String(rest)
        }

        var text: String {
            var out = ""
            if let scheme { out += scheme + ":" }
            if let authority { out += "//" + authority }
            out += path
            if let query { out += "?" + query }
            if let fragment { out += "#" + fragment }
            return out
        }
    }

    /// Resolves `reference` against `base` (RFC 3986 §5.2.2); with no base, returns the reference.
    static func resolve(_ reference: String, against base: String?) -> String {
        guard let base else { return reference }
        let r = Parts(reference)
        let b = Parts(base)
        var t = Parts("")
        if r.scheme != nil {
            t = r
            t.path = removeDotSegments(r.path)
            return t.text
        }
        t.scheme = b.scheme
        t.fragment = r.fragment
        if r.authority != nil {
            t.authority = r.authority
            t.path = removeDotSegments(r.path)
            t.query = r.query
            return t.text
        }
        t.authority = b.authority
        if r.path.isEmpty {
            t.path = b.path
            t.query = r.query ?? b.query
        } else {
            if r.path.hasPrefix("/") {
                t.path = removeDotSegments(r.path)
            } else {
                t.path = removeDotSegments(merge(base: b, path: r.path))
            }
            t.query = r.query
        }
        return t.text
    }

    private static func merge(base: Parts, path: String) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        guard let slash = base.path.lastIndex(of: "/") else { return path }
        return String(base.path[...slash]) + path
    }

    /// RFC 3986 §5.2.4.
    static func removeDotSegments(_ path: String) -> String {
        var input = Substring(path)
        var output: [Substring] = []
        while !input.isEmpty {
            if input.hasPrefix("../") {
                input = input.dropFirst(3)
            } else if input.hasPrefix("./") {
                input = input.dropFirst(2)
            } else if input.hasPrefix("/./") {
                input = input.dropFirst(2)
            } else if input == "/." {
                input = "/"
            } else if input.hasPrefix("/../") {
                input = input.dropFirst(3)
                if !output.isEmpty { output.removeLast() }
            } else if input == "/.." {
                input = "/"
                if !output.isEmpty { output.removeLast() }
            } else if input == "." || input == ".." {
                input = ""
            } else {
                let start = input.hasPrefix("/") ? input.index(after: input.startIndex) : input.startIndex
                let end = input[start...].firstIndex(of: "/") ?? input.endIndex
                output.append(input[..<end])
                input = input[end...]
            }
        }
        return output.joined()
    }

    /// Whether `text` has the form of a keyword, `@` followed by ASCII letters (JSON-LD 1.1 §9.2).
    static func isKeywordForm(_ text: String) -> Bool {
        guard text.hasPrefix("@"), text.count > 1 else { return false }
        return text.dropFirst().unicodeScalars.allSatisfy { isAlpha($0) }
    }
}
