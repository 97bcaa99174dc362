/// A DID URL: a ``DID`` followed by an optional path, query and fragment (W3C DID Core §3.2).
///
/// `did-url = did path-abempty [ "?" query ] [ "#" fragment ]`, with the path, query and fragment rules of
/// RFC 3986 §3.3–3.5 (https://www.w3.org/TR/did-core/#did-url-syntax). Components keep their percent-encoding
/// as written; comparison is exact.
public struct DIDURL: Hashable, Sendable, CustomStringConvertible {
    /// The DID the URL starts with.
    public let did: DID
    /// The `path-abempty`: empty, or `/` followed by segments.
    public let path: String
    /// The query without its `?`; `nil` when there is no `?`, `""` for a bare `?`.
    public let query: String?
    /// The fragment without its `#`; `nil` when there is no `#`, `""` for a bare `#`.
    public let fragment: String?

    /// Parses an absolute DID URL (W3C DID Core §3.2, https://www.w3.org/TR/did-core/#did-url-syntax).
    /// - Parameter text: e.g. `did:example:123/path?service=x#key-1`.
    /// - Throws: every ``DID/init(parsing:)`` case for the DID part, then
    ///   ``DIDParseError/invalidCharacter(_:offset:)`` or ``DIDParseError/invalidPercentEncoding(offset:)`` for
    ///   the path, query and fragment.
    public init(parsing text: some StringProtocol) throws(DIDParseError) {
        if let parts = DIDASCIIParser.parseURL(text) {
            self.init(
                validDID: DID(validMethod: parts.method, methodSpecificID: parts.methodSpecificID), path: parts.path,
                query: parts.query, fragment: parts.fragment)
            return
        }
        try self.init(characterParsing: text)
    }

    /// A DID URL from parts the grammar was already checked on.
    init(validDID did: DID, path: String, query: String?, fragment: String?) {
        self.did = did
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    /// The `Character` parser, which names the exact error; ``init(parsing:)`` takes it when the ASCII fast
    /// path does not accept the text.
    init(characterParsing text: some StringProtocol) throws(DIDParseError) {
        let chars = Array(text)
        let didEnd = chars.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? chars.count
        // A text such as `#key-1` is not empty, it lacks the scheme; relative ones go to init(parsing:relativeTo:).
        if didEnd == 0, !chars.isEmpty { throw .missingScheme }
        let did = try DID(characters: Array(chars[..<didEnd]))

        let pathEnd = try DIDSyntax.scan(chars, from: didEnd, allowing: DIDSyntax.isPathChar)
        var query: String?
        var cursor = pathEnd
        if cursor < chars.count, chars[cursor] == "?" {
            let end = try DIDSyntax.scan(chars, from: cursor + 1, allowing: DIDSyntax.isQueryOrFragmentChar)
            query = String(chars[(cursor + 1)..<end])
            cursor = end
        }
        var fragment: String?
        if cursor < chars.count, chars[cursor] == "#" {
            let end = try DIDSyntax.scan(chars, from: cursor + 1, allowing: DIDSyntax.isQueryOrFragmentChar)
            fragment = String(chars[(cursor + 1)..<end])
            cursor = end
        }
        if cursor < chars.count { throw .invalidCharacter(chars[cursor], offset: cursor) }

        self.did = did
        self.path = String(chars[didEnd..<pathEnd])
        self.query = query
        self.fragment = fragment
    }

    /// Parses a DID URL that may be relative to `base` (W3C DID Core §3.2.2, RFC 3986 §5.2).
    ///
    /// Absolute DID URLs parse as with ``init(parsing:)``. Of the relative references, this accepts the empty
    /// reference, `#fragment` and `?query[#fragment]`, which keep the DID. Path references are rejected:
    /// RFC 3986 resolves `/keys` against `did:example:123` to `did:/keys`, which is not a DID URL.
    /// - Parameters:
    ///   - text: an absolute DID URL or a relative reference, e.g. `#key-1`.
    ///   - base: the DID of the document the reference appears in (DID Core §5.1.1).
    /// - Throws: the cases of ``init(parsing:)``, and ``DIDParseError/unsupportedRelativeReference(_:)``.
    public init(parsing text: some StringProtocol, relativeTo base: DID) throws(DIDParseError) {
        let reference = String(text)
        guard let first = reference.first else {
            self.init(did: base, path: "", query: nil, fragment: nil, validated: ())
            return
        }
        guard first == "#" || first == "?" else {
            if DIDURL.hasScheme(reference) {
                try self.init(parsing: reference)
                return
            }
            throw .unsupportedRelativeReference(reference)
        }
        let resolved: DIDURL
        do {
            resolved = try DIDURL(parsing: base.description + reference)
        } catch {
            // Report offsets in `text`, which is what the caller holds.
            throw error.shifted(by: -base.description.count)
        }
        self.init(did: base, path: "", query: resolved.query, fragment: resolved.fragment, validated: ())
    }

    /// Builds a DID URL from parts, checking each against its grammar (W3C DID Core §3.2).
    /// - Parameters:
    ///   - did: the DID.
    ///   - path: empty, or starting with `/`.
    ///   - query: the query without `?`, or `nil`.
    ///   - fragment: the fragment without `#`, or `nil`.
    /// - Throws: ``DIDParseError/pathNotAbsolute(_:)``, ``DIDParseError/invalidCharacter(_:offset:)`` or
    ///   ``DIDParseError/invalidPercentEncoding(offset:)``, offsets counted in ``description``.
    public init(did: DID, path: String = "", query: String? = nil, fragment: String? = nil) throws(DIDParseError) {
        guard path.isEmpty || path.hasPrefix("/") else { throw .pathNotAbsolute(path) }
        var offset = did.description.count
        try DIDSyntax.validate(path, offset: offset, allowing: DIDSyntax.isPathChar)
        offset += path.count
        if let query {
            try DIDSyntax.validate(query, offset: offset + 1, allowing: DIDSyntax.isQueryOrFragmentChar)
            offset += 1 + query.count
        }
        if let fragment {
            try DIDSyntax.validate(fragment, offset: offset + 1, allowing: DIDSyntax.isQueryOrFragmentChar)
        }
        self.init(did: did, path: path, query: query, fragment: fragment, validated: ())
    }

    private init(did: DID, path: String, query: String?, fragment: String?, validated: Void) {
        self.did = did
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    /// The DID URL as text: `did` + path + `?query` + `#fragment`.
    public var description: String {
        var text = did.description + path
        if let query { text += "?" + query }
        if let fragment { text += "#" + fragment }
        return text
    }

    /// Whether this URL is the bare DID, with no path, query or fragment.
    public var isBareDID: Bool { path.isEmpty && query == nil && fragment == nil }

    /// This URL with its fragment replaced, e.g. to name a verification method (W3C DID Core §3.2.1).
    /// - Parameter fragment: the new fragment without `#`, or `nil` to drop it.
    /// - Returns: the new DID URL.
    /// - Throws: ``DIDParseError/invalidCharacter(_:offset:)`` or ``DIDParseError/invalidPercentEncoding(offset:)``.
    public func replacingFragment(with fragment: String?) throws(DIDParseError) -> DIDURL {
        try DIDURL(did: did, path: path, query: query, fragment: fragment)
    }

    /// RFC 3986 §3.1: `scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )` followed by `:`.
    private static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }
}
