import MedCredCore

/// Small builders for the JSON Schema 2020-12 objects that OpenAPI 3.1 uses, so the document reads as a list
/// of members rather than nested literals.
enum OpenAPISchema {
    /// A reference to `#/components/schemas/<name>`.
    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }

    /// A string, optionally with a format, a description and the values it may take.
    static func string(
        _ description: String? = nil, format: String? = nil, values: [String]? = nil, pattern: String? = nil
    ) -> JSONValue {
        var schema: JSONObject = ["type": "string"]
        if let format { schema["format"] = .string(format) }
        if let values { schema["enum"] = .array(values.map { .string($0) }) }
        if let pattern { schema["pattern"] = .string(pattern) }
        if let description { schema["description"] = .string(description) }
        return .object(schema)
    }

    /// An RFC 3339 date-time string.
    static func dateTime(_ description: String? = nil) -> JSONValue { string(description, format: "date-time") }

    /// An integer, optionally bounded.
    static func integer(_ description: String? = nil, minimum: Int? = nil, maximum: Int? = nil) -> JSONValue {
        var schema: JSONObject = ["type": "integer"]
        if let minimum { schema["minimum"] = .number(Double(minimum)) }
        if let maximum { schema["maximum"] = .number(Double(maximum)) }
        if let description { schema["description"] = .string(description) }
        return .object(schema)
    }

    /// A boolean.
    static func boolean(_ description: String? = nil) -> JSONValue {
        var schema: JSONObject = ["type": "boolean"]
        if let description { schema["description"] = .string(description) }
        return .object(schema)
    }

    /// An array of `items`, optionally bounded in length.
    static func array(_ items: JSONValue, _ description: String? = nil, minItems: Int? = nil, maxItems: Int? = nil)
        -> JSONValue
    {
        var schema: JSONObject = ["type": "array", "items": items]
        if let minItems { schema["minItems"] = .number(Double(minItems)) }
        if let maxItems { schema["maxItems"] = .number(Double(maxItems)) }
        if let description { schema["description"] = .string(description) }
        return .object(schema)
    }

    /// 1…100 non-empty strings, as `RequestFields.strings` accepts.
    static func stringList(_ description: String) -> JSONValue {
        array(["type": "string", "minLength": 1], description, minItems: 1, maxItems: 100)
    }

    /// Any JSON object.
    static func anyObject(_ description: String? = nil) -> JSONValue {
        var schema: JSONObject = ["type": "object"]
        if let description { schema["description"] = .string(description) }
        return .object(schema)
    }

    /// An object with the given members in order.
    /// - Parameters:
    ///   - description: what the object is.
    ///   - properties: the members and their schemas.
    ///   - required: the members that must be present.
    ///   - closed: `true` when the route refuses unknown members (`unknown-member`).
    static func object(
        _ description: String, _ properties: [(String, JSONValue)], required: [String] = [], closed: Bool = false
    ) -> JSONValue {
        var schema: JSONObject = [
            "type": "object", "description": .string(description), "properties": .object(JSONObject(properties)),
        ]
        if !required.isEmpty { schema["required"] = .array(required.map { .string($0) }) }
        if closed { schema["additionalProperties"] = false }
        return .object(schema)
    }

    /// A value matching one of `schemas`.
    static func oneOf(_ schemas: [JSONValue], _ description: String? = nil) -> JSONValue {
        var schema: JSONObject = ["oneOf": .array(schemas)]
        if let description { schema["description"] = .string(description) }
        return .object(schema)
    }

    /// A secured document as the verify and login routes accept it: a JSON object, or a compact JWS string.
    static func securedDocument(_ description: String) -> JSONValue {
        oneOf(
            [
                anyObject("a JSON document secured with a Data Integrity proof"),
                string("a compact JWS, or an SD-JWT (VC)"),
            ], description)
    }
}
