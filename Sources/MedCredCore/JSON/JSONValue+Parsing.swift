extension JSONValue {
    /// Parses UTF-8 JSON text strictly: RFC 8259 with the I-JSON restrictions of RFC 7493.
    ///
    /// RFC 8259 §2: <https://www.rfc-editor.org/rfc/rfc8259#section-2>; RFC 7493 §2:
    /// <https://www.rfc-editor.org/rfc/rfc7493#section-2>. Any value may be at the top level; whitespace
    /// may surround it. Nesting is tracked on the heap, so deep input fails with an error, never a crash.
    /// - Parameters:
    ///   - bytes: The UTF-8 text, without a byte order mark.
    ///   - limits: Size and depth limits (``JSONLimits/default`` unless stated).
    /// - Throws: ``JSONParseError``: `.empty`, `.byteOrderMark`, `.sizeLimitExceeded`,
    ///   `.depthLimitExceeded`, `.unexpectedEnd`, `.unexpectedByte`, `.trailingData`, `.leadingZero`,
    ///   `.numberOutOfRange`, `.controlCharacterInString`, `.invalidEscape`, `.loneSurrogate`,
    ///   `.invalidUTF8` or `.duplicateMemberName`.
    public init(parsing bytes: some Collection<UInt8>, limits: JSONLimits = .default) throws(JSONParseError) {
        let size = bytes.count
        guard size <= limits.maxBytes else { throw .sizeLimitExceeded(limit: limits.maxBytes, size: size) }
        var parser = JSONParser(bytes: Array(bytes), limits: limits)
        self = try parser.parseDocument()
    }

    /// Parses JSON text strictly: RFC 8259 with the I-JSON restrictions of RFC 7493.
    ///
    /// RFC 8259 §2: <https://www.rfc-editor.org/rfc/rfc8259#section-2>. Offsets in errors count UTF-8
    /// bytes of `text`.
    /// - Parameters:
    ///   - text: The JSON text.
    ///   - limits: Size and depth limits (``JSONLimits/default`` unless stated).
    /// - Throws: ``JSONParseError``, with the same cases as parsing bytes.
    public init(parsing text: String, limits: JSONLimits = .default) throws(JSONParseError) {
        try self.init(parsing: text.utf8, limits: limits)
    }
}
