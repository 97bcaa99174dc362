/// Context processing (JSON-LD 1.1 API §4.1.2, https://www.w3.org/TR/json-ld11-api/#algorithm).
extension JSONLDContext {
    /// More remote contexts than this in one chain is `context overflow`.
    static let remoteContextLimit = 32

    /// Processes `local` against this context and returns the new active context, from the loader's
    /// ``JSONLDContextCache`` when this context has an identity there.
    func processing(
        _ local: JSONValue, baseURL: String?, loader: (any JSONLDDocumentLoader)?, remoteContexts: [String] = [],
        overrideProtected: Bool = false, propagate: Bool = true, validateScopedContext: Bool = true
    ) throws(JSONLDError) -> JSONLDContext {
        try memoizedProcessing(
            local, key: .value(local), baseURL: baseURL, loader: loader, remoteContexts: remoteContexts,
            overrideProtected: overrideProtected, propagate: propagate, validateScopedContext: validateScopedContext)
    }

    /// Processes a term's scoped context, memoized by the identity of its definition.
    func processing(
        scoped: JSONLDScopedContext, baseURL: String?, loader: (any JSONLDDocumentLoader)?,
        overrideProtected: Bool = false, propagate: Bool = true
    ) throws(JSONLDError) -> JSONLDContext {
        try memoizedProcessing(
            scoped.value, key: .scoped(scoped), baseURL: baseURL, loader: loader, remoteContexts: [],
            overrideProtected: overrideProtected, propagate: propagate, validateScopedContext: true)
    }

    private func memoizedProcessing(
        _ local: JSONValue, key localKey: JSONLDContextCache.LocalKey, baseURL: String?,
        loader: (any JSONLDDocumentLoader)?, remoteContexts: [String], overrideProtected: Bool, propagate: Bool,
        validateScopedContext: Bool
    ) throws(JSONLDError) -> JSONLDContext {
        guard let cache = loader?.contextCache, let parent = cacheID else {
            var result = try processingUncached(
                local, baseURL: baseURL, loader: loader, remoteContexts: remoteContexts,
                overrideProtected: overrideProtected, propagate: propagate, validateScopedContext: validateScopedContext)
            result.cacheID = nil
            return result
        }
        let key = JSONLDContextCache.Key(
            parent: parent, local: localKey, baseURL: baseURL, remoteContexts: remoteContexts,
            overrideProtected: overrideProtected, propagate: propagate, validateScopedContext: validateScopedContext)
        if let cached = cache.context(for: key) { return cached }
        let result = try processingUncached(
            local, baseURL: baseURL, loader: loader, remoteContexts: remoteContexts,
            overrideProtected: overrideProtected, propagate: propagate, validateScopedContext: validateScopedContext)
        return cache.store(result, for: key)
    }

    private func processingUncached(
        _ local: JSONValue, baseURL: String?, loader: (any JSONLDDocumentLoader)?, remoteContexts: [String],
        overrideProtected: Bool, propagate: Bool, validateScopedContext: Bool
    ) throws(JSONLDError) -> JSONLDContext {
        var result = self  // keeps this context's cache identity until it is first changed
        var propagate = propagate
        if case .object(let object) = local, let value = object["@propagate"] {
            guard case .bool(let flag) = value else { throw JSONLDError(.invalidPropagateValue) }
            propagate = flag
        }
        if !propagate && result.previousContext.isEmpty {
            result.previousContext = [self]
            result.cacheID = nil
        }
        let contexts: [JSONValue] = if case .array(let items) = local { items } else { [local] }
        for context in contexts {
            switch context {
            case .null:
                if !overrideProtected && result.terms.values.contains(where: \.isProtected) {
                    throw JSONLDError(.invalidContextNullification)
                }
                let previous = result
                result = JSONLDContext(base: originalBaseURL)
                result.processingMode = processingMode
                if !propagate { result.previousContext = [previous] }
            case .string(let reference):
                let url = JSONLDIRI.resolve(reference, against: baseURL)
                if !validateScopedContext && remoteContexts.contains(url) { continue }
                if remoteContexts.count > Self.remoteContextLimit { throw JSONLDError(.contextOverflow, url) }
                let loaded = try Self.loadContext(url, loader: loader)
                result = try result.processing(
                    loaded.context, baseURL: loaded.documentURL, loader: loader, remoteContexts: remoteContexts + [url],
                    validateScopedContext: validateScopedContext)
            case .object(let object):
                result.cacheID = nil  // term definitions validate scoped contexts against the half-built context
                try result.applyObject(
                    object, baseURL: baseURL, loader: loader, remoteContexts: remoteContexts,
                    overrideProtected: overrideProtected)
            default:
                throw JSONLDError(.invalidLocalContext)
            }
        }
        return result
    }

