/// The Expansion Algorithm (JSON-LD 1.1 API §5.1.2, https://www.w3.org/TR/json-ld11-api/#expansion-algorithm).
struct JSONLDExpander {
    let options: JSONLDOptions

    /// Expands `element`; `nil` stands for JSON `null` (dropped).
    func expand(
        _ element: JSONValue, context: JSONLDContext, activeProperty: String?, baseURL: String?,
        fromMap: Bool = false
    ) throws(JSONLDError) -> JSONValue? {
        let definition = activeProperty.flatMap { context.terms[$0] }
        let propertyScopedContext = definition?.localContext
        switch element {
        case .null:
            return nil
        case .array(let items):
            var result: [JSONValue] = []
            for item in items {
                var expanded = try expand(
                    item, context: context, activeProperty: activeProperty, baseURL: baseURL, fromMap: fromMap)
                if definition?.container.contains("@list") == true, case .array(let list) = expanded {
                    expanded = .object(["@list": .array(list)])
                }
                switch expanded {
                case .array(let list): result.append(contentsOf: list)
                case let value?: result.append(value)
                case nil: break
                }
            }
            return .array(result)
        case .object(let object):
            return try expandObject(
                object, context: context, activeProperty: activeProperty, baseURL: baseURL, fromMap: fromMap)
        default:
            if activeProperty == nil || activeProperty == "@graph" { return nil }
            var active = context
            if let propertyScopedContext {
                active = try context.processing(
                    scoped: propertyScopedContext, baseURL: definition?.baseURL, loader: options.documentLoader)
            }
            return try expandValue(element, context: active, activeProperty: activeProperty)
        }
    }

    private func expandObject(
        _ element: JSONObject, context: JSONLDContext, activeProperty: String?, baseURL: String?, fromMap: Bool
    ) throws(JSONLDError) -> JSONValue? {
        var active = context
        let definition = activeProperty.flatMap { context.terms[$0] }
        if let previous = active.previousContext.first, !fromMap {
            let expandedKeys = element.names.map { active.expandIRI($0, vocab: true) }
            let isValue = expandedKeys.contains("@value")
            let isIDOnly = expandedKeys.count == 1 && expandedKeys.first == "@id"
            if !isValue && !isIDOnly { active = previous }
        }
        if let scoped = definition?.localContext {
            active = try active.processing(
                scoped: scoped, baseURL: definition?.baseURL, loader: options.documentLoader, overrideProtected: true)
        }
        if let local = element["@context"] {
            active = try active.processing(local, baseURL: baseURL, loader: options.documentLoader)
        }
        let typeScopedContext = active
        var inputType: String?
        for key in element.names.sorted() where active.expandIRI(key, vocab: true) == "@type" {
            let value = element[key] ?? .null
            let types: [JSONValue] = if case .array(let items) = value { items } else { [value] }
            for type in types.compactMap(\.stringValue).sorted() {
                if let scoped = typeScopedContext.terms[type]?.localContext {
                    active = try active.processing(
                        scoped: scoped, baseURL: typeScopedContext.terms[type]?.baseURL, loader: options.documentLoader,
                        propagate: false)
                }
            }
            if inputType == nil, case .string(let last)? = types.last {
                inputType = typeScopedContext.expandIRI(last, vocab: true)
            }
        }
        var result = JSONObject()
        let state = ObjectState(
            active: active, typeScoped: typeScopedContext, activeProperty: activeProperty, baseURL: baseURL,
            inputType: inputType)
        try expandEntries(element, state: state, into: &result)
        return try finish(result, activeProperty: activeProperty)
    }

    struct ObjectState {
        var active: JSONLDContext
        var typeScoped: JSONLDContext
        var activeProperty: String?
        var baseURL: String?
        var inputType: String?
    }

