/// Language, index, id and type maps (JSON-LD 1.1 API §5.1.2 steps 13.7–13.8,
/// https://www.w3.org/TR/json-ld11-api/#expansion-algorithm).
extension JSONLDExpander {
    func expandLanguageMap(
        _ map: JSONObject, definition: JSONLDTermDefinition?, context: JSONLDContext
    ) throws(JSONLDError) -> JSONValue {
        var result: [JSONValue] = []
        let direction = definition?.direction ?? context.defaultBaseDirection.map(JSONValue.string) ?? .null
        for language in map.names.sorted() {
            for item in Self.array(map[language]) {
                switch item {
                case .null: continue
                case .string:
                    var value: JSONObject = ["@value": item]
                    if context.expandIRI(language, vocab: true) != "@none" {
                        value["@language"] = .string(language.lowercased())
                    }
                    if case .string = direction { value["@direction"] = direction }
                    result.append(.object(value))
                default:
                    throw JSONLDError(.invalidLanguageMapValue, language)
                }
            }
        }
        return .array(result)
    }

    func expandIndexMap(
        _ map: JSONObject, key: String, container: Set<String>, definition: JSONLDTermDefinition?,
        state: ObjectState
    ) throws(JSONLDError) -> JSONValue {
        let active = state.active
        var result: [JSONValue] = []
        let indexKey = definition?.index ?? "@index"
        for index in map.names.sorted() {
            var mapContext = active
            if container.contains("@id") || container.contains("@type") {
                mapContext = active.previousContext.first ?? active
            }
            if container.contains("@type"), let scoped = mapContext.terms[index]?.localContext {
                mapContext = try mapContext.processing(
                    scoped: scoped, baseURL: mapContext.terms[index]?.baseURL, loader: options.documentLoader)
            }
            let expandedIndex = active.expandIRI(index, vocab: true)
            let values = Self.array(
                try expand(
                    map[index] ?? .null, context: mapContext, activeProperty: key, baseURL: state.baseURL,
                    fromMap: true))
            for value in values {
                var item = value
                if container.contains("@graph") && !Self.isGraphObject(item) {
                    item = .object(["@graph": .array(Self.array(item))])
                }
                guard case .object(var object) = item else { continue }
                if container.contains("@index") && indexKey != "@index" && expandedIndex != "@none" {
                    let reExpanded = try expandValue(.string(index), context: active, activeProperty: indexKey)
                    guard let property = active.expandIRI(indexKey, vocab: true) else { continue }
                    object[property] = .array([reExpanded] + Self.array(object[property]))
                    if object["@value"] != nil { throw JSONLDError(.invalidValueObject, index) }
                } else if container.contains("@index") && object["@index"] == nil && expandedIndex != "@none" {
                    object["@index"] = .string(index)
                } else if container.contains("@id") && object["@id"] == nil && expandedIndex != "@none" {
                    let id = active.expandIRI(index, documentRelative: true)
                    object["@id"] = id.map(JSONValue.string) ?? .null
                } else if container.contains("@type") && expandedIndex != "@none" {
                    object["@type"] = .array(
                        [expandedIndex.map(JSONValue.string) ?? .null] + Self.array(object["@type"]))
                }
                result.append(.object(object))
            }
        }
        return .array(result)
    }
}
