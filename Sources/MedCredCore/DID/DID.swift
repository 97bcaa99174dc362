/// A decentralized identifier: `did:<method-name>:<method-specific-id>` (W3C DID Core §3.1).
///
/// A value of this type has passed the strict ABNF of https://www.w3.org/TR/did-core/#did-syntax; it holds no
/// path, query or fragment (see ``DIDURL``). Comparison is exact: DID Core defines no normalization, so
/// `%4A` and `%4a` are different DIDs.
public struct DID: Hashable, Sendable, CustomStringConvertible {
    /// The method name, e.g. `key` in `did:key:z6Mk…` (`1*method-char`).
    public let method: String
    /// Everything after the second colon, e.g. `z6Mk…` (`*( *idchar ":" ) 1*idchar`).
    public let methodSpecificID: String

    /// Parses a DID (W3C DID Core §3.1, https://www.w3.org/TR/did-core/#did-syntax).
    /// - Parameter text: the whole DID; nothing may follow it (use ``DIDURL`` for paths, queries and fragments).
    /// - Throws: ``DIDParseError/empty``, ``DIDParseError/missingScheme``, ``DIDParseError/invalidScheme(_:)``,
    ///   ``DIDParseError/emptyMethodName``, ``DIDParseError/invalidMethodName(_:)``,
    ///   ``DIDParseError/missingMethodSpecificID``, ``DIDParseError/emptyMethodSpecificID``,
    ///   ``DIDParseError/trailingColon``, ``DIDParseError/invalidCharacter(_:offset:)`` or
    ///   ``DIDParseError/invalidPercentEncoding(offset:)``.
    public init(parsing text: some StringProtocol) throws(DIDParseError) {
        let bytes = Array(text.utf8)
        if bytes.allSatisfy({ $0 < 0x80 }), let (method, identifier) = DIDASCIIParser.parseDID(bytes[...]) {
            self.init(validMethod: method, methodSpecificID: identifier)
            return
        }
        try self.init(characters: Array(text))
    }

    /// A DID from parts the grammar was already checked on.
    init(validMethod method: String, methodSpecificID: String) {
        self.method = method
        self.methodSpecificID = methodSpecificID
    }

    /// Builds a DID from its two parts, checking each against the grammar (W3C DID Core §3.1).
    /// - Parameters:
    ///   - method: the method name, e.g. `key`.
    ///   - methodSpecificID: the method-specific identifier.
    /// - Throws: the ``DIDParseError`` cases of ``init(parsing:)``; offsets count from the `d` of `did:`.
    public init(method: String, methodSpecificID: String) throws(DIDParseError) {
        guard !method.contains(":") else { throw .invalidMethodName(method) }
        try self.init(parsing: "did:\(method):\(methodSpecificID)")
    }

    /// Parses the characters of a DID; `DIDURL` calls this with the part before any `/`, `?` or `#`.
    init(characters chars: [Character]) throws(DIDParseError) {
        guard !chars.isEmpty else { throw .empty }
        let prefix = String(chars.prefix(4))
        guard prefix.lowercased() == "did:" else { throw .missingScheme }
        guard prefix == "did:" else { throw .invalidScheme(String(chars.prefix(3))) }

        let methodStart = 4
        let methodEnd = chars[methodStart...].firstIndex(of: ":") ?? chars.count
        let method = String(chars[methodStart..<methodEnd])
        guard !method.isEmpty else { throw .emptyMethodName }
        guard method.allSatisfy(DIDSyntax.isMethodChar) else { throw .invalidMethodName(method) }
        guard methodEnd < chars.count else { throw .missingMethodSpecificID }

        let idStart = methodEnd + 1
        guard idStart < chars.count else { throw .emptyMethodSpecificID }
        let idEnd = try DIDSyntax.scan(chars, from: idStart) { $0 == ":" || DIDSyntax.isIDChar($0) }
        if idEnd < chars.count { throw .invalidCharacter(chars[idEnd], offset: idEnd) }
        guard chars[chars.count - 1] != ":" else { throw .trailingColon }

        self.method = method
        self.methodSpecificID = String(chars[idStart...])
    }

    /// The DID as text, `did:<method>:<method-specific-id>`.
    public var description: String { "did:\(method):\(methodSpecificID)" }

    /// The DID URL `<did>#<fragment>`, e.g. a verification method id (W3C DID Core §3.2.1).
    /// - Parameter fragment: the fragment, without `#`; RFC 3986 `fragment` characters only.
    /// - Returns: the DID URL.
    /// - Throws: ``DIDParseError/invalidCharacter(_:offset:)`` or ``DIDParseError/invalidPercentEncoding(offset:)``
    ///   with offsets in the whole DID URL.
    public func url(fragment: String) throws(DIDParseError) -> DIDURL {
        try DIDURL(did: self, fragment: fragment)
    }
}