    /// Steps 13–14: every entry, then the values of `@nest` entries as if they were entries of `element`.
    private func expandEntries(
        _ element: JSONObject, state: ObjectState, into result: inout JSONObject
    ) throws(JSONLDError) {
        var nests: [String] = []
        for key in element.names.sorted() where key != "@context" {
            if state.active.expandIRI(key, vocab: true) == "@nest" {
                nests.append(key)
                continue
            }
            try expandEntry(key, value: element[key] ?? .null, state: state, into: &result)
        }
        for key in nests {
            var nestedState = state
            if let definition = state.active.terms[key], let scoped = definition.localContext {
                nestedState.active = try state.active.processing(
                    scoped: scoped, baseURL: definition.baseURL, loader: options.documentLoader, overrideProtected: true)
            }
            for nested in Self.array(element[key]) {
                guard case .object(let object) = nested,
                    !object.names.contains(where: { nestedState.active.expandIRI($0, vocab: true) == "@value" })
                else { throw JSONLDError(.invalidNestValue, key) }
                try expandEntries(object, state: nestedState, into: &result)
            }
        }
    }

    private func expandEntry(
        _ key: String, value: JSONValue, state: ObjectState, into result: inout JSONObject
    ) throws(JSONLDError) {
        let active = state.active
        guard let property = active.expandIRI(key, vocab: true),
            property.contains(":") || JSONLDKeyword.isKeyword(property)
        else {
            // A term explicitly mapped to null is a deliberate drop, not an undefined term.
            if options.undefinedTerms == .error && active.terms[key] == nil { throw JSONLDError(.undefinedTerm, key) }
            return
        }
        if JSONLDKeyword.isKeyword(property) {
            try expandKeyword(property, value: value, state: state, into: &result)
            return
        }
        let definition = active.terms[key]
        let container = definition?.container ?? []
        var expanded: JSONValue?
        if definition?.typeMapping == "@json" {
            expanded = .object(["@value": value, "@type": "@json"])
        } else if container.contains("@language"), case .object(let map) = value {
            expanded = try expandLanguageMap(map, definition: definition, context: active)
        } else if !container.isDisjoint(with: ["@index", "@type", "@id"]), case .object(let map) = value {
            expanded = try expandIndexMap(map, key: key, container: container, definition: definition, state: state)
        } else {
            expanded = try expand(value, context: active, activeProperty: key, baseURL: state.baseURL)
        }
        guard var expanded else { return }
        if container.contains("@list"), !Self.isListObject(expanded) {
            expanded = .object(["@list": .array(Self.array(expanded))])
        }
        if container.contains("@graph") && container.isDisjoint(with: ["@id", "@index"]) {
            expanded = .array(Self.array(expanded).map { .object(["@graph": .array(Self.array($0))]) })
        }
        if definition?.isReverse == true {
            var reverseMap = result["@reverse"]?.objectValue ?? JSONObject()
            try Self.addReverse(expanded, property: property, to: &reverseMap)
            result["@reverse"] = .object(reverseMap)
            return
        }
        result[property] = .array(Self.array(result[property]) + Self.array(expanded))
    }

    /// Adds node values to a reverse map; a value or list object there is `invalid reverse property value`.
    static func addReverse(_ values: JSONValue, property: String, to reverseMap: inout JSONObject) throws(JSONLDError) {
        var items = array(reverseMap[property])
        for item in array(values) {
            if case .object(let object) = item, object["@value"] != nil || object["@list"] != nil {
                throw JSONLDError(.invalidReversePropertyValue, property)
            }
            items.append(item)
        }
        reverseMap[property] = .array(items)
    }

    static func array(_ value: JSONValue?) -> [JSONValue] {
        switch value {
        case nil: []
        case .array(let items)?: items
        case let value?: [value]
        }
    }

    static func isListObject(_ value: JSONValue) -> Bool {
        if case .object(let object) = value { return object["@list"] != nil }
        return false
    }

    static func isGraphObject(_ value: JSONValue) -> Bool {
        guard case .object(let object) = value, object["@graph"] != nil else { return false }
        return object.names.allSatisfy { ["@graph", "@id", "@index", "@context"].contains($0) }
    }
}
