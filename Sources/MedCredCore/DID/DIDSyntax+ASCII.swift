/// The DID and DID URL grammar over ASCII bytes: the fast path of parsing.
///
/// Verifying one credential parses a dozen DIDs and DID URLs (issuer, verification methods, controllers,
/// subjects); splitting text into `Character`s for that cost more than the signature check. Valid DIDs are
/// ASCII, so they are accepted here byte by byte; anything this path does not accept goes through the
/// `Character` parser, which names the exact error and its offset.
enum DIDASCIIParser {
    /// The parts of a valid DID URL, or `nil` when the text is not ASCII or not valid.
    static func parseURL(_ text: some StringProtocol)
        -> (method: String, methodSpecificID: String, path: String, query: String?, fragment: String?)?
    {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let didEnd = bytes.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }
            ?? bytes.count
        guard let (method, identifier) = parseDID(bytes[..<didEnd]) else { return nil }
        guard let pathEnd = scan(bytes, from: didEnd, allowing: isPathByte) else { return nil }
        var cursor = pathEnd
        var query: String?
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "?") {
            guard let end = scan(bytes, from: cursor + 1, allowing: isQueryOrFragmentByte) else { return nil }
            query = String(decoding: bytes[(cursor + 1)..<end], as: UTF8.self)
            cursor = end
        }
        var fragment: String?
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "#") {
            guard let end = scan(bytes, from: cursor + 1, allowing: isQueryOrFragmentByte) else { return nil }
            fragment = String(decoding: bytes[(cursor + 1)..<end], as: UTF8.self)
            cursor = end
        }
        guard cursor == bytes.count else { return nil }
        return (method, identifier, String(decoding: bytes[didEnd..<pathEnd], as: UTF8.self), query, fragment)
    }

    /// The method and method-specific id of a valid DID, or `nil`.
    static func parseDID(_ bytes: ArraySlice<UInt8>) -> (String, String)? {
        let start = bytes.startIndex
        guard bytes.count > 4, Array(bytes[start..<(start + 4)]) == Array("did:".utf8) else { return nil }
        var index = start + 4
        while index < bytes.endIndex, isMethodByte(bytes[index]) { index += 1 }
        guard index > start + 4, index < bytes.endIndex, bytes[index] == UInt8(ascii: ":") else { return nil }
        let methodEnd = index
        let idStart = index + 1
        guard idStart < bytes.endIndex, bytes[bytes.endIndex - 1] != UInt8(ascii: ":") else { return nil }
        let array = Array(bytes)
        guard let end = scan(array, from: idStart - start, allowing: { $0 == UInt8(ascii: ":") || isIDByte($0) }),
            end == array.count
        else { return nil }
        return (
            String(decoding: bytes[(start + 4)..<methodEnd], as: UTF8.self),
            String(decoding: bytes[idStart...], as: UTF8.self)
        )
    }

    /// Scans while bytes are allowed or `%HEXDIG HEXDIG`; `nil` for a malformed escape.
    private static func scan(_ bytes: [UInt8], from start: Int, allowing isAllowed: (UInt8) -> Bool) -> Int? {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else { return nil }
                index += 3
            } else if isAllowed(byte) {
                index += 1
            } else {
                return index
            }
        }
        return index
    }

    private static func isAlphaNumeric(_ a: UInt8) -> Bool {
        (0x41...0x5A).contains(a) || (0x61...0x7A).contains(a) || (0x30...0x39).contains(a)
    }

    private static func isHex(_ a: UInt8) -> Bool {
        (0x30...0x39).contains(a) || (0x41...0x46).contains(a) || (0x61...0x66).contains(a)
    }

    private static func isMethodByte(_ a: UInt8) -> Bool { (0x61...0x7A).contains(a) || (0x30...0x39).contains(a) }

    private static func isIDByte(_ a: UInt8) -> Bool { isAlphaNumeric(a) || a == 0x2E || a == 0x2D || a == 0x5F }

    private static func isPCharByte(_ a: UInt8) -> Bool {
        isAlphaNumeric(a) || "-._~!$&'()*+,;=:@".utf8.contains(a)
    }

    private static func isPathByte(_ a: UInt8) -> Bool { a == UInt8(ascii: "/") || isPCharByte(a) }

    private static func isQueryOrFragmentByte(_ a: UInt8) -> Bool {
        a == UInt8(ascii: "/") || a == UInt8(ascii: "?") || isPCharByte(a)
    }
}
