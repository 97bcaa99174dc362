/// Schema documents that `$ref` may reach besides the root schema, keyed by absolute URI.
///
/// JSON Schema 2020-12 Core §9.1.2 (loading referenced schemas) lets an implementation resolve
/// references from documents it already holds: <https://json-schema.org/draft/2020-12/json-schema-core#section-9.1.2>.
/// MedCred never fetches a schema: whatever a schema may reference is registered here first, so
/// validation needs no I/O. A document's own `$id` (and every embedded `$id`) is also found, so a
/// document may be registered under its retrieval URI and still be reached by its `$id`.
public struct SchemaRegistry: Sendable {
    /// The documents, keyed by the absolute URI they were registered under (without a fragment).
    public private(set) var documents: [String: JSONValue]

    /// A registry holding `documents`.
    /// - Parameter documents: Schema documents keyed by absolute URI; keys are checked when a
    ///   ``JSONSchema`` is built.
    public init(_ documents: [String: JSONValue] = [:]) {
        self.documents = documents
    }

    /// Adds or replaces the document at `uri`.
    /// - Parameters:
    ///   - document: A schema (object or boolean).
    ///   - uri: The absolute URI it is retrieved from, e.g. `https://schemas.medcred.dev/X/v1.json`.
    public mutating func register(_ document: JSONValue, at uri: String) {
        documents[uri] = document
    }

    /// Adds or replaces a document under its own `$id` (Core §8.2.1).
    /// - Parameter document: A schema object with an absolute `$id`.
    /// - Throws: ``SchemaError/invalidRegistryURI(_:)`` when `$id` is missing or not an absolute URI.
    public mutating func register(_ document: JSONValue) throws(SchemaError) {
        guard let id = document["$id"]?.stringValue, URIReference(splitting: id).isAbsolute else {
            throw .invalidRegistryURI(document["$id"]?.stringValue ?? "")
        }
        documents[URIReference(splitting: id).withoutFragment.text] = document
    }
}
