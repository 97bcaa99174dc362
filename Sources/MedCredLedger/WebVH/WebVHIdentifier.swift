/// A parsed `did:webvh` DID: SCID, domain, optional port and deployment path (did:webvh v1.0
/// "Method-Specific Identifier" and "The DID to HTTPS Transformation",
/// https://identity.foundation/didwebvh/v1.0/#method-specific-identifier).
///
/// Parsing enforces the rules the audit's negative vectors test: percent-encoding decoded exactly once and
/// case-insensitively, no IP literal hosts (also when percent-encoded), a port only as a trailing `%3A<1-65535>`,
/// and no `.`/`..`/`/`/`\`/NUL/edge-whitespace path segments.
public struct WebVHIdentifier: Hashable, Sendable, CustomStringConvertible {
    /// The self-certifying identifier: 46 base58btc characters.
    public let scid: String
    /// The host name, percent-decoded and lower-cased.
    public let host: String
    /// The port, when the DID names one.
    public let port: Int?
    /// The decoded deployment path segments.
    public let pathSegments: [String]
    /// The DID exactly as given.
    public let description: String

    /// Parses a bare did:webvh DID (no path, query or fragment).
    /// - Parameter text: e.g. `did:webvh:QmT…:example.com%3A3000:dids:issuer`.
    /// - Throws: ``WebVHError/invalidIdentifier(_:reason:)`` naming the broken rule.
    public init(parsing text: String) throws(WebVHError) {
        func fail(_ problem: WebVHError.IdentifierProblem) -> WebVHError { .invalidIdentifier(text, reason: problem) }
        let prefix = "did:webvh:"
        guard text.hasPrefix(prefix) else { throw fail(.notWebVH) }
        let specific = text.dropFirst(prefix.count)
        if specific.contains(where: { "/?#".contains($0) }) { throw fail(.didURLComponent) }
        let parts = specific.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 else { throw fail(.notWebVH) }
        if parts[0] == "{SCID}" { throw fail(.placeholder) }
        guard parts[0].count == 46, parts[0].allSatisfy(Self.isBase58) else { throw fail(.invalidSCID) }
        scid = parts[0]
        (host, port) = try Self.domain(parts[1], fail: fail)
        pathSegments = try parts.dropFirst(2).map { (segment) throws(WebVHError) in
            try Self.pathSegment(segment, fail: fail)
        }
        description = text
    }

    /// The HTTPS URL of the DID's `did.jsonl` (did:webvh v1.0 "The DID to HTTPS Transformation").
    public var logURL: String { baseURL + (pathSegments.isEmpty ? "/.well-known/did.jsonl" : "/did.jsonl") }

    /// The HTTPS URL of the DID's `did-witness.json`.
    public var witnessURL: String {
        baseURL + (pathSegments.isEmpty ? "/.well-known/did-witness.json" : "/did-witness.json")
    }

    /// The endpoint of the implicit `#files` service: the log's folder without `.well-known`, ending in `/`.
    public var filesEndpoint: String { baseURL + "/" }

    private var baseURL: String {
        var url = "https://" + host
        if let port { url += ":\(port)" }
        for segment in pathSegments { url += "/" + Self.percentEncode(segment) }
        return url
    }

    private static func isBase58(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8.contains(ascii)
    }

    private static func domain(_ raw: String, fail: (WebVHError.IdentifierProblem) -> WebVHError) throws(WebVHError)
        -> (String, Int?)
    {
        // encoded-domain-label = 1*( ALPHA / DIGIT / "-" / pct-encoded ), labels joined by "."
        guard !raw.isEmpty,
            raw.unicodeScalars.allSatisfy({ $0.isASCII && (isAlphaNumeric($0) || "-.%".unicodeScalars.contains($0)) })
        else { throw fail(.invalidDomain) }
        guard let decoded = percentDecode(raw) else { throw fail(.invalidPercentEncoding) }
        var hostPart = decoded
        var port: Int?
        if let colon = decoded.firstIndex(of: ":") {
            hostPart = String(decoded[..<colon])
            let digits = decoded[decoded.index(after: colon)...]
            guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy(\.isASCIIDigit), let value = Int(digits),
                (1...65535).contains(value)
            else { throw fail(.invalidPort) }
            port = value
        }
        let host = hostPart.lowercased()
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, host.utf8.count <= 253 else { throw fail(.invalidDomain) }
        for label in labels {
            guard !label.isEmpty, label.utf8.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-"),
                label.unicodeScalars.allSatisfy({ isAlphaNumeric($0) || $0 == "-" })
            else { throw fail(.invalidDomain) }
        }
        // A WHATWG URL parser reads a host whose last label is numeric (or 0x-hex) as IPv4.
        if let last = labels.last, last.allSatisfy(\.isASCIIDigit) || last.hasPrefix("0x") {
            throw fail(.ipAddress)
        }
        return (host, port)
    }

    private static func pathSegment(_ raw: String, fail: (WebVHError.IdentifierProblem) -> WebVHError)
        throws(WebVHError) -> String
    {
        guard !raw.isEmpty,
            raw.unicodeScalars.allSatisfy({ $0.isASCII && (isAlphaNumeric($0) || ".-_%".unicodeScalars.contains($0)) })
        else { throw fail(.invalidPathSegment) }
        guard let decoded = percentDecode(raw) else { throw fail(.invalidPercentEncoding) }
        guard decoded != ".", decoded != "..", !decoded.contains(where: { "/\\\u{0}".contains($0) }),
            decoded.first?.isWhitespace == false, decoded.last?.isWhitespace == false
        else { throw fail(.invalidPathSegment) }
        return decoded
    }

    private static func isAlphaNumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// Decodes `%XX` sequences once; `nil` for a broken escape or bytes that are not UTF-8.
    static func percentDecode(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// RFC 3986 percent-encoding of everything but unreserved characters, with upper-case hex digits.
    static func percentEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, isAlphaNumeric(scalar) || "-._~".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { asciiValue.map { (48...57).contains($0) } ?? false }
}
