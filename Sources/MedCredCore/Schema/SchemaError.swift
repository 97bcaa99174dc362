/// Why a JSON Schema could not be used, or an instance could not be checked against it.
///
/// JSON Schema 2020-12 Core §4.3 (schema documents), §8.2 (identifiers and references) and §9.4 (loops):
/// <https://json-schema.org/draft/2020-12/json-schema-core>. A schema `location` is the URI of the
/// schema resource (empty for a root schema without `$id`) and a JSON Pointer fragment from the document
/// root, e.g. `#/properties/licenseNumber/pattern`.
public enum SchemaError: Error, Equatable, Sendable {
    /// The value at `location` should be a schema but is neither an object nor a boolean (Core §4.3).
    case notASchema(location: String)
    /// The keyword's value has the wrong type or range, e.g. `"minLength": -1` or `"required": "a"`
    /// (Validation §6, Core §10).
    case invalidKeywordValue(keyword: String, location: String)
    /// The `pattern` or `patternProperties` name is not a regular expression this validator can run
    /// (Validation §6.3.3).
    case invalidPattern(String, location: String)
    /// `$id`, `$anchor` or `$dynamicAnchor` is malformed: an `$id` with a non-empty fragment, or an anchor
    /// that is not `[A-Za-z_][-A-Za-z0-9._]*` (Core §8.2.1, §8.2.2).
    case invalidIdentifier(String, location: String)
    /// Two different schemas in one document claim the same URI (Core §8.2.1).
    case duplicateIdentifier(String, location: String)
    /// A registry entry is keyed by a URI that is not absolute (Core §8.2.1 requires absolute URIs).
    case invalidRegistryURI(String)
    /// A `$ref` or `$dynamicRef` names no schema in this document or the registry (Core §8.2.3).
    case unresolvedReference(String, location: String)
    /// References at `location` lead back to the same schema without moving into the instance, so
    /// evaluation would never end (Core §9.4.1).
    case referenceCycle(location: String)
    /// Evaluation nested deeper than `limit` schemas at `instanceLocation` (an RFC 6901 pointer); the
    /// instance is too deep to check safely.
    case depthLimitExceeded(limit: Int, instanceLocation: String)
}
