import Foundation
import MedCredCore

/// Why a DID is not a resolvable did:web.
public enum DIDWebError: Error, Equatable, Sendable {
    /// The method is not `web`.
    case notDIDWeb(method: String)
    /// A `:`-separated part of the method-specific id is empty (`did:web:example.com::user`).
    case emptySegment(index: Int)
    /// The host is not a DNS name or IPv4 address.
    case invalidHost(String)
    /// The port after `%3A` is not a number from 1 to 65535.
    case invalidPort(String)
    /// A path segment is `.`/`..` or percent-encodes a `/`, which would change the URL's path.
    case invalidPathSegment(String)

    /// The nearest DID syntax error, for ``DIDResolutionError/invalidDID(_:)``.
    var parseError: DIDParseError {
        switch self {
        case .notDIDWeb(let method): .invalidMethodName(method)
        case .emptySegment: .trailingColon
        case .invalidHost(let host): .invalidCharacter(host.first ?? ":", offset: 8)
        case .invalidPort(let port): .invalidCharacter(port.first ?? "%", offset: 8)
        case .invalidPathSegment(let segment): .invalidCharacter(segment.first ?? "%", offset: 8)
        }
    }
}

/// The did:web DID → URL transformation (did:web Method Specification §3.2 "Read", steps 1–4).
enum DIDWebURL {
    /// `did:web:example.com` → `https://example.com/.well-known/did.json`;
    /// `did:web:example.com:user:alice` → `https://example.com/user/alice/did.json`;
    /// `did:web:example.com%3A8443` → `https://example.com:8443/.well-known/did.json`.
    static func documentURL(for did: DID) throws(DIDWebError) -> String {
        guard did.method == "web" else { throw .notDIDWeb(method: did.method) }
        let segments = did.methodSpecificID.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if let empty = segments.firstIndex(where: \.isEmpty) { throw .emptySegment(index: empty) }
        let authority = try authority(segments[0])
        let path = Array(segments.dropFirst())
        for segment in path where segment == "." || segment == ".." || segment.lowercased().contains("%2f") {
            throw .invalidPathSegment(segment)
        }
        let base = path.isEmpty ? "/.well-known" : "/" + path.joined(separator: "/")
        return "https://" + authority + base + "/did.json"
    }

    /// The host, lower-cased, and the port when `%3A` (the only percent-encoding a did:web host may hold) is
    /// present.
    private static func authority(_ text: String) throws(DIDWebError) -> String {
        var host = text
        var port: String?
        if let range = text.range(of: "%3A", options: .caseInsensitive) {
            host = String(text[..<range.lowerBound])
            port = String(text[range.upperBound...])
        }
        host = host.lowercased()
        guard isHostName(host) else { throw .invalidHost(host) }
        guard let port else { return host }
        guard !port.isEmpty, port.count <= 5, port.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let number = Int(port), (1...65535).contains(number)
        else { throw .invalidPort(port) }
        return host + ":" + port
    }

    /// RFC 1123 labels: 1–63 letters, digits or hyphens, not starting or ending with a hyphen; 253 at most.
    private static func isHostName(_ host: String) -> Bool {
        guard !host.isEmpty, host.utf8.count <= 253 else { return false }
        return host.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            let bytes = Array(label.utf8)
            guard (1...63).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-")
            else { return false }
            return bytes.allSatisfy { byte in
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= 0x30 && byte <= 0x39)
                    || byte == UInt8(ascii: "-")
            }
        }
    }
}
