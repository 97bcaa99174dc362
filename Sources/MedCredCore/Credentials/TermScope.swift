/// Processes one context object (a "local context") into a ``CredentialContext``: JSON-LD 1.1 API §4.1.2
/// steps 5.5–5.13 and §4.2 Create Term Definition, <https://www.w3.org/TR/json-ld11-api/#create-term-definition>,
/// for the members credentials use.
struct TermScope {
    private let object: JSONObject
    private let pointer: CredentialPointer
    private let origin: String
    private var isProtected = false
    /// JSON-LD's `defined` map: `false` while a term is being defined (to catch cycles), `true` when done.
    private var defined: [String: Bool] = [:]
    /// The terms this scope put in the context.
    private(set) var ownTerms: Set<String> = []
    /// Whether this scope read a term it did not define, or `@vocab` it did not set: then its result
    /// depends on the contexts applied before it, and ``ProcessedContext`` cannot merge it.
    private(set) var readsOutside = false
    /// Whether this scope set `@vocab` (to an IRI or to `null`).
    private(set) var setsVocabulary = false

    /// Context keywords allowed as members of a context object (JSON-LD 1.1 §9.15).
    private static let contextKeywords: Set<String> = [
        "@base", "@direction", "@import", "@language", "@propagate", "@protected", "@type", "@version", "@vocab",
    ]

    init(object: JSONObject, pointer: CredentialPointer, origin: String) {
        self.object = object
        self.pointer = pointer
        self.origin = origin
    }

    mutating func apply(to context: inout CredentialContext, problems: inout CredentialProblemCollector) {
        checkKeywords(in: &context, problems: &problems)
        if let flag = object["@protected"] {
            if let value = flag.boolValue {
                isProtected = value
            } else {
                problems.malformed(pointer.appending("@protected"), "@protected must be true or false\(origin)")
            }
        }
        if let vocab = object["@vocab"] { applyVocabulary(vocab, to: &context, problems: &problems) }
        for name in object.names where !name.hasPrefix("@") {
            defineTerm(name, in: &context, problems: &problems)
        }
    }

    private func checkKeywords(in context: inout CredentialContext, problems: inout CredentialProblemCollector) {
        // A keyword other than a context keyword is a keyword redefinition; other "@…" names are ignored
        // (JSON-LD 1.1 API §4.2.2 steps 4–5).
        for name in object.names where CredentialContext.keywords.contains(name) && !Self.contextKeywords.contains(name)
        {
            problems.malformed(pointer.appending(name), "\(name) cannot be redefined in a context\(origin)")
        }
        if object["@import"] != nil {
            context.markIncomplete()
            problems.malformed(
                pointer.appending("@import"),
                "@import needs full JSON-LD processing, which MedCred does not do\(origin)")
        }
        if let version = object["@version"], version != .number(1.1) {
            problems.malformed(pointer.appending("@version"), "@version must be the number 1.1\(origin)")
        }
    }

    private mutating func applyVocabulary(
        _ vocab: JSONValue, to context: inout CredentialContext, problems: inout CredentialProblemCollector
    ) {
        switch vocab {
        case .null:
            context.setVocabulary(nil)
            setsVocabulary = true
        case .string(let text):
            noteLookup(compactOrAbsolute: text)
            if let iri = context.expand(compactOrAbsolute: text), !CredentialURL.isBlankNode(text) {
                context.setVocabulary(iri)
                setsVocabulary = true
            } else {
                problems.malformed(pointer.appending("@vocab"), "@vocab \"\(text)\" is not an absolute IRI\(origin)")
            }
        default:
            problems.malformed(pointer.appending("@vocab"), "@vocab must be an IRI string or null\(origin)")
        }
    }

    private mutating func defineTerm(
        _ term: String, in context: inout CredentialContext, problems: inout CredentialProblemCollector
    ) {
        if defined[term] == true { return }
        let termPointer = pointer.appending(term)
        if defined[term] == false {
            problems.malformed(termPointer, "term \"\(term)\" is defined through itself (cyclic IRI mapping)\(origin)")
            context.markBroken(term)
            return
        }
        defined[term] = false
        defer { defined[term] = true }
        guard let value = object[term] else { return }
        var reader = DefinitionReader(term: term, value: value, contextProtected: isProtected)
        guard reader.read(pointer: termPointer, origin: origin, problems: &problems) else {
            context.markBroken(term)
            return
        }
        guard let iri = iriMapping(for: term, id: reader.id, in: &context) else {
            problems.malformed(
                termPointer, "term \"\(term)\" does not map to an absolute IRI, compact IRI or keyword\(origin)")
            context.markBroken(term)
            return
        }
        let definition = reader.definition(iri: iri)
        if let previous = context.definition(of: term), previous.isProtected {
            guard previous.comparable == definition.comparable else {
                problems.malformed(termPointer, "context redefines protected term \"\(term)\"\(origin)")
                return
            }
            return  // an identical re-declaration keeps the protected definition (JSON-LD 1.1 API §4.2.2 step 27.2)
        }
        context.define(term, definition)
        ownTerms.insert(term)
    }

