extension JSONValue: ExpressibleByNilLiteral {
    /// `null` (RFC 8259 §3).
    /// - Parameter nilLiteral: The literal `nil`.
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    /// `true` or `false` (RFC 8259 §3).
    /// - Parameter value: The literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    /// A number (RFC 8259 §6); integers beyond ±2^53 round to the nearest double.
    /// - Parameter value: The literal.
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
}

extension JSONValue: ExpressibleByFloatLiteral {
    /// A number (RFC 8259 §6).
    /// - Parameter value: The literal.
    public init(floatLiteral value: Double) { self = .number(value) }
}

extension JSONValue: ExpressibleByStringLiteral {
    /// A string (RFC 8259 §7).
    /// - Parameter value: The literal.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension JSONValue: ExpressibleByArrayLiteral {
    /// An array (RFC 8259 §5).
    /// - Parameter elements: The elements, in order.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    /// An object with the members in source order; a repeated name keeps the last value (RFC 8259 §4).
    /// - Parameter elements: Name–value pairs.
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
}
