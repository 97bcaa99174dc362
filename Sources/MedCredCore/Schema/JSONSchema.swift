/// A JSON Schema 2020-12 validator for one schema, with its references resolved in memory.
///
/// JSON Schema Core 2020-12 <https://json-schema.org/draft/2020-12/json-schema-core> and Validation 2020-12
/// <https://json-schema.org/draft/2020-12/json-schema-validation>. Supported: the core keywords (`$id`,
/// `$ref`, `$anchor`, `$dynamicRef`, `$dynamicAnchor`, `$defs`), every applicator (including
/// `unevaluatedProperties`/`unevaluatedItems`), every validation assertion, and `format` as an assertion
/// for `date`, `date-time` and `uri` (other formats are annotations). Not supported: `$vocabulary`
/// (every schema is read with the full 2020-12 vocabulary) and fetching schemas; whatever a schema
/// references must be in the ``SchemaRegistry``. Building the validator checks the schema; validating
/// never throws for a bad instance, it lists ``SchemaViolation``s.
public struct JSONSchema: Sendable {
    /// How a schema is compiled and applied.
    public struct Options: Hashable, Sendable {
        /// Whether `format` asserts `date`, `date-time` and `uri` (Validation §7.2.2 lets an implementation
        /// opt in); when `false` every `format` is an annotation, as the 2020-12 default vocabulary says.
        public var assertsFormat: Bool
        /// How many schemas may be applied inside one another before evaluation stops with
        /// ``SchemaError/depthLimitExceeded(limit:instanceLocation:)``; this bounds recursion on deep
        /// instances. Each level costs stack: the default needs about 300 KiB in a debug build (less in
        /// release), within the 512 KiB of a Swift concurrency thread; raise it only on larger stacks.
        public var maxDepth: Int

        /// Options.
        /// - Parameters:
        ///   - assertsFormat: Whether `date`, `date-time` and `uri` formats are asserted (default `true`).
        ///   - maxDepth: The deepest nesting of applied schemas (default 128).
        public init(assertsFormat: Bool = true, maxDepth: Int = 128) {
            self.assertsFormat = assertsFormat
            self.maxDepth = maxDepth
        }
    }

    private let nodes: [SchemaNode]
    private let dynamicAnchors: [String: [String: Int]]
    private let root: Int
    private let tracksAnnotations: Bool
    /// The options the schema was built with.
    public let options: Options

    /// Checks `schema` and everything it references, and prepares it for validation.
    ///
    /// Core §9 (loading schemas) and §8.2 (identifiers): references resolve against `$id`s in `schema`
    /// and in `registry`; a root without `$id` has no base URI, so its references must be fragments or
    /// absolute URIs.
    /// - Parameters:
    ///   - schema: The schema, an object or a boolean.
    ///   - registry: Other schema documents it may reference, keyed by absolute URI.
    ///   - options: Format assertion and depth limit.
    /// - Throws: ``SchemaError``: `.notASchema`, `.invalidKeywordValue`, `.invalidPattern`,
    ///   `.invalidIdentifier`, `.duplicateIdentifier`, `.invalidRegistryURI`, `.unresolvedReference` or
    ///   `.referenceCycle`.
    public init(_ schema: JSONValue, registry: SchemaRegistry = .init(), options: Options = .init())
        throws(SchemaError)
    {
        let index = try SchemaIndex(root: schema, registry: registry)
        var compiler = SchemaCompiler(index: index, assertsFormat: options.assertsFormat)
        let root = try compiler.compileRoot()
        try compiler.checkForCycles(from: root)
        self.nodes = compiler.nodes
        self.dynamicAnchors = compiler.dynamicAnchors
        self.root = root
        self.tracksAnnotations = compiler.nodes.contains { node in
            guard case .keywords(let table) = node.body else { return false }
            return table.keywords.unevaluatedItems != nil || table.keywords.unevaluatedProperties != nil
        }
        self.options = options
    }

    /// Validates `instance` and lists every violation; an empty list means it is valid.
    ///
    /// Core §7.6-7.7 and §12 (output): each violation carries its instance location (an RFC 6901 JSON
    /// Pointer), keyword location and a message naming the field. An instance too deep to check within
    /// ``Options/maxDepth`` is rejected with one violation whose keyword is `maxDepth` (fail closed); use
    /// ``check(_:)`` to get that as an error instead.
    /// - Parameter instance: The JSON value to validate.
    /// - Returns: The violations, in evaluation order.
    public func validate(_ instance: JSONValue) -> [SchemaViolation] {
        do {
            return try check(instance)
        } catch {
            // Only the depth limit can stop evaluation; whatever stops it, the instance is rejected.
            var location = ""
            var reason = "could not be checked"
            if case .depthLimitExceeded(let limit, let instanceLocation) = error {
                location = instanceLocation
                reason = "nested too deeply to check (limit \(limit))"
            }
            let field = SchemaPath.fieldName(ofInstance: location)
            return [
                SchemaViolation(
                    instanceLocation: location, keywordLocation: "", keyword: "maxDepth", message: "\(field): \(reason)"
                )
            ]
        }
    }

    /// Validates `instance`, throwing when it cannot be checked.
    ///
    /// Same rules as ``validate(_:)``.
    /// - Parameter instance: The JSON value to validate.
    /// - Returns: The violations, in evaluation order; empty when the instance is valid.
    /// - Throws: ``SchemaError/depthLimitExceeded(limit:instanceLocation:)`` when evaluation nests deeper
    ///   than ``Options/maxDepth``.
    public func check(_ instance: JSONValue) throws(SchemaError) -> [SchemaViolation] {
        var evaluator = SchemaEvaluator(
            nodes: nodes, dynamicAnchors: dynamicAnchors, maxDepth: options.maxDepth,
            tracksAnnotations: tracksAnnotations)
        return try evaluator.evaluate(root, instance, SchemaPath()).violations
    }

    /// Whether `instance` is valid (``validate(_:)`` finds no violation).
    /// - Parameter instance: The JSON value to validate.
    /// - Returns: `true` when there is no violation.
    public func isValid(_ instance: JSONValue) -> Bool {
        validate(instance).isEmpty
    }
}
