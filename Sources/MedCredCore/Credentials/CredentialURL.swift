/// Checks that a string is an absolute URL, for VC Data Model 2.0 §4.4 Identifiers,
/// <https://www.w3.org/TR/vc-data-model-2.0/#identifiers> ("the value of the id property MUST be a single
/// URL").
///
/// The grammar is RFC 3986 §3 `URI` (<https://www.rfc-editor.org/rfc/rfc3986#section-3>): a scheme, `:`,
/// a hierarchical part, an optional query and fragment, with `%` followed by two hex digits. Non-ASCII
/// characters from U+00A0 up are allowed where RFC 3987 allows `ucschar` (IRIs, as JSON-LD uses). The
/// WHATWG special schemes (`http`, `https`, `ws`, `wss`, `ftp`, `file`) must have `//` and, except `file`,
/// a non-empty host. `did:` URLs must also parse as DID URLs (DID Core §3.2), and `data:` URLs need the
/// `,` that separates media type and data (RFC 2397).
enum CredentialURL {
    /// Whether `text` is an absolute URL as described above.
    static func isAbsoluteURL(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let colon = scalars.firstIndex(of: ":"), isScheme(scalars[..<colon]) else { return false }
        let scheme = String(String.UnicodeScalarView(scalars[..<colon])).lowercased()
        let rest = scalars[(colon + 1)...]
        guard isHierarchicalPart(rest, scheme: scheme) else { return false }
        switch scheme {
        case "did": return isPlainDIDURL(text) || (try? DIDURL(parsing: text)) != nil
        case "data": return rest.contains(",")
        default: return true
        }
    }

    /// Whether `text` is a JSON-LD blank node identifier (`_:` followed by at least one character).
    static func isBlankNode(_ text: String) -> Bool {
        text.hasPrefix("_:") && text.count > 2
    }

