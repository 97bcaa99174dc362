/// Node Map Generation (JSON-LD 1.1 API §7.2.2, https://www.w3.org/TR/json-ld11-api/#node-map-generation),
/// the first half of Deserialize JSON-LD to RDF.
struct JSONLDNodeMap {
    /// Graph name → subject → node object.
    var graphs: [String: [String: JSONObject]] = ["@default": [:]]
    private var counter = 0
    private var issued: [String: String] = [:]

    /// A fresh blank node identifier, or the one already issued for `existing`.
    mutating func blankNode(for existing: String? = nil) -> String {
        if let existing, let label = issued[existing] { return label }
        let label = "_:b\(counter)"
        counter += 1
        if let existing { issued[existing] = label }
        return label
    }

    mutating func add(
        _ element: JSONValue, graph: String, subject: String?, property: String?, list: inout [JSONValue]?,
        reverseOf: String? = nil
    ) throws(JSONLDError) {
        if case .array(let items) = element {
            for item in items {
                try add(item, graph: graph, subject: subject, property: property, list: &list, reverseOf: reverseOf)
            }
            return
        }
        guard case .object(var object) = element else { return }
        if object["@value"] == nil, let types = object["@type"] {
            object["@type"] = .array(
                JSONLDExpander.array(types).map { type in
                    guard case .string(let text) = type, text.hasPrefix("_:") else { return type }
                    return .string(blankNode(for: text))
                })
        }
        if object["@value"] != nil {
            if list != nil { list?.append(.object(object)) } else { append(.object(object), graph, subject, property) }
        } else if let items = object["@list"] {
            var inner: [JSONValue]? = []
            try add(items, graph: graph, subject: subject, property: property, list: &inner)
            let listObject = JSONValue.object(["@list": .array(inner ?? [])])
            if list != nil {
                list?.append(listObject)
            } else if let subject, let property, graphs[graph]?[subject] != nil {
                graphs[graph]![subject]!.modify(property, initial: .array([])) { values in
                    var items = JSONLDExpander.array(values)
                    values = .null
                    items.append(listObject)
                    values = .array(items)
                }
            }
        } else {
            try addNode(object, graph: graph, subject: subject, property: property, list: &list, reverseOf: reverseOf)
        }
    }

    private mutating func addNode(
        _ object: JSONObject, graph: String, subject: String?, property: String?, list: inout [JSONValue]?,
        reverseOf: String?
    ) throws(JSONLDError) {
        let id: String
        // An @id that expanded to null (a keyword-like value) names no node: nothing is emitted for it.
        if object["@id"] == .null { return }
        if case .string(let text) = object["@id"] {
            id = text.hasPrefix("_:") ? blankNode(for: text) : text
        } else {
            id = blankNode()
        }
        if graphs[graph] == nil { graphs[graph] = [:] }
        if graphs[graph]?[id] == nil { graphs[graph]?[id] = ["@id": .string(id)] }
        if let reverseOf, let property {
            // §7.2.2 step 6.5: under @reverse the referencing node becomes this node's property value.
            append(.object(["@id": .string(reverseOf)]), graph, id, property)
        } else if property != nil {
            let reference = JSONValue.object(["@id": .string(id)])
            if list != nil { list?.append(reference) } else { append(reference, graph, subject, property) }
        }
        if let types = object["@type"] {
            var existing = JSONLDExpander.array(graphs[graph]?[id]?["@type"])
            for type in JSONLDExpander.array(types) where !existing.contains(type) { existing.append(type) }
            graphs[graph]?[id]?["@type"] = .array(existing)
        }
        if let index = object["@index"] {
            if let current = graphs[graph]?[id]?["@index"], current != index {
                throw JSONLDError(.conflictingIndexes, id)
            }
            graphs[graph]?[id]?["@index"] = index
        }
        if case .object(let reverseMap) = object["@reverse"] {
            for (name, values) in reverseMap {
                var none: [JSONValue]? = nil
                try add(values, graph: graph, subject: nil, property: name, list: &none, reverseOf: id)
            }
        }
        if let nested = object["@graph"] {
            var none: [JSONValue]? = nil
            try add(nested, graph: id, subject: nil, property: nil, list: &none)
        }
        if let included = object["@included"] {
            var none: [JSONValue]? = nil
            try add(included, graph: graph, subject: nil, property: nil, list: &none)
        }
        for name in object.names.sorted() where !Self.handledKeywords.contains(name) {
            let key = name.hasPrefix("_:") ? blankNode(for: name) : name
            graphs[graph]![id]!.modify(key, initial: .array([])) { _ in }
            var none: [JSONValue]? = nil
            try add(object[name] ?? .null, graph: graph, subject: id, property: key, list: &none)
        }
    }

    /// The entries ``addNode`` handles before the properties (§7.2.2 steps 6.3–6.8).
    private static let handledKeywords: Set<String> = ["@id", "@type", "@index", "@reverse", "@graph", "@included"]

    /// Adds `value` to the subject's property unless an equal value is already there; in place, since the
    /// node map is built one value at a time.
    private mutating func append(_ value: JSONValue, _ graph: String, _ subject: String?, _ property: String?) {
        guard let subject, let property, graphs[graph]?[subject] != nil else { return }
        graphs[graph]![subject]!.modify(property, initial: .array([])) { values in
            guard case .array(var items) = values else { return values = .array([value]) }
            guard !items.contains(value) else { return }
            values = .null  // let go of the array's buffer so the append below does not copy it
            items.append(value)
            values = .array(items)
        }
    }
}
