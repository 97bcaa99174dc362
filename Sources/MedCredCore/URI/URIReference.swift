/// A URI reference split into its five components, and resolved against a base URI.
///
/// RFC 3986 §3 (components) and §5.2 (reference resolution):
/// <https://www.rfc-editor.org/rfc/rfc3986#section-5.2>. JSON Schema 2020-12 §8.2 resolves `$id`, `$ref`
/// and `$dynamicRef` this way (<https://json-schema.org/draft/2020-12/json-schema-core#section-8.2>), and JSON-LD
/// resolves relative IRIs (``JSONLDIRI/resolve(_:against:)``). Splitting never fails; ``SchemaURIGrammar``
/// checks the strict grammar where a keyword needs it.
struct URIReference: Hashable, Sendable {
    /// What counts as a scheme when splitting.
    enum SchemeRule {
        /// RFC 3986 Appendix B: any non-empty run of characters other than `:/?#` before the first `:`.
        case appendixB
        /// Only a valid scheme (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`, §3.1), as JSON-LD requires: with
        /// anything else before the colon the reference is relative, like `a:b` in a compact IRI would not be.
        case valid
    }

    var scheme: String?
    var authority: String?
    var path: String
    var query: String?
    var fragment: String?

    /// Splits `text` the way RFC 3986 Appendix B does: `^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?`,
    /// with `schemes` deciding what may stand before the colon.
    init(splitting text: String, schemes: SchemeRule = .appendixB) {
        var rest = Substring(text)
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        if let colon = rest.firstIndex(of: ":"), colon != rest.startIndex,
            !rest[..<colon].contains(where: { $0 == "/" }),
            schemes == .appendixB || JSONLDIRI.isAbsolute(String(rest))
        {
            scheme = String(rest[..<colon])
            rest = rest[rest.index(after: colon)...]
        }
        if rest.hasPrefix("//") {
            let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
            let end = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
            authority = String(rest[afterSlashes..<end])
            rest = rest[end...]
        }
        path = String(rest)
    }

    private init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    /// Whether the reference has a scheme (RFC 3986 §4.3).
    var isAbsolute: Bool { scheme != nil }

    /// The same reference with no fragment (RFC 3986 §4.3), which names a schema resource.
    var withoutFragment: URIReference {
        URIReference(scheme: scheme, authority: authority, path: path, query: query, fragment: nil)
    }

    /// The reference recomposed as text (RFC 3986 §5.3).
    var text: String {
        var result = ""
        if let scheme { result += scheme + ":" }
        if let authority { result += "//" + authority }
        result += path
        if let query { result += "?" + query }
        if let fragment { result += "#" + fragment }
        return result
    }

    /// This reference resolved against `base` (RFC 3986 §5.2.2, strict mode).
    ///
    /// With no base, a reference stays as it is apart from removing dot segments: a schema without an
    /// `$id` has no absolute base, and its `#…` references are still meaningful within it.
    /// - Parameter base: The base URI, normally absolute.
    /// - Returns: The target URI.
    func resolved(against base: URIReference?) -> URIReference {
        guard let base else {
            var copy = self
            copy.path = Self.removingDotSegments(path)
            return copy
        }
        if scheme != nil {
            return URIReference(
                scheme: scheme, authority: authority, path: Self.removingDotSegments(path), query: query,
                fragment: fragment)
        }
        if authority != nil {
            return URIReference(
                scheme: base.scheme, authority: authority, path: Self.removingDotSegments(path), query: query,
                fragment: fragment)
        }
        if path.isEmpty {
            return URIReference(
                scheme: base.scheme, authority: base.authority, path: base.path, query: query ?? base.query,
                fragment: fragment)
        }
        let merged = path.hasPrefix("/") ? path : Self.merge(base: base, path: path)
        return URIReference(
            scheme: base.scheme, authority: base.authority, path: Self.removingDotSegments(merged), query: query,
            fragment: fragment)
    }

    /// RFC 3986 §5.2.3: merges a relative path with the base's path.
    private static func merge(base: URIReference, path: String) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        guard let slash = base.path.lastIndex(of: "/") else { return path }
        return String(base.path[...slash]) + path
    }

    /// RFC 3986 §5.2.4: removes `.` and `..` segments from a path.
    static func removingDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
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
            } else if input.hasPrefix("/../") || input == "/.." {
                input = input == "/.." ? "/" : input.dropFirst(3)
                if !output.isEmpty { output.removeLast() }
            } else if input == "." || input == ".." {
                input = ""
            } else {
                let searchStart = input.hasPrefix("/") ? input.index(after: input.startIndex) : input.startIndex
                let end = input[searchStart...].firstIndex(of: "/") ?? input.endIndex
                output.append(input[..<end])
                input = input[end...]
            }
        }
        return output.joined()
    }
}