    private static func loadContext(
        _ url: String, loader: (any JSONLDDocumentLoader)?
    ) throws(JSONLDError) -> (context: JSONValue, documentURL: String) {
        guard let loader else { throw JSONLDError(.loadingRemoteContextFailed, url) }
        let remote: JSONLDRemoteDocument
        do {
            remote = try loader.loadDocument(url)
        } catch {
            throw JSONLDError(.loadingRemoteContextFailed, url)
        }
        guard case .object(let object) = remote.document, let context = object["@context"] else {
            throw JSONLDError(.invalidRemoteContext, url)
        }
        return (context, remote.documentURL)
    }

    private mutating func applyObject(
        _ object: JSONObject, baseURL: String?, loader: (any JSONLDDocumentLoader)?, remoteContexts: [String],
        overrideProtected: Bool
    ) throws(JSONLDError) {
        var context = object
        if let version = context["@version"] {
            guard version == .number(1.1) else { throw JSONLDError(.invalidVersionValue) }
            if processingMode == "json-ld-1.0" { throw JSONLDError(.processingModeConflict) }
        }
        if let importValue = context["@import"] {
            context = try importing(importValue, into: context, baseURL: baseURL, loader: loader)
        }
        if let base = context["@base"], remoteContexts.isEmpty {
            switch base {
            case .null: baseIRI = nil
            case .string(let text) where JSONLDIRI.isAbsolute(text): baseIRI = text
            case .string(let text) where baseIRI != nil: baseIRI = JSONLDIRI.resolve(text, against: baseIRI)
            default: throw JSONLDError(.invalidBaseIRI)
            }
        }
        if let vocab = context["@vocab"] {
            switch vocab {
            case .null: vocabularyMapping = nil
            case .string(let text):
                var defined: [String: Bool] = [:]
                let iri = try expandIRI(text, documentRelative: true, vocab: true, local: nil, defined: &defined)
                guard let iri, JSONLDIRI.isAbsoluteOrBlank(iri) || text.isEmpty || iri.hasPrefix("_:") else {
                    throw JSONLDError(.invalidVocabMapping, text)
                }
                vocabularyMapping = iri
            default: throw JSONLDError(.invalidVocabMapping)
            }
        }
        if let language = context["@language"] {
            switch language {
            case .null: defaultLanguage = nil
            case .string(let text): defaultLanguage = text.lowercased()
            default: throw JSONLDError(.invalidDefaultLanguage)
            }
        }
        if let direction = context["@direction"] {
            if processingMode == "json-ld-1.0" { throw JSONLDError(.invalidContextEntry, "@direction") }
            switch direction {
            case .null: defaultBaseDirection = nil
            case .string("ltr"), .string("rtl"): defaultBaseDirection = direction.stringValue
            default: throw JSONLDError(.invalidBaseDirection)
            }
        }
        if let propagate = context["@propagate"] {
            if processingMode == "json-ld-1.0" { throw JSONLDError(.invalidContextEntry, "@propagate") }
            guard case .bool = propagate else { throw JSONLDError(.invalidPropagateValue) }
        }
        var isProtected = false
        if let value = context["@protected"] {
            guard case .bool(let flag) = value else { throw JSONLDError(.invalidProtectedValue) }
            isProtected = flag
        }
        var defined: [String: Bool] = [:]
        let skipped: Set<String> = [
            "@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab",
        ]
        for name in context.names where !skipped.contains(name) {
            try createTermDefinition(
                name, local: context, defined: &defined,
                environment: .init(
                    baseURL: baseURL, loader: loader, remoteContexts: remoteContexts, isProtected: isProtected,
                    overrideProtected: overrideProtected))
        }
    }

    private func importing(
        _ value: JSONValue, into context: JSONObject, baseURL: String?, loader: (any JSONLDDocumentLoader)?
    ) throws(JSONLDError) -> JSONObject {
        if processingMode == "json-ld-1.0" { throw JSONLDError(.invalidContextEntry, "@import") }
        guard case .string(let reference) = value else { throw JSONLDError(.invalidImportValue) }
        let url = JSONLDIRI.resolve(reference, against: baseURL)
        let loaded = try Self.loadContext(url, loader: loader)
        guard case .object(let imported) = loaded.context else { throw JSONLDError(.invalidRemoteContext, url) }
        if imported["@import"] != nil { throw JSONLDError(.invalidContextEntry, "@import") }
        var merged = imported
        for (name, member) in context where name != "@import" { merged[name] = member }
        return merged
    }
}

/// What term definitions need from the context being processed.
struct JSONLDTermEnvironment {
    var baseURL: String?
    var loader: (any JSONLDDocumentLoader)?
    var remoteContexts: [String]
    var isProtected: Bool
    var overrideProtected: Bool
}