    /// The IRI a term maps to: `.some(nil)` for an explicit null, `nil` when there is no valid mapping.
    private mutating func iriMapping(for term: String, id: JSONValue?, in context: inout CredentialContext)
        -> String??
    {
        switch id {
        case .null?: return .some(nil)
        case .string(let text)?:
            if CredentialContext.keywords.contains(text) { return text == "@context" ? nil : .some(text) }
            return expandWithLocalTerms(text, in: &context).map { .some($0) }
        case nil:
            // No @id: a compact or absolute IRI term maps to itself expanded, a bare word to @vocab + term
            // (JSON-LD 1.1 API §4.2.2 steps 14–20).
            if term.contains(":") { return expandWithLocalTerms(term, in: &context).map { .some($0) } }
            noteVocabularyRead()
            return context.vocabulary.map { .some($0 + term) }
        default:
            return nil
        }
    }

    /// JSON-LD 1.1 API §5.2.2 steps 4–8: defines a local prefix or term first when `value` uses one.
    private mutating func expandWithLocalTerms(_ value: String, in context: inout CredentialContext) -> String? {
        var ignored = CredentialProblemCollector()  // a dependency's own problems are reported when it is defined
        if let colon = value.firstIndex(of: ":") {
            let prefix = String(value[..<colon])
            if object[prefix] != nil && defined[prefix] == nil { defineTerm(prefix, in: &context, problems: &ignored) }
            noteLookup(compactOrAbsolute: value)
            return context.expand(compactOrAbsolute: value)
        }
        if object[value] != nil && defined[value] == nil { defineTerm(value, in: &context, problems: &ignored) }
        if defined[value] == false { return nil }  // the term maps to itself: a cyclic IRI mapping
        if !ownTerms.contains(value) { readsOutside = true }
        if let definition = context.definition(of: value) { return definition.iri }
        noteVocabularyRead()
        return context.vocabulary.map { $0 + value }
    }

    /// Records whether ``CredentialContext/expand(compactOrAbsolute:)`` looks up a prefix term this scope
    /// did not define (it skips blank nodes and `scheme://` IRIs).
    private mutating func noteLookup(compactOrAbsolute value: String) {
        guard let colon = value.firstIndex(of: ":") else { return }
        let prefix = value[..<colon]
        if prefix == "_" || value[value.index(after: colon)...].hasPrefix("//") { return }
        if !ownTerms.contains(String(prefix)) { readsOutside = true }
    }

    private mutating func noteVocabularyRead() {
        if !setsVocabulary { readsOutside = true }
    }
}

/// Reads one term definition value: a string, `null`, or an expanded definition object.
private struct DefinitionReader {
    let term: String
    let value: JSONValue
    let contextProtected: Bool
    private(set) var id: JSONValue?
    private var isProtected: Bool
    private var explicitPrefix: Bool?
    private var isSimple = false

    init(term: String, value: JSONValue, contextProtected: Bool) {
        self.term = term
        self.value = value
        self.contextProtected = contextProtected
        self.isProtected = contextProtected
    }

    mutating func read(pointer: CredentialPointer, origin: String, problems: inout CredentialProblemCollector) -> Bool {
        switch value {
        case .null:
            id = .null
        case .string:
            id = value
            isSimple = true
        case .object(let object):
            for name in object.names where !Self.allowed.contains(name) {
                problems.malformed(pointer.appending(name), "\(name) is not allowed in a term definition\(origin)")
                return false
            }
            id = object["@id"] ?? object["@reverse"]
            if let flag = object["@protected"] {
                guard let protected = flag.boolValue else {
                    problems.malformed(pointer.appending("@protected"), "@protected must be true or false\(origin)")
                    return false
                }
                isProtected = protected
            }
            if let flag = object["@prefix"] { explicitPrefix = flag.boolValue }
        default:
            problems.malformed(
                pointer,
                "term definition must be a string, null or an object, not \(CredentialJSON.kind(of: value))\(origin)")
            return false
        }
        return true
    }

    /// Members allowed in an expanded term definition (JSON-LD 1.1 §9.15.1).
    private static let allowed: Set<String> = [
        "@id", "@reverse", "@type", "@language", "@direction", "@container", "@context", "@prefix", "@propagate",
        "@protected", "@index", "@nest",
    ]

    func definition(iri: String?) -> CredentialTermDefinition {
        var comparable = value.objectValue ?? JSONObject()
        comparable["@protected"] = nil
        comparable["@id"] = iri.map(JSONValue.string) ?? .null
        let endsWithDelimiter = iri.map { ":/?#[]@".contains($0.last ?? " ") } ?? false
        let isPrefix = explicitPrefix ?? (isSimple && endsWithDelimiter)
        return CredentialTermDefinition(
            iri: iri, isProtected: isProtected, isPrefix: isPrefix, comparable: .object(comparable))
    }
}
