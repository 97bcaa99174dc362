/// Assertions on any value, numbers and strings.
///
/// JSON Schema Validation 2020-12 §6.1-6.3 and §7 (`format` as an assertion):
/// <https://json-schema.org/draft/2020-12/json-schema-validation#section-6.1>. Messages quote the schema's
/// limits, never the instance's value.
extension SchemaEvaluator {
    /// `type`, `enum` and `const` (Validation §6.1).
    func assertGeneric(_ keywords: SchemaKeywords, _ instance: JSONValue, _ path: SchemaPath) -> [SchemaViolation] {
        var violations: [SchemaViolation] = []
        if let types = keywords.types, !types.contains(where: { Self.instance(instance, is: $0) }) {
            let expected = types.map(\.rawValue).joined(separator: " or ")
            violations.append(path.violation("type", "must be \(expected), not \(Self.typeName(instance))"))
        }
        if let values = keywords.enumValues, !values.contains(instance) {
            violations.append(path.violation("enum", "must be one of \(Self.list(values))"))
        }
        if let value = keywords.constValue, value != instance {
            violations.append(path.violation("const", "must be \(Self.quote(value))"))
        }
        return violations
    }

    /// `multipleOf`, `maximum`, `exclusiveMaximum`, `minimum`, `exclusiveMinimum` (Validation §6.2).
    func assertNumber(_ keywords: SchemaKeywords, _ number: Double, _ path: SchemaPath) -> [SchemaViolation] {
        var violations: [SchemaViolation] = []
        if let divisor = keywords.multipleOf, !Self.isMultiple(number, of: divisor) {
            violations.append(path.violation("multipleOf", "must be a multiple of \(Self.quote(.number(divisor)))"))
        }
        if let limit = keywords.maximum, number > limit {
            violations.append(path.violation("maximum", "must be at most \(Self.quote(.number(limit)))"))
        }
        if let limit = keywords.exclusiveMaximum, number >= limit {
            violations.append(path.violation("exclusiveMaximum", "must be less than \(Self.quote(.number(limit)))"))
        }
        if let limit = keywords.minimum, number < limit {
            violations.append(path.violation("minimum", "must be at least \(Self.quote(.number(limit)))"))
        }
        if let limit = keywords.exclusiveMinimum, number <= limit {
            violations.append(path.violation("exclusiveMinimum", "must be greater than \(Self.quote(.number(limit)))"))
        }
        return violations
    }

    /// `maxLength`, `minLength` (counted in Unicode code points), `pattern` (Validation §6.3) and `format`
    /// (§7.3.1 `date`/`date-time`, §7.3.5 `uri`).
    mutating func assertString(_ keywords: SchemaKeywords, _ text: String, _ path: SchemaPath) -> [SchemaViolation] {
        var violations: [SchemaViolation] = []
        if keywords.maxLength != nil || keywords.minLength != nil {
            let length = text.unicodeScalars.count
            if let limit = keywords.maxLength, length > limit {
                violations.append(path.violation("maxLength", "must be at most \(limit) characters long"))
            }
            if let limit = keywords.minLength, length < limit {
                violations.append(path.violation("minLength", "must be at least \(limit) characters long"))
            }
        }
        if let pattern = keywords.pattern, !patterns.matches(pattern, text) {
            violations.append(path.violation("pattern", "does not match pattern \(pattern.source)"))
        }
        if let format = keywords.format {
            switch format {
            case .date where !SchemaDateFormat.isFullDate(text):
                violations.append(path.violation("format", "is not a date (RFC 3339 full-date, YYYY-MM-DD)"))
            case .dateTime where !SchemaDateFormat.isDateTime(text):
                violations.append(path.violation("format", "is not a date-time (RFC 3339 date-time)"))
            case .uri where !SchemaURIGrammar.isURI(text):
                violations.append(path.violation("format", "is not an absolute URI (RFC 3986)"))
            default: break
            }
        }
        return violations
    }

    /// Whether `instance` is of `type`; an integer is any number with a zero fractional part (Validation §6.1.1).
    static func instance(_ instance: JSONValue, is type: SchemaType) -> Bool {
        switch (type, instance) {
        case (.null, .null), (.boolean, .bool), (.object, .object), (.array, .array), (.number, .number),
            (.string, .string):
            true
        case (.integer, .number(let number)): number.rounded(.towardZero) == number
        default: false
        }
    }

    /// The JSON type name of `instance`, for messages (the value itself is never shown).
    static func typeName(_ instance: JSONValue) -> String {
        switch instance {
        case .null: "null"
        case .bool: "boolean"
        case .number(let number): number.rounded(.towardZero) == number ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Whether `number / divisor` is an integer, allowing for the rounding error of binary fractions
    /// (`0.0075` is a multiple of `0.0001`); an overflowing quotient is not a multiple.
    static func isMultiple(_ number: Double, of divisor: Double) -> Bool {
        let quotient = number / divisor
        guard quotient.isFinite else { return false }
        let nearest = quotient.rounded()
        return abs(quotient - nearest) <= 4 * nearest.ulp
    }

    /// A schema value as JSON text, shortened when long.
    static func quote(_ value: JSONValue) -> String {
        let text = value.serialized()
        return text.unicodeScalars.count <= 80 ? text : String(text.prefix(77)) + "..."
    }

    /// A short list of schema values.
    static func list(_ values: [JSONValue]) -> String {
        let shown = values.prefix(12).map { quote($0) }.joined(separator: ", ")
        return values.count > 12 ? shown + ", ... (\(values.count) values)" : shown
    }
}
