/// IRI expansion (JSON-LD 1.1 API §4.4.2, https://www.w3.org/TR/json-ld11-api/#iri-expansion).
extension JSONLDContext {
    /// Expands `value` to an IRI, a keyword or a blank node; `nil` when it maps to nothing. With a local
    /// context, the definitions `value` and its prefix depend on are created first (steps 3 and 6.2).
    mutating func expandIRI(
        _ value: String, documentRelative: Bool = false, vocab: Bool = false, local: JSONObject? = nil,
        defined: inout [String: Bool], environment: JSONLDTermEnvironment? = nil
    ) throws(JSONLDError) -> String? {
        guard let local, let environment else { return expandIRI(value, documentRelative: documentRelative, vocab: vocab) }
        if JSONLDKeyword.isKeyword(value) { return value }
        if JSONLDIRI.isKeywordForm(value) { return nil }
        if local[value] != nil, defined[value] != true {
            try createTermDefinition(value, local: local, defined: &defined, environment: environment)
        }
        if let term = terms[value], let iri = term.iri, JSONLDKeyword.isKeyword(iri) { return iri }
        if vocab, let term = terms[value] { return term.iri }
        if let colon = value.dropFirst().firstIndex(of: ":") {
            let prefix = String(value[..<colon])
            if prefix == "_" || value[value.index(after: colon)...].hasPrefix("//") { return value }
            if local[prefix] != nil, defined[prefix] != true {
                try createTermDefinition(prefix, local: local, defined: &defined, environment: environment)
            }
        }
        return expandIRI(value, documentRelative: documentRelative, vocab: vocab)
    }

    /// IRI expansion without a local context, for the expansion algorithm (steps 1–2, 4–9).
    func expandIRI(_ value: String, documentRelative: Bool = false, vocab: Bool = false) -> String? {
        if JSONLDKeyword.isKeyword(value) { return value }
        if JSONLDIRI.isKeywordForm(value) { return nil }
        if let term = terms[value] {
            if let iri = term.iri, JSONLDKeyword.isKeyword(iri) { return iri }
            if vocab { return term.iri }
        }
        if let colon = value.dropFirst().firstIndex(of: ":") {
            let prefix = value[..<colon]
            let suffix = value[value.index(after: colon)...]
            if prefix == "_" || suffix.hasPrefix("//") { return value }
            if let term = terms[String(prefix)], let iri = term.iri, term.isPrefix { return iri + suffix }
            if JSONLDIRI.isAbsolute(value) { return value }
        }
        if vocab, let vocabularyMapping { return vocabularyMapping + value }
        if documentRelative { return JSONLDIRI.resolve(value, against: baseIRI) }
        return value
    }
}
