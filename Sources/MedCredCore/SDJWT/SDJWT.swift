/// An SD-JWT in compact serialization: `<issuer-signed JWT>~<disclosure>~…~[<KB-JWT>]`.
///
/// RFC 9901 §4 and §4.3 (https://www.rfc-editor.org/rfc/rfc9901#section-4). Parsing checks the shape and each
/// disclosure's syntax; signatures, digests and key binding are checked by ``SDJWTVerifier``.
public struct SDJWT: Hashable, Sendable {
    /// The issuer-signed JWT, as received.
    public let issuerJWT: String
    /// The disclosures, in the order presented.
    public let disclosures: [Disclosure]
    /// The key-binding JWT, when the SD-JWT is an SD-JWT+KB.
    public let keyBindingJWT: String?

    /// Assembles an SD-JWT from its parts.
    /// - Parameters:
    ///   - issuerJWT: the issuer-signed compact JWS.
    ///   - disclosures: the disclosures to present.
    ///   - keyBindingJWT: the KB-JWT, or `nil`.
    public init(issuerJWT: String, disclosures: [Disclosure], keyBindingJWT: String? = nil) {
        self.issuerJWT = issuerJWT
        self.disclosures = disclosures
        self.keyBindingJWT = keyBindingJWT
    }

    /// Parses the compact serialization (RFC 9901 §4, §7.1 step 1).
    ///
    /// The text must contain at least one `~`; the part after the last `~` is the KB-JWT when not empty.
    /// - Parameter text: the SD-JWT or SD-JWT+KB.
    /// - Throws: ``SDJWTError/notAnSDJWT`` without a `~` or with an empty issuer JWT,
    ///   ``SDJWTError/malformedDisclosure(position:_:)`` (an empty disclosure is malformed too).
    public init(parsing text: some StringProtocol) throws(SDJWTError) {
        let parts = text.split(separator: "~", omittingEmptySubsequences: false)
        guard parts.count >= 2, !parts[0].isEmpty else { throw .notAnSDJWT }
        var disclosures: [Disclosure] = []
        for (offset, part) in parts.dropFirst().dropLast().enumerated() {
            disclosures.append(try Disclosure(parsing: part, position: offset))
        }
        self.issuerJWT = String(parts[0])
        self.disclosures = disclosures
        let last = parts[parts.count - 1]
        self.keyBindingJWT = last.isEmpty ? nil : String(last)
    }

    /// The SD-JWT without its KB-JWT, ending in `~`: the input of `sd_hash` (RFC 9901 §4.3.1).
    public var withoutKeyBinding: String {
        ([issuerJWT] + disclosures.map(\.encoded)).joined(separator: "~") + "~"
    }

    /// The compact serialization.
    public var serialized: String {
        withoutKeyBinding + (keyBindingJWT ?? "")
    }

    /// The `sd_hash` a KB-JWT for this SD-JWT must carry: SHA-256 over ``withoutKeyBinding`` (RFC 9901 §4.3.1).
    public var sdHash: String {
        Disclosure.digest(of: withoutKeyBinding)
    }

    /// The issuer-signed JWT parsed (not verified).
    /// - Returns: the JWS.
    /// - Throws: ``SDJWTError/issuerJWT(_:)``.
    public func issuerJWS() throws(SDJWTError) -> CompactJWS {
        do { return try CompactJWS(parsing: issuerJWT) } catch { throw .issuerJWT(error) }
    }
}
