/// Value expansion (JSON-LD 1.1 API §5.3.2, https://www.w3.org/TR/json-ld11-api/#value-expansion) and the
/// checks at the end of the expansion algorithm (§5.1.2 steps 15–20).
extension JSONLDExpander {
    func expandValue(
        _ value: JSONValue, context: JSONLDContext, activeProperty: String?
    ) throws(JSONLDError) -> JSONValue {
        let definition = activeProperty.flatMap { context.terms[$0] }
        if case .string(let text) = value {
            if definition?.typeMapping == "@id" {
                return .object(["@id": context.expandIRI(text, documentRelative: true).map(JSONValue.string) ?? .null])
            }
            if definition?.typeMapping == "@vocab" {
                let iri = context.expandIRI(text, documentRelative: true, vocab: true)
                return .object(["@id": iri.map(JSONValue.string) ?? .null])
            }
        }
        var result: JSONObject = ["@value": value]
        if let type = definition?.typeMapping, !["@id", "@vocab", "@none"].contains(type) {
            result["@type"] = .string(type)
        } else if case .string = value {
            let language = definition?.language ?? context.defaultLanguage.map(JSONValue.string) ?? .null
            if case .string = language { result["@language"] = language }
            let direction = definition?.direction ?? context.defaultBaseDirection.map(JSONValue.string) ?? .null
            if case .string = direction { result["@direction"] = direction }
        }
        return .object(result)
    }

    func finish(_ input: JSONObject, activeProperty: String?) throws(JSONLDError) -> JSONValue? {
        var result = input
        if let value = result["@value"] {
            let allowed: Set<String> = ["@direction", "@index", "@language", "@type", "@value"]
            guard result.names.allSatisfy(allowed.contains),
                result["@type"] == nil || (result["@language"] == nil && result["@direction"] == nil)
            else { throw JSONLDError(.invalidValueObject) }
            if result["@type"] == .string("@json") {
                // Any JSON is allowed as a JSON literal.
            } else if value == .null {
                return nil
            } else if result["@language"] != nil, value.stringValue == nil {
                throw JSONLDError(.invalidLanguageTaggedValue)
            } else if let type = result["@type"] {
                guard case .string(let iri) = type, JSONLDToRDF.isWellFormedIRI(iri) else {
                    throw JSONLDError(.invalidTypedValue)
                }
            }
        } else if let type = result["@type"], type.arrayValue == nil {
            result["@type"] = .array([type])
        } else if result["@set"] != nil || result["@list"] != nil {
            guard result.names.filter({ $0 != "@index" }).count == 1 else {
                throw JSONLDError(.invalidSetOrListObject)
            }
            if let set = result["@set"] { return set }
        }
        if result.count == 1 && result["@language"] != nil { return nil }
        if activeProperty == nil || activeProperty == "@graph" {
            if result.isEmpty || result["@value"] != nil || result["@list"] != nil
                || (result.count == 1 && result["@id"] != nil)
            {
                return nil
            }
        }
        return .object(result)
    }
}
