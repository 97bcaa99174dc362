/// IRI expansion (JSON-LD 1.1 API §4.4.2, https://www.w3.org/TR/json-ld11-api/#iri-expansion).
extension JSONLDContext {
    /// Expands `value` to an IRI, a keyword or a blank node; `nil` when it maps to nothing.
    mutating func expandIRI(
        _ value: String, documentRelative: Bool = false, vocab: Bool = false, local: JSONObject? = nil,
        defined: inout [String: Bool], environment: JSONLDTermEnvironment? = nil
    ) throws(JSONLDError) -> String? {
        if JSONLDKeyword.isKeyword(value) { return value }
        if JSONLDIRI.isKeywordForm(value) { return nil }
        if let local, local[value] != nil, defined[value] != true, let environment {
            try createTermDefinition(value, local: local, defined: &defined, environment: environment)
        }
        if let term = terms[value], let iri = term.iri, JSONLDKeyword.isKeyword(iri) { return iri }
        if vocab, let term = terms[value] { return term.iri }
        if let colon = value.dropFirst().firstIndex(of: ":") {
            let prefix = String(value[..<colon])
            let suffix = String(value[value.index(after: colon)...])
            if prefix == "_" || suffix.hasPrefix("//") { return value }
            if let local, local[prefix] != nil, defined[prefix] != true, let environment {
                try createTermDefinition(prefix, local: local, defined: &defined, environment: environment)
            }
            if let term = terms[prefix], let iri = term.iri, term.isPrefix { return iri + suffix }
            if JSONLDIRI.isAbsolute(value) { return value }
        }
        if vocab, let vocabularyMapping { return vocabularyMapping + value }
        if documentRelative { return JSONLDIRI.resolve(value, against: baseIRI) }
        return value
    }

    /// IRI expansion without a local context, for the expansion algorithm.
    func expandIRI(_ value: String, documentRelative: Bool = false, vocab: Bool = false) -> String? {
        var copy = self
        var defined: [String: Bool] = [:]
        // Without a local context no term definition is created, so nothing can throw.
        return (try? copy.expandIRI(value, documentRelative: documentRelative, vocab: vocab, defined: &defined))
            ?? nil
    }
}
