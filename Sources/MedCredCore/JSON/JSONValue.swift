/// A JSON value as defined by RFC 8259 §3, restricted to what I-JSON (RFC 7493) allows.
///
/// RFC 8259 §3: <https://www.rfc-editor.org/rfc/rfc8259#section-3>.
/// Numbers are IEEE 754 doubles (RFC 7493 §2.2). Strings compare by their Unicode scalars, not by
/// canonical equivalence, because two names that differ only in normalisation are different JSON
/// members and produce different RFC 8785 bytes. Objects compare without regard to member order.
public enum JSONValue: Sendable {
    /// The literal `null` (RFC 8259 §3).
    case null
    /// The literals `true` and `false` (RFC 8259 §3).
    case bool(Bool)
    /// A number, held as a finite IEEE 754 double (RFC 8259 §6, RFC 7493 §2.2).
    case number(Double)
    /// A string of Unicode scalars (RFC 8259 §7).
    case string(String)
    /// An ordered array of values (RFC 8259 §5).
    case array([JSONValue])
    /// An object with unique member names (RFC 8259 §4, RFC 7493 §2.3).
    case object(JSONObject)
}

extension JSONValue: Hashable {
    /// Whether two values are equal: strings by Unicode scalars, objects regardless of member order.
    ///
    /// Numbers compare as doubles, so `-0` equals `0` (RFC 8785 §3.2.2.3 prints both as `0`).
    /// - Parameters:
    ///   - lhs: A value.
    ///   - rhs: Another value.
    /// - Returns: `true` when the values are equal.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): ExactString.equal(a, b)
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a == b
        default: false
        }
    }

    /// Hashes the value consistently with ``==(_:_:)``.
    /// - Parameter hasher: The hasher to feed.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0 as UInt8)
        case .bool(let value):
            hasher.combine(1 as UInt8)
            hasher.combine(value)
        case .number(let value):
            hasher.combine(2 as UInt8)
            hasher.combine(value)
        case .string(let value):
            hasher.combine(3 as UInt8)
            ExactString.hash(value, into: &hasher)
        case .array(let value):
            hasher.combine(4 as UInt8)
            hasher.combine(value)
        case .object(let value):
            hasher.combine(5 as UInt8)
            hasher.combine(value)
        }
    }
}

extension JSONValue {
    /// The string, if this value is a string (RFC 8259 §7).
    public var stringValue: String? {
        if case .string(let value) = self { value } else { nil }
    }

    /// The number, if this value is a number (RFC 8259 §6).
    public var doubleValue: Double? {
        if case .number(let value) = self { value } else { nil }
    }

    /// The boolean, if this value is `true` or `false` (RFC 8259 §3).
    public var boolValue: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }

    /// The elements, if this value is an array (RFC 8259 §5).
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { value } else { nil }
    }

    /// The members, if this value is an object (RFC 8259 §4).
    public var objectValue: JSONObject? {
        if case .object(let value) = self { value } else { nil }
    }

    /// Whether this value is the literal `null` (RFC 8259 §3).
    public var isNull: Bool {
        if case .null = self { true } else { false }
    }

    /// The value of the member called `name`, or `nil` if this is not an object or has no such member.
    /// - Parameter name: The member name, compared by Unicode scalars (RFC 8259 §4).
    public subscript(name: String) -> JSONValue? {
        if case .object(let object) = self { object[name] } else { nil }
    }

    /// The element at `index`, or `nil` if this is not an array or `index` is out of bounds.
    /// - Parameter index: A zero-based position (RFC 8259 §5).
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// A copy without the member called `name`; any value that is not an object is returned unchanged.
    ///
    /// Typical use is removing `proof` before hashing (W3C VC Data Integrity §4.3,
    /// <https://www.w3.org/TR/vc-data-integrity/#add-proof>).
    /// - Parameter name: The member to remove.
    /// - Returns: The object without that member, or `self` if it is not an object.
    public func removingMember(_ name: String) -> JSONValue {
        guard case .object(var object) = self else { return self }
        object[name] = nil
        return .object(object)
    }

    /// Sets, replaces or (with `nil`) removes the member called `name`; does nothing to a non-object.
    ///
    /// A new name is appended after the existing members (RFC 8259 §4).
    /// - Parameters:
    ///   - name: The member name.
    ///   - value: The new value, or `nil` to remove the member.
    public mutating func setMember(_ name: String, _ value: JSONValue?) {
        guard case .object(var object) = self else { return }
        self = .null  // drop the second reference so the object is mutated in place
        object[name] = value
        self = .object(object)
    }
}
