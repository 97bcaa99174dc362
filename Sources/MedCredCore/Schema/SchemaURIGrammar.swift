/// The strict RFC 3986 grammar of a URI (not a relative reference), for the `uri` format.
///
/// RFC 3986 §3 and Appendix A: <https://www.rfc-editor.org/rfc/rfc3986#appendix-A>; JSON Schema Validation
/// 2020-12 §7.3.5: <https://json-schema.org/draft/2020-12/json-schema-validation#section-7.3.5>.
/// `URI = scheme ":" hier-part [ "?" query ] [ "#" fragment ]`; only ASCII is allowed (an IRI is a
/// different format).
enum SchemaURIGrammar {
    /// Whether `text` is an absolute URI per RFC 3986 §3.
    static func isURI(_ text: String) -> Bool {
        guard text.unicodeScalars.allSatisfy({ $0.isASCII }) else { return false }
        let parts = URIReference(splitting: text)
        guard let scheme = parts.scheme, isScheme(scheme) else { return false }
        if let query = parts.query, !isQueryOrFragment(query) { return false }
        if let fragment = parts.fragment, !isQueryOrFragment(fragment) { return false }
        if let authority = parts.authority {
            guard isAuthority(authority) else { return false }
            // path-abempty: empty or starting with "/".
            return parts.path.isEmpty || (parts.path.hasPrefix("/") && isPath(parts.path))
        }
        // path-absolute, path-rootless or path-empty; "//" here would have been an authority.
        return isPath(parts.path)
    }

    /// `scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )` (RFC 3986 §3.1).
    static func isScheme(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, isAlpha(first) else { return false }
        return scalars.dropFirst().allSatisfy { isAlpha($0) || isDigit($0) || "+-.".unicodeScalars.contains($0) }
    }

    /// `authority = [ userinfo "@" ] host [ ":" port ]` (RFC 3986 §3.2).
    private static func isAuthority(_ text: String) -> Bool {
        var rest = Substring(text)
        if let at = rest.lastIndex(of: "@") {
            guard isEncodedRun(rest[..<at], extra: ":") else { return false }
            rest = rest[rest.index(after: at)...]
        }
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return false }
            let literal = rest[rest.index(after: rest.startIndex)..<close]
            guard isIPv6(literal) || isIPvFuture(literal) else { return false }
            rest = rest[rest.index(after: close)...]
            return rest.isEmpty || (rest.hasPrefix(":") && isPort(rest.dropFirst()))
        }
        if let colon = rest.lastIndex(of: ":") {
            guard isPort(rest[rest.index(after: colon)...]) else { return false }
            rest = rest[..<colon]
        }
        // reg-name also covers IPv4address (RFC 3986 §3.2.2: "http://999.999.999.999/" is a reg-name).
        return isEncodedRun(rest, extra: "")
    }

    private static func isPort(_ text: Substring) -> Bool {
        text.unicodeScalars.allSatisfy(isDigit)
    }

    /// `path` segments of `pchar` separated by "/" (RFC 3986 §3.3).
    private static func isPath(_ text: String) -> Bool {
        isEncodedRun(Substring(text), extra: ":@/")
    }

    /// `query` and `fragment`: `*( pchar / "/" / "?" )` (RFC 3986 §3.4, §3.5).
    private static func isQueryOrFragment(_ text: String) -> Bool {
        isEncodedRun(Substring(text), extra: ":@/?")
    }

    /// A run of unreserved, sub-delims, percent-encoded octets and the given extra characters.
    private static func isEncodedRun(_ text: Substring, extra: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var position = 0
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "%" {
                guard position + 2 < scalars.count, isHexDigit(scalars[position + 1]), isHexDigit(scalars[position + 2])
                else { return false }
                position += 3
                continue
            }
            guard isUnreserved(scalar) || isSubDelim(scalar) || extra.unicodeScalars.contains(scalar) else {
                return false
            }
            position += 1
        }
        return true
    }

    /// `IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )` (RFC 3986 §3.2.2).
    private static func isIPvFuture(_ text: Substring) -> Bool {
        guard text.first == "v" || text.first == "V", let dot = text.firstIndex(of: ".") else { return false }
        let version = text[text.index(after: text.startIndex)..<dot]
        let rest = text[text.index(after: dot)...]
        return !version.isEmpty && version.unicodeScalars.allSatisfy(isHexDigit) && !rest.isEmpty
            && rest.unicodeScalars.allSatisfy { isUnreserved($0) || isSubDelim($0) || $0 == ":" }
    }

    /// `IPv6address` (RFC 3986 §3.2.2): up to eight 16-bit pieces, one `::`, an optional trailing IPv4.
    static func isIPv6(_ text: Substring) -> Bool {
        let halves = text.splitOnDoubleColon()
        guard halves.count <= 2 else { return false }
        var pieces = 0
        for (offset, half) in halves.enumerated() where !half.isEmpty {
            let groups = half.split(separator: ":", omittingEmptySubsequences: false)
            for (position, group) in groups.enumerated() {
                let isLastOverall = offset == halves.count - 1 && position == groups.count - 1
                if isLastOverall && group.contains(".") {
                    guard isIPv4(group) else { return false }
                    pieces += 2
                } else {
                    guard (1...4).contains(group.count), group.unicodeScalars.allSatisfy(isHexDigit) else {
                        return false
                    }
                    pieces += 1
                }
            }
        }
        return halves.count == 2 ? pieces <= 7 : pieces == 8
    }

    /// `IPv4address = dec-octet "." dec-octet "." dec-octet "." dec-octet`, no leading zeros (RFC 3986 §3.2.2).
    static func isIPv4(_ text: Substring) -> Bool {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4
            && octets.allSatisfy { octet in
                guard (1...3).contains(octet.count), octet.unicodeScalars.allSatisfy(isDigit),
                    octet.count == 1 || octet.first != "0", let value = Int(octet)
                else { return false }
                return value <= 255
            }
    }

    private static func isAlpha(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isHexDigit(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
    }

    private static func isUnreserved(_ scalar: Unicode.Scalar) -> Bool {
        isAlpha(scalar) || isDigit(scalar) || "-._~".unicodeScalars.contains(scalar)
    }

    private static func isSubDelim(_ scalar: Unicode.Scalar) -> Bool {
        "!$&'()*+,;=".unicodeScalars.contains(scalar)
    }
}

extension Substring {
    /// Splits an IPv6 literal at each "::".
    fileprivate func splitOnDoubleColon() -> [Substring] {
        let separator = "::"
        var parts: [Substring] = []
        var rest = self[...]
        while let range = rest.firstRange(of: separator) {
            parts.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        parts.append(rest)
        return parts
    }
}
