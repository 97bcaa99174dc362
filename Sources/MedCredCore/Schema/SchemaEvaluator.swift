/// Applies compiled schemas to an instance.
///
/// JSON Schema 2020-12 Core §7 (keyword behaviours, dynamic scope) and §10-11 (applicators):
/// <https://json-schema.org/draft/2020-12/json-schema-core#section-7>. Reference loops that never move
/// into the instance are rejected when the schema is built; recursion that does move is bounded by
/// `maxDepth`, so a deep instance fails with ``SchemaError/depthLimitExceeded(limit:instanceLocation:)``
/// instead of exhausting the stack.
struct SchemaEvaluator {
    let nodes: [SchemaNode]
    let dynamicAnchors: [String: [String: Int]]
    let maxDepth: Int
    /// Whether some schema uses `unevaluatedItems` or `unevaluatedProperties`; without them nothing reads
    /// which members and elements were evaluated (Core §11), so that is not recorded.
    let tracksAnnotations: Bool
    var patterns = SchemaPatternCache()
    /// The URIs of the schema resources entered so far, outermost first (Core §7.1).
    private var scope: [String] = []
    private var depth = 0

    init(nodes: [SchemaNode], dynamicAnchors: [String: [String: Int]], maxDepth: Int, tracksAnnotations: Bool) {
        self.nodes = nodes
        self.dynamicAnchors = dynamicAnchors
        self.maxDepth = maxDepth
        self.tracksAnnotations = tracksAnnotations
    }

    /// Applies node `number` to `instance` at `path`.
    /// - Throws: ``SchemaError/depthLimitExceeded(limit:instanceLocation:)``.
    mutating func evaluate(_ number: Int, _ instance: JSONValue, _ path: SchemaPath) throws(SchemaError)
        -> SchemaOutcome
    {
        guard depth < maxDepth else { throw .depthLimitExceeded(limit: maxDepth, instanceLocation: path.instance) }
        depth += 1
        defer { depth -= 1 }
        let node = nodes[number]
        let entersResource = scope.last != node.resource
        if entersResource { scope.append(node.resource) }
        defer { if entersResource { scope.removeLast() } }

        switch node.body {
        case .boolean(true):
            return SchemaOutcome()
        case .boolean(false):
            return SchemaOutcome(violations: [falseSchemaViolation(path)])
        case .keywords(let table):
            return try evaluate(table.keywords, instance, path)
        }
    }

    /// The keywords in the order their dependencies need: assertions and applicators first, then
    /// `unevaluatedItems` and `unevaluatedProperties`, which read the others' annotations (Core §11).
    /// Keyword groups write into one outcome: a failure anywhere fails the schema, so annotations
    /// gathered beside it never matter.
    private mutating func evaluate(_ keywords: SchemaKeywords, _ instance: JSONValue, _ path: SchemaPath)
        throws(SchemaError) -> SchemaOutcome
    {
        var outcome = SchemaOutcome()
        if let target = keywords.ref {
            outcome.absorb(try evaluate(target, instance, path.applying("$ref")))
        }
        if let reference = keywords.dynamicRef {
            outcome.absorb(try evaluate(resolve(reference), instance, path.applying("$dynamicRef")))
        }
        outcome.violations += assertGeneric(keywords, instance, path)
        switch instance {
        case .number(let number): outcome.violations += assertNumber(keywords, number, path)
        case .string(let text): outcome.violations += assertString(keywords, text, path)
        case .array(let elements): try evaluateArray(keywords, elements, path, into: &outcome)
        case .object(let object): try evaluateObject(keywords, object, path, into: &outcome)
        default: break
        }
        try evaluateLogic(keywords, instance, path, into: &outcome)
        switch instance {
        case .array(let elements):
            try evaluateUnevaluatedItems(keywords, elements, path, into: &outcome)
        case .object(let object):
            try evaluateUnevaluatedProperties(keywords, object, path, into: &outcome)
        default: break
        }
        return outcome
    }

    /// The schema a `$dynamicRef` lands on: the outermost resource in the dynamic scope with the anchor,
    /// else the static target (Core §8.2.3.2).
    private func resolve(_ reference: SchemaDynamicReference) -> Int {
        guard let name = reference.anchor else { return reference.target }
        for resource in scope {
            if let node = dynamicAnchors[resource]?[name] { return node }
        }
        return reference.target
    }

    /// A `false` schema rejects everything; say so in terms of the keyword that applied it.
    private func falseSchemaViolation(_ path: SchemaPath) -> SchemaViolation {
        let message =
            switch path.via {
            case "additionalProperties", "unevaluatedProperties", "properties", "patternProperties":
                "property is not allowed"
            case "items", "prefixItems", "unevaluatedItems", "contains":
                "item is not allowed"
            case "propertyNames": "property name is not allowed"
            default: "no value is allowed here"
            }
        return SchemaViolation(
            instanceLocation: path.instance, keywordLocation: path.keyword,
            keyword: path.via.isEmpty ? "false" : path.via, message: "\(path.fieldName): \(message)")
    }
}
