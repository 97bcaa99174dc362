/// The JSON Canonicalization Scheme of RFC 8785.
///
/// RFC 8785 §3: <https://www.rfc-editor.org/rfc/rfc8785#section-3>. Members are sorted by the UTF-16
/// code units of their names at every level, numbers use ECMAScript formatting, strings use minimal
/// escaping, and no whitespace is written.
public enum JCS {
    /// The canonical UTF-8 bytes of `value` (RFC 8785 §3.2).
    ///
    /// RFC 8785 §3.2: <https://www.rfc-editor.org/rfc/rfc8785#section-3.2>. A non-finite number, which
    /// RFC 8785 §3.2.2.3 forbids, is written `null`; parsed values never hold one.
    /// - Parameter value: The value to canonicalise.
    /// - Returns: The canonical JSON text as UTF-8.
    public static func canonicalize(_ value: JSONValue) -> [UInt8] {
        var writer = JSONWriter(style: .canonical)
        writer.write(value)
        return writer.out
    }
}

extension JSONValue {
    /// The RFC 8785 canonical UTF-8 bytes of this value; see ``JCS/canonicalize(_:)``.
    ///
    /// RFC 8785 §3.2: <https://www.rfc-editor.org/rfc/rfc8785#section-3.2>.
    public var jcsBytes: [UInt8] { JCS.canonicalize(self) }
}
