/// Reading and checking each keyword of a schema object.
///
/// JSON Schema 2020-12 Core §8 (core vocabulary), §10 (applicators), §11 (unevaluated) and Validation §6-7:
/// <https://json-schema.org/draft/2020-12/json-schema-validation#section-6>. A keyword whose value has the
/// wrong type or range makes the schema invalid; unknown keywords are annotations and are ignored.
extension SchemaCompiler {
    /// Compiles the schema `value` found at `address`.
    /// - Throws: ``SchemaError/notASchema(location:)``, ``SchemaError/invalidKeywordValue(keyword:location:)``,
    ///   ``SchemaError/invalidPattern(_:location:)`` or ``SchemaError/unresolvedReference(_:location:)``.
    mutating func build(_ value: JSONValue, at address: SchemaAddress, base: String) throws(SchemaError)
        -> SchemaNode
    {
        switch value {
        case .bool(let flag):
            return SchemaNode(body: .boolean(flag), resource: base)
        case .object(let object):
            let reader = SchemaKeywordReader(object: object, address: address, index: index)
            var keywords = SchemaKeywords()
            try readReferences(reader, base: base, into: &keywords)
            try reader.readAssertions(into: &keywords, assertsFormat: assertsFormat)
            try readArrayApplicators(reader, base: base, into: &keywords)
            try readObjectApplicators(reader, base: base, into: &keywords)
            try readLogic(reader, base: base, into: &keywords)
            return SchemaNode(body: .keywords(SchemaKeywordTable(keywords)), resource: base)
        default:
            throw .notASchema(location: index.location(address))
        }
    }

    private mutating func readReferences(
        _ reader: SchemaKeywordReader, base: String, into keywords: inout SchemaKeywords
    ) throws(SchemaError) {
        if let text = try reader.string("$ref") {
            keywords.ref = try reference(text, base: base, at: reader.child("$ref"))
        }
        if let text = try reader.string("$dynamicRef") {
            keywords.dynamicRef = try dynamicReference(text, base: base, at: reader.child("$dynamicRef"))
        }
    }

    private mutating func readArrayApplicators(
        _ reader: SchemaKeywordReader, base: String, into keywords: inout SchemaKeywords
    ) throws(SchemaError) {
        keywords.prefixItems = try subschemaArray(reader, "prefixItems", base: base) ?? []
        keywords.items = try subschema(reader, "items", base: base)
        keywords.contains = try subschema(reader, "contains", base: base)
        keywords.unevaluatedItems = try subschema(reader, "unevaluatedItems", base: base)
    }

    private mutating func readObjectApplicators(
        _ reader: SchemaKeywordReader, base: String, into keywords: inout SchemaKeywords
    ) throws(SchemaError) {
        keywords.properties = try subschemaMap(reader, "properties", base: base)
        for (name, node) in try subschemaMap(reader, "patternProperties", base: base) {
            guard SchemaPattern.compile(name) != nil else {
                throw .invalidPattern(name, location: reader.location("patternProperties"))
            }
            keywords.patternProperties.append((SchemaCompiledPattern(name), node))
        }
        keywords.additionalProperties = try subschema(reader, "additionalProperties", base: base)
        keywords.propertyNames = try subschema(reader, "propertyNames", base: base)
        keywords.dependentSchemas = try subschemaMap(reader, "dependentSchemas", base: base)
        keywords.unevaluatedProperties = try subschema(reader, "unevaluatedProperties", base: base)
        // $defs are compiled so that errors in them surface now, though nothing applies them directly.
        _ = try subschemaMap(reader, "$defs", base: base)
    }

    private mutating func readLogic(
        _ reader: SchemaKeywordReader, base: String, into keywords: inout SchemaKeywords
    ) throws(SchemaError) {
        keywords.allOf = try subschemaArray(reader, "allOf", base: base)
        keywords.anyOf = try subschemaArray(reader, "anyOf", base: base)
        keywords.oneOf = try subschemaArray(reader, "oneOf", base: base)
        keywords.not = try subschema(reader, "not", base: base)
        keywords.ifSchema = try subschema(reader, "if", base: base)
        keywords.thenSchema = try subschema(reader, "then", base: base)
        keywords.elseSchema = try subschema(reader, "else", base: base)
        _ = try subschema(reader, "contentSchema", base: base)
    }

    private mutating func subschema(_ reader: SchemaKeywordReader, _ keyword: String, base: String)
        throws(SchemaError) -> Int?
    {
        guard let value = reader.object[keyword] else { return nil }
        return try node(at: reader.child(keyword), value: value, inheritedBase: base)
    }

    /// A non-empty array of schemas (Core §10.2.1, §10.3.1.1).
    private mutating func subschemaArray(_ reader: SchemaKeywordReader, _ keyword: String, base: String)
        throws(SchemaError) -> [Int]?
    {
        guard let value = reader.object[keyword] else { return nil }
        guard case .array(let elements) = value, !elements.isEmpty else {
            throw .invalidKeywordValue(keyword: keyword, location: reader.location(keyword))
        }
        var found: [Int] = []
        for (position, element) in elements.enumerated() {
            let address = SchemaAddress(
                document: reader.address.document,
                pointer: SchemaPointer.appending(reader.child(keyword).pointer, position))
            found.append(try node(at: address, value: element, inheritedBase: base))
        }
        return found
    }

    /// An object whose values are schemas, in member order (Core §10.3.2).
    private mutating func subschemaMap(_ reader: SchemaKeywordReader, _ keyword: String, base: String)
        throws(SchemaError) -> [(name: String, node: Int)]
    {
        guard let value = reader.object[keyword] else { return [] }
        guard case .object(let members) = value else {
            throw .invalidKeywordValue(keyword: keyword, location: reader.location(keyword))
        }
        var found: [(name: String, node: Int)] = []
        for member in members {
            let address = SchemaAddress(
                document: reader.address.document,
                pointer: SchemaPointer.appending(reader.child(keyword).pointer, member.name))
            found.append((member.name, try node(at: address, value: member.value, inheritedBase: base)))
        }
        return found
    }
}
