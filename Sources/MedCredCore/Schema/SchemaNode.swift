/// A compiled schema: a boolean schema, or the checked keywords of a schema object.
///
/// JSON Schema 2020-12 Core §4.3.2 (boolean schemas) and §7 (keyword behaviours):
/// <https://json-schema.org/draft/2020-12/json-schema-core#section-4.3.2>. Subschemas are indexes into
/// the compiled node list, so recursive schemas need no reference cycles in memory.
struct SchemaNode: Sendable {
    enum Body: Sendable {
        case boolean(Bool)
        case keywords(SchemaKeywordTable)
    }

    var body: Body
    /// The URI of the schema resource holding this schema ("" for a root without `$id`), which is what
    /// the dynamic scope records (Core §7.1).
    var resource: String
}

/// The JSON types of the `type` keyword; `integer` is a number with no fractional part (Validation §6.1.1).
enum SchemaType: String, Sendable {
    case null, boolean, object, array, number, string, integer
}

/// The formats MedCred asserts (Validation §7.3.1 `date`/`date-time`, §7.3.5 `uri`); others are annotations.
enum SchemaFormat: Sendable {
    case date, dateTime, uri
}

/// A `$dynamicRef`: its statically resolved target and, when that target has a matching
/// `$dynamicAnchor`, the anchor name to look up in the dynamic scope (Core §8.2.3.2).
struct SchemaDynamicReference: Sendable {
    var target: Int
    var anchor: String?
}

/// The compiled keywords of one schema object, shared by reference: evaluation recurses once per
/// applied schema, and copying the whole keyword set into every stack frame would limit how deep an
/// instance can be checked.
final class SchemaKeywordTable: Sendable {
    let keywords: SchemaKeywords

    init(_ keywords: SchemaKeywords) {
        self.keywords = keywords
    }
}

/// The keywords of one schema object, checked and compiled; absent keywords are `nil` or empty.
struct SchemaKeywords: Sendable {
    var ref: Int?
    var dynamicRef: SchemaDynamicReference?

    var types: [SchemaType]?
    var enumValues: [JSONValue]?
    var constValue: JSONValue?

    var minimum: Double?
    var maximum: Double?
    var exclusiveMinimum: Double?
    var exclusiveMaximum: Double?
    var multipleOf: Double?

    var minLength: Int?
    var maxLength: Int?
    var pattern: SchemaCompiledPattern?
    var format: SchemaFormat?

    var prefixItems: [Int] = []
    var items: Int?
    var contains: Int?
    var minContains: Int?
    var maxContains: Int?
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false

    var properties: [(name: String, node: Int)] = []
    var patternProperties: [(pattern: SchemaCompiledPattern, node: Int)] = []
    var additionalProperties: Int?
    var propertyNames: Int?
    var required: [String] = []
    var dependentRequired: [(name: String, required: [String])] = []
    var dependentSchemas: [(name: String, node: Int)] = []
    var minProperties: Int?
    var maxProperties: Int?

    var allOf: [Int]?
    var anyOf: [Int]?
    var oneOf: [Int]?
    var not: Int?
    var ifSchema: Int?
    var thenSchema: Int?
    var elseSchema: Int?
    var unevaluatedItems: Int?
    var unevaluatedProperties: Int?

    /// Subschemas applied to the same instance location (Core §10.2, §8.2.3): the edges along which
    /// a reference loop would never end.
    var inPlaceSubschemas: [Int] {
        var found = (allOf ?? []) + (anyOf ?? []) + (oneOf ?? []) + dependentSchemas.map(\.node)
        for node in [ref, dynamicRef?.target, not, ifSchema, thenSchema, elseSchema] {
            if let node { found.append(node) }
        }
        return found
    }

    /// Subschemas applied to members, elements or names, i.e. deeper in the instance.
    var deeperSubschemas: [Int] {
        var found = prefixItems + properties.map(\.node) + patternProperties.map(\.node)
        for node in [items, contains, additionalProperties, propertyNames, unevaluatedItems, unevaluatedProperties] {
            if let node { found.append(node) }
        }
        return found
    }
}
