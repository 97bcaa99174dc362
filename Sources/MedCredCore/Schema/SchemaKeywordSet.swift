/// Which 2020-12 keywords hold subschemas, and in what shape.
///
/// JSON Schema 2020-12 Core §10 (applicator vocabulary) and §11 (unevaluated vocabulary), Validation §8.2.4
/// (`contentSchema`): <https://json-schema.org/draft/2020-12/json-schema-core#section-10>.
enum SchemaKeywordSet {
    /// Keywords whose value is one schema.
    static let single = [
        "additionalProperties", "propertyNames", "items", "contains", "not", "if", "then", "else",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema",
    ]
    /// Keywords whose value is an object of schemas.
    static let maps = ["properties", "patternProperties", "$defs", "dependentSchemas"]
    /// Keywords whose value is an array of schemas.
    static let arrays = ["prefixItems", "allOf", "anyOf", "oneOf"]

    /// The subschemas directly inside `object` (at `pointer`), each with its own pointer; values of the
    /// wrong shape are skipped here and reported when the schema is compiled.
    static func subschemas(of object: JSONObject, at pointer: String) -> [(JSONValue, String)] {
        var found: [(JSONValue, String)] = []
        for keyword in single {
            if let value = object[keyword] { found.append((value, SchemaPointer.appending(pointer, keyword))) }
        }
        for keyword in maps {
            guard case .object(let members)? = object[keyword] else { continue }
            let base = SchemaPointer.appending(pointer, keyword)
            for member in members { found.append((member.value, SchemaPointer.appending(base, member.name))) }
        }
        for keyword in arrays {
            guard case .array(let elements)? = object[keyword] else { continue }
            let base = SchemaPointer.appending(pointer, keyword)
            for (index, element) in elements.enumerated() {
                found.append((element, SchemaPointer.appending(base, index)))
            }
        }
        return found
    }
}
