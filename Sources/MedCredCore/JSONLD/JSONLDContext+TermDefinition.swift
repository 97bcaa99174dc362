/// Create Term Definition (JSON-LD 1.1 API §4.2.2, https://www.w3.org/TR/json-ld11-api/#create-term-definition).
extension JSONLDContext {

    mutating func createTermDefinition(
        _ term: String, local: JSONObject, defined: inout [String: Bool], environment: JSONLDTermEnvironment
    ) throws(JSONLDError) {
        if let state = defined[term] {
            if state { return }
            throw JSONLDError(.cyclicIRIMapping, term)
        }
        guard !term.isEmpty else { throw JSONLDError(.invalidTermDefinition, term) }
        defined[term] = false
        let value = local[term] ?? .null
        let isOneOneMode = processingMode != "json-ld-1.0"
        if term == "@type", isOneOneMode, case .object(let object) = value, !object.isEmpty,
            object.names.allSatisfy({ $0 == "@container" || $0 == "@protected" }),
            object["@container"].map({ $0 == .string("@set") }) ?? true
        {
            // @type may be given @container @set and @protected (JSON-LD 1.1 §4.3.3).
        } else if JSONLDKeyword.isKeyword(term) {
            throw JSONLDError(.keywordRedefinition, term)
        }
        if term != "@type" && JSONLDIRI.isKeywordForm(term) {
            defined[term] = true
            return
        }
        let previous = terms.removeValue(forKey: term)
        var object: JSONObject
        var isSimpleTerm = false
        switch value {
        case .null: object = ["@id": .null]
        case .string(let text):
            object = ["@id": .string(text)]
            isSimpleTerm = true
        case .object(let members): object = members
        default: throw JSONLDError(.invalidTermDefinition, term)
        }
        var definition = JSONLDTermDefinition()
        definition.isProtected = environment.isProtected
        if let value = object["@protected"] {
            if !isOneOneMode { throw JSONLDError(.invalidTermDefinition, term) }
            guard case .bool(let flag) = value else { throw JSONLDError(.invalidProtectedValue, term) }
            definition.isProtected = flag
        }
        if let value = object["@type"] {
            guard case .string(let text) = value else { throw JSONLDError(.invalidTypeMapping, term) }
            let type = try expandIRI(
                text, vocab: true, local: local, defined: &defined, environment: environment)
            guard let type else { throw JSONLDError(.invalidTypeMapping, term) }
            if (type == "@json" || type == "@none") && !isOneOneMode { throw JSONLDError(.invalidTypeMapping, term) }
            if !["@id", "@json", "@none", "@vocab"].contains(type) && !JSONLDIRI.isAbsolute(type) {
                throw JSONLDError(.invalidTypeMapping, term)
            }
            definition.typeMapping = type
        }
        if let value = object["@reverse"] {
            if object["@id"] != nil || object["@nest"] != nil { throw JSONLDError(.invalidReverseProperty, term) }
            guard case .string(let text) = value else { throw JSONLDError(.invalidIRIMapping, term) }
            if JSONLDIRI.isKeywordForm(text) {
                defined[term] = true
                return
            }
            let iri = try expandIRI(text, vocab: true, local: local, defined: &defined, environment: environment)
            guard let iri, iri.contains(":") else { throw JSONLDError(.invalidIRIMapping, term) }
            definition.iri = iri
            definition.isReverse = true
        } else if let value = object["@id"], value != .string(term) {
            if case .null = value {
                definition.iri = nil
            } else {
                guard case .string(let text) = value else { throw JSONLDError(.invalidIRIMapping, term) }
                if !JSONLDKeyword.isKeyword(text) && JSONLDIRI.isKeywordForm(text) {
                    defined[term] = true
                    return
                }
                let iri = try expandIRI(text, vocab: true, local: local, defined: &defined, environment: environment)
                guard let iri, JSONLDKeyword.isKeyword(iri) || JSONLDIRI.isAbsoluteOrBlank(iri) else {
                    throw JSONLDError(.invalidIRIMapping, term)
                }
                if iri == "@context" { throw JSONLDError(.invalidKeywordAlias, term) }
                definition.iri = iri
                if term.dropFirst().dropLast().contains(":") || term.contains("/") {
                    defined[term] = true
                    let expanded = try expandIRI(
                        term, vocab: true, local: local, defined: &defined, environment: environment)
                    if expanded != iri { throw JSONLDError(.invalidIRIMapping, term) }
                }
                if !term.contains(":") && !term.contains("/") && isSimpleTerm
                    && (iri.hasPrefix("_:") || iri.last.map { ":/?#[]@".contains($0) } == true)
                {
                    definition.isPrefix = true
                }
            }
        } else if let colon = term.dropFirst().firstIndex(of: ":") {
            let prefix = String(term[..<colon])
            let suffix = String(term[term.index(after: colon)...])
            if local[prefix] != nil {
                try createTermDefinition(prefix, local: local, defined: &defined, environment: environment)
            }
            if let prefixDefinition = terms[prefix], let iri = prefixDefinition.iri {
                definition.iri = iri + suffix
            } else {
                definition.iri = term
            }
        } else if term.contains("/") {
            // Without the local context: the term itself is being defined, so looking it up would be a cycle.
            let iri = expandIRI(term, vocab: true)
            guard let iri, JSONLDIRI.isAbsolute(iri) else { throw JSONLDError(.invalidIRIMapping, term) }
            definition.iri = iri
        } else if term == "@type" {
            definition.iri = "@type"
        } else if let vocabularyMapping {
            definition.iri = vocabularyMapping + term
        } else {
            throw JSONLDError(.invalidIRIMapping, term)
        }
        try applyOptions(object, to: &definition, term: term, environment: environment)
        if !environment.overrideProtected, let previous, previous.isProtected {
            if !definition.sameDefinition(as: previous) { throw JSONLDError(.protectedTermRedefinition, term) }
            definition = previous
        }
        terms[term] = definition
        defined[term] = true
    }
}
