/// Create Term Definition steps 19–26 (JSON-LD 1.1 API §4.2.2,
/// https://www.w3.org/TR/json-ld11-api/#create-term-definition): container, index, scoped context,
/// language, direction, nest and prefix.
extension JSONLDContext {
    private static let allowedTermMembers: Set<String> = [
        "@id", "@reverse", "@container", "@context", "@direction", "@index", "@language", "@nest", "@prefix",
        "@protected", "@type",
    ]

    func applyOptions(
        _ object: JSONObject, to definition: inout JSONLDTermDefinition, term: String,
        environment: JSONLDTermEnvironment
    ) throws(JSONLDError) {
        let isOneOneMode = processingMode != "json-ld-1.0"
        if let value = object["@container"] {
            definition.container = try Self.container(value, isOneOneMode: isOneOneMode, term: term)
            if definition.isReverse && !definition.container.isSubset(of: ["@set", "@index"]) {
                throw JSONLDError(.invalidReverseProperty, term)
            }
            if definition.container.contains("@type") {
                if definition.typeMapping == nil { definition.typeMapping = "@id" }
                guard definition.typeMapping == "@id" || definition.typeMapping == "@vocab" else {
                    throw JSONLDError(.invalidTypeMapping, term)
                }
            }
        }
        if let value = object["@index"] {
            guard isOneOneMode, definition.container.contains("@index") else {
                throw JSONLDError(.invalidTermDefinition, term)
            }
            guard case .string(let text) = value, !JSONLDIRI.isKeywordForm(text),
                let iri = expandIRI(text, vocab: true), JSONLDIRI.isAbsolute(iri)
            else { throw JSONLDError(.invalidTermDefinition, term) }
            definition.index = text
        }
        if let value = object["@context"] {
            guard isOneOneMode else { throw JSONLDError(.invalidTermDefinition, term) }
            do {
                _ = try processing(
                    value, baseURL: environment.baseURL, loader: environment.loader,
                    remoteContexts: environment.remoteContexts, overrideProtected: true, validateScopedContext: false)
            } catch {
                throw JSONLDError(.invalidScopedContext, term)
            }
            definition.localContext = JSONLDScopedContext(value)
            definition.baseURL = environment.baseURL
        }
        if let value = object["@language"], object["@type"] == nil {
            switch value {
            case .null: definition.language = .null
            case .string(let text): definition.language = .string(text.lowercased())
            default: throw JSONLDError(.invalidLanguageMapping, term)
            }
        }
        if let value = object["@direction"], object["@type"] == nil {
            guard value == .null || value == .string("ltr") || value == .string("rtl") else {
                throw JSONLDError(.invalidBaseDirection, term)
            }
            definition.direction = value
        }
        if let value = object["@nest"] {
            guard isOneOneMode else { throw JSONLDError(.invalidTermDefinition, term) }
            guard case .string(let text) = value, text == "@nest" || !JSONLDKeyword.isKeyword(text) else {
                throw JSONLDError(.invalidNestValue, term)
            }
            definition.nest = text
        }
        if let value = object["@prefix"] {
            guard isOneOneMode, !term.contains(":"), !term.contains("/") else {
                throw JSONLDError(.invalidTermDefinition, term)
            }
            guard case .bool(let flag) = value else { throw JSONLDError(.invalidPrefixValue, term) }
            definition.isPrefix = flag
            if flag, let iri = definition.iri, JSONLDKeyword.isKeyword(iri) {
                throw JSONLDError(.invalidTermDefinition, term)
            }
        }
        if object.names.contains(where: { !Self.allowedTermMembers.contains($0) }) {
            throw JSONLDError(.invalidTermDefinition, term)
        }
    }

    private static func container(
        _ value: JSONValue, isOneOneMode: Bool, term: String
    ) throws(JSONLDError) -> Set<String> {
        let allowed: Set<String> = ["@graph", "@id", "@index", "@language", "@list", "@set", "@type"]
        var items: [String] = []
        switch value {
        case .string(let text): items = [text]
        case .array(let array) where isOneOneMode:
            for item in array {
                guard case .string(let text) = item else { throw JSONLDError(.invalidContainerMapping, term) }
                items.append(text)
            }
        default: throw JSONLDError(.invalidContainerMapping, term)
        }
        let set = Set(items)
        guard !set.isEmpty || isOneOneMode, set.isSubset(of: allowed) else {
            throw JSONLDError(.invalidContainerMapping, term)
        }
        if !isOneOneMode && !set.isDisjoint(with: ["@graph", "@id", "@type"]) {
            throw JSONLDError(.invalidContainerMapping, term)
        }
        let valid =
            set.count <= 1
            || (set.contains("@set") && set.count == 2 && !set.contains("@list"))
            || (set.contains("@graph") && set.isSubset(of: ["@graph", "@id", "@set"]))
            || (set.contains("@graph") && set.isSubset(of: ["@graph", "@index", "@set"]))
        guard valid else { throw JSONLDError(.invalidContainerMapping, term) }
        return set
    }
}