    /// Whether `text` is an ASCII DID URL without percent-encoding (DID Core §3.2,
    /// <https://www.w3.org/TR/did-core/#did-url-syntax>), checked byte by byte: the common form, which
    /// ``DIDURL/init(parsing:)`` accepts too. `false` only means that parser must decide.
    private static func isPlainDIDURL(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.starts(with: "did:".utf8) else { return false }
        var index = bytes.index(bytes.startIndex, offsetBy: 4)
        let methodStart = index
        while index < bytes.endIndex, isLowercaseAlphanumeric(bytes[index]) { bytes.formIndex(after: &index) }
        guard index > methodStart, index < bytes.endIndex, bytes[index] == UInt8(ascii: ":") else { return false }
        bytes.formIndex(after: &index)
        let idStart = index
        var last = UInt8(ascii: ":")
        while index < bytes.endIndex, !"/?#".utf8.contains(bytes[index]) {
            // idchar = ALPHA / DIGIT / "." / "-" / "_", with ":" between segments (DID Core §3.1).
            guard isAlphanumeric(bytes[index]) || "._-:".utf8.contains(bytes[index]) else { return false }
            last = bytes[index]
            bytes.formIndex(after: &index)
        }
        guard index > idStart, last != UInt8(ascii: ":") else { return false }
        // path-abempty, then "?" query, then "#" fragment (RFC 3986 §3.3–3.5).
        var component = 0  // 0 path, 1 query, 2 fragment
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "?") && component == 0 {
                component = 1
            } else if byte == UInt8(ascii: "#") && component < 2 {
                component = 2
            } else if !(isAlphanumeric(byte) || "-._~!$&'()*+,;=:@/".utf8.contains(byte)
                || (byte == UInt8(ascii: "?") && component > 0))
            {
                return false
            }
            bytes.formIndex(after: &index)
        }
        return true
    }

    private static func isLowercaseAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLowercaseAlphanumeric(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static let specialSchemes: Set<String> = ["http", "https", "ws", "wss", "ftp", "file"]

    private static func isScheme(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = scalars.first, isAlpha(first) else { return false }
        return scalars.allSatisfy { isAlpha($0) || isDigit($0) || "+-.".unicodeScalars.contains($0) }
    }

    private static func isHierarchicalPart(_ rest: ArraySlice<Unicode.Scalar>, scheme: String) -> Bool {
        let fragmentStart = rest.firstIndex(of: "#") ?? rest.endIndex
        let beforeFragment = rest[..<fragmentStart]
        if fragmentStart < rest.endIndex {
            guard isComponent(rest[(fragmentStart + 1)...], allowing: "/?") else { return false }
        }
        let queryStart = beforeFragment.firstIndex(of: "?") ?? beforeFragment.endIndex
        if queryStart < beforeFragment.endIndex {
            guard isComponent(beforeFragment[(queryStart + 1)...], allowing: "/?") else { return false }
        }
        var path = beforeFragment[..<queryStart]
        let hasAuthority = path.starts(with: ["/", "/"])
        if hasAuthority {
            let authorityStart = path.startIndex + 2
            let authorityEnd = path[authorityStart...].firstIndex(of: "/") ?? path.endIndex
            let needsHost = scheme != "file"
            guard isAuthority(path[authorityStart..<authorityEnd], needsHost: needsHost) else { return false }
            path = path[authorityEnd...]
        } else if specialSchemes.contains(scheme) {
            return false
        }
        return isComponent(path, allowing: "/")
    }

    private static func isAuthority(_ authority: ArraySlice<Unicode.Scalar>, needsHost: Bool) -> Bool {
        var hostAndPort = authority
        if let at = authority.lastIndex(of: "@") {
            guard isComponent(authority[..<at], allowing: ":", excluding: "@") else { return false }
            hostAndPort = authority[(at + 1)...]
        }
        if hostAndPort.first == "[" {
            guard let close = hostAndPort.firstIndex(of: "]") else { return false }
            let literal = hostAndPort[(hostAndPort.startIndex + 1)..<close]
            guard isIPLiteral(literal) else { return false }
            let afterHost = hostAndPort[(close + 1)...]
            return afterHost.isEmpty || isPort(afterHost)
        }
        var host = hostAndPort
        if let colon = hostAndPort.lastIndex(of: ":") {
            guard isPort(hostAndPort[colon...]) else { return false }
            host = hostAndPort[..<colon]
        }
        if needsHost && host.isEmpty { return false }
        return isComponent(host, allowing: "", excluding: ":@")
    }

    /// RFC 3986 §3.2.2 `IPv6address / IPvFuture` inside brackets, in outline: hex digits, `:` and `.`, or
    /// `v` HEXDIG+ `.` followed by unreserved, sub-delims or `:`.
    private static func isIPLiteral(_ literal: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = literal.first else { return false }
        guard first == "v" || first == "V" else {
            return literal.contains(":") && literal.allSatisfy { isHexDigit($0) || $0 == ":" || $0 == "." }
        }
        let rest = literal.dropFirst()
        guard let dot = rest.firstIndex(of: "."), dot > rest.startIndex, rest[..<dot].allSatisfy(isHexDigit),
            dot + 1 < rest.endIndex
        else { return false }
        return rest[(dot + 1)...].allSatisfy {
            isAlpha($0) || isDigit($0) || "-._~!$&'()*+,;=:".unicodeScalars.contains($0)
        }
    }

    private static func isPort(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        text.first == ":" && text.dropFirst().allSatisfy(isDigit)
    }

    /// RFC 3986 `pchar` plus `extra`, minus `excluded`, with valid percent-encodings.
    private static func isComponent(
        _ scalars: ArraySlice<Unicode.Scalar>, allowing extra: String, excluding excluded: String = ""
    ) -> Bool {
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "%" {
                guard index + 2 < scalars.endIndex, isHexDigit(scalars[index + 1]), isHexDigit(scalars[index + 2])
                else { return false }
                index += 3
                continue
            }
            if excluded.unicodeScalars.contains(scalar) { return false }
            guard isPathCharacter(scalar) || extra.unicodeScalars.contains(scalar) else { return false }
            index += 1
        }
        return true
    }

    /// RFC 3986 `unreserved / sub-delims / ":" / "@"`, or an RFC 3987 `ucschar`.
    private static func isPathCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if isAlpha(scalar) || isDigit(scalar) { return true }
        if "-._~!$&'()*+,;=:@".unicodeScalars.contains(scalar) { return true }
        return isUCSChar(scalar)
    }

    /// RFC 3987 §2.2 `ucschar` (and `iprivate` in queries, which this treats alike).
    private static func isUCSChar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value >= 0xA0 else { return false }
        if (0xFDD0...0xFDEF).contains(value) { return false }
        if value & 0xFFFE == 0xFFFE { return false }  // U+xFFFE and U+xFFFF noncharacters
        return !(0xD800...0xDFFF).contains(value)
    }

    private static func isAlpha(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isHexDigit(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
    }
}
