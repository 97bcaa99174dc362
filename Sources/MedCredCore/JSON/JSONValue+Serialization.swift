extension JSONValue {
    /// The value as JSON text, members in stored order (RFC 8259 §2).
    ///
    /// RFC 8259: <https://www.rfc-editor.org/rfc/rfc8259#section-2>. Numbers and strings are written as
    /// RFC 8785 §3.2.2 writes them; a non-finite number, which JSON cannot express, is written `null`.
    /// - Parameter pretty: Whether to indent by two spaces per level and put a space after each `:`.
    /// - Returns: The JSON text.
    public func serialized(pretty: Bool = false) -> String {
        var writer = JSONWriter(style: pretty ? .pretty : .compact)
        writer.write(self)
        return String(decoding: writer.out, as: UTF8.self)
    }

    /// The compact JSON text as UTF-8 bytes, members in stored order (RFC 8259 §8.1).
    ///
    /// RFC 8259 §8.1: <https://www.rfc-editor.org/rfc/rfc8259#section-8.1>. Same text as
    /// ``serialized(pretty:)`` with `pretty: false`.
    public var utf8Bytes: [UInt8] {
        var writer = JSONWriter(style: .compact)
        writer.write(self)
        return writer.out
    }
}
