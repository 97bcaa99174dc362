/// A JSON-LD 1.1 processor: expansion and deserialization to RDF
/// (JSON-LD 1.1 Processing Algorithms and API, https://www.w3.org/TR/json-ld11-api/).
///
/// Pure: remote contexts come only from ``JSONLDOptions/documentLoader``.
public enum JSONLD {
    /// Expands a document (JSON-LD 1.1 API §9.2 `expand()`, https://www.w3.org/TR/json-ld11-api/#dom-jsonldprocessor-expand).
    /// - Parameters:
    ///   - document: the parsed JSON-LD document.
    ///   - options: base IRI, loader, processing mode and undefined-term policy.
    /// - Returns: the expanded document, always an array of node objects.
    /// - Throws: ``JSONLDError`` with the spec error code, or ``JSONLDErrorCode/undefinedTerm`` under
    ///   ``JSONLDOptions/UndefinedTerms/error``.
    public static func expand(_ document: JSONValue, options: JSONLDOptions) throws(JSONLDError) -> [JSONValue] {
        var active = JSONLDContext(base: options.base)
        active.processingMode = options.processingMode
        active.cacheID = options.documentLoader?.contextCache?.rootID(
            base: options.base, processingMode: options.processingMode)
        if let expandContext = options.expandContext {
            let local = expandContext["@context"] ?? expandContext
            active = try active.processing(local, baseURL: options.base, loader: options.documentLoader)
        }
        let expander = JSONLDExpander(options: options)
        var expanded = try expander.expand(document, context: active, activeProperty: nil, baseURL: options.base)
        if case .object(let object) = expanded, object.count == 1, let graph = object["@graph"] {
            expanded = graph
        }
        return JSONLDExpander.array(expanded)
    }

    /// Converts a document to an RDF dataset (JSON-LD 1.1 API §9.2 `toRdf()`,
    /// https://www.w3.org/TR/json-ld11-api/#dom-jsonldprocessor-tordf): expansion, node map generation, then
    /// §8.1.2. Blank nodes are labelled `b0`, `b1`, …; `@json` literals are JCS text typed `rdf:JSON`.
    /// - Parameters:
    ///   - document: the parsed JSON-LD document.
    ///   - options: as for ``expand(_:options:)``.
    /// - Returns: the dataset; canonicalize it with ``RDFCanonicalizer`` before hashing.
    /// - Throws: as ``expand(_:options:)``.
    public static func toRDF(_ document: JSONValue, options: JSONLDOptions) throws(JSONLDError) -> RDFDataset {
        let expanded = try expand(document, options: options)
        var nodeMap = JSONLDNodeMap()
        var none: [JSONValue]? = nil
        try nodeMap.add(.array(expanded), graph: "@default", subject: nil, property: nil, list: &none)
        var converter = JSONLDToRDF(nodeMap: nodeMap)
        converter.run()
        return RDFDataset(quads: converter.quads)
    }
}
