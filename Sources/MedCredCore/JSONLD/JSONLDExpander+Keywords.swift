/// Expansion of keyword entries (JSON-LD 1.1 API §5.1.2 step 13.4,
/// https://www.w3.org/TR/json-ld11-api/#expansion-algorithm).
extension JSONLDExpander {
    func expandKeyword(
        _ keyword: String, value: JSONValue, state: ObjectState, into result: inout JSONObject
    ) throws(JSONLDError) {
        let active = state.active
        if state.activeProperty == "@reverse" { throw JSONLDError(.invalidReversePropertyMap, keyword) }
        if result[keyword] != nil && keyword != "@included" && keyword != "@type" {
            throw JSONLDError(.collidingKeywords, keyword)
        }
        let isOneOneMode = options.processingMode != "json-ld-1.0"
        var expanded: JSONValue?
        switch keyword {
        case "@id":
            guard case .string(let text) = value else { throw JSONLDError(.invalidIdValue) }
            expanded = active.expandIRI(text, documentRelative: true).map(JSONValue.string) ?? .null
        case "@type":
            expanded = try expandType(value, state: state)
            if let existing = result["@type"] {
                expanded = .array(Self.array(existing) + Self.array(expanded))
            }
        case "@graph":
            let graph = try expand(value, context: active, activeProperty: "@graph", baseURL: state.baseURL)
            expanded = .array(Self.array(graph))
        case "@included":
            guard isOneOneMode else { return }
            let included = Self.array(
                try expand(value, context: active, activeProperty: "@included", baseURL: state.baseURL))
            for item in included {
                guard case .object(let object) = item, object["@value"] == nil, object["@list"] == nil,
                    object["@set"] == nil
                else { throw JSONLDError(.invalidIncludedValue) }
            }
            expanded = .array(Self.array(result["@included"]) + included)
        case "@value":
            if state.inputType == "@json" {
                guard isOneOneMode else { throw JSONLDError(.invalidValueObjectValue) }
                expanded = value
            } else {
                switch value {
                case .array, .object: throw JSONLDError(.invalidValueObjectValue)
                default: expanded = value
                }
            }
            result["@value"] = expanded ?? .null
            return
        case "@language":
            guard case .string(let text) = value else { throw JSONLDError(.invalidLanguageTaggedString) }
            expanded = .string(text.lowercased())
        case "@direction":
            guard isOneOneMode else { return }
            guard value == .string("ltr") || value == .string("rtl") else {
                throw JSONLDError(.invalidBaseDirection)
            }
            expanded = value
        case "@index":
            guard case .string = value else { throw JSONLDError(.invalidIndexValue) }
            expanded = value
        case "@list":
            if state.activeProperty == nil || state.activeProperty == "@graph" { return }
            let list = try expand(
                value, context: active, activeProperty: state.activeProperty, baseURL: state.baseURL)
            expanded = .array(Self.array(list))
        case "@set":
            expanded = try expand(
                value, context: active, activeProperty: state.activeProperty, baseURL: state.baseURL)
        case "@reverse":
            try expandReverse(value, state: state, into: &result)
            return
        default:
            return
        }
        if let expanded { result[keyword] = expanded }
    }

    /// §5.1.2 step 13.4.13: `@reverse` entries become forward properties or the reverse map.
    private func expandReverse(
        _ value: JSONValue, state: ObjectState, into result: inout JSONObject
    ) throws(JSONLDError) {
        guard case .object = value else { throw JSONLDError(.invalidReverseValue) }
        let expanded = try expand(value, context: state.active, activeProperty: "@reverse", baseURL: state.baseURL)
        guard case .object(let object) = expanded else { return }
        if case .object(let doubleReversed) = object["@reverse"] {
            for (property, items) in doubleReversed {
                result[property] = .array(Self.array(result[property]) + Self.array(items))
            }
        }
        var reverseMap = result["@reverse"]?.objectValue ?? JSONObject()
        for (property, items) in object where property != "@reverse" {
            try Self.addReverse(items, property: property, to: &reverseMap)
        }
        if !reverseMap.isEmpty { result["@reverse"] = .object(reverseMap) }
    }

    private func expandType(_ value: JSONValue, state: ObjectState) throws(JSONLDError) -> JSONValue {
        func one(_ text: String) throws(JSONLDError) -> JSONValue {
            let iri = state.typeScoped.expandIRI(text, documentRelative: true, vocab: true)
            if options.undefinedTerms == .error {
                let mapped = state.typeScoped.expandIRI(text, vocab: true)
                guard let mapped, mapped.contains(":") else { throw JSONLDError(.undefinedTerm, text) }
            }
            return iri.map(JSONValue.string) ?? .null
        }
        switch value {
        case .string(let text):
            return try one(text)
        case .array(let items):
            var types: [JSONValue] = []
            for item in items {
                guard case .string(let text) = item else { throw JSONLDError(.invalidTypeValue) }
                types.append(try one(text))
            }
            return .array(types)
        default:
            throw JSONLDError(.invalidTypeValue)
        }
    }
}
