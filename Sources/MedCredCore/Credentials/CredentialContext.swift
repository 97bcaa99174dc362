/// One term of a ``CredentialContext``: what JSON-LD 1.1 §4.2.2 Create Term Definition would record,
/// reduced to what the credential checks need.
struct CredentialTermDefinition: Equatable {
    /// The expanded IRI or keyword, or `nil` when the term is explicitly unmapped (`"Term": null`).
    var iri: String?
    /// Whether later contexts may not change this term (JSON-LD 1.1 §4.1.11 Protected Term Definitions).
    var isProtected: Bool
    /// Whether `term:suffix` compact IRIs may use this term as a prefix (JSON-LD 1.1 §4.2.2 step 14).
    var isPrefix: Bool
    /// The definition without `@protected` and with `@id` expanded, for the "same definition" test that
    /// allows re-declaring a protected term identically (JSON-LD 1.1 §4.2.2 step 27).
    var comparable: JSONValue
    /// The position, among ``KnownContexts`` URLs, of the processed context holding this very definition;
    /// `nil` for one made during a check. Two definitions of a term with the same source are the same.
    var source: Int? = nil

    /// Whether `other` defines a term the same way (``source`` aside).
    func hasSameContent(as other: CredentialTermDefinition) -> Bool {
        iri == other.iri && isProtected == other.isProtected && isPrefix == other.isPrefix
            && comparable == other.comparable
    }
}

/// The terms and vocabulary mapping in force for a document, built from its `@context`.
///
/// This is the part of the JSON-LD 1.1 Context Processing algorithm (JSON-LD 1.1 API §4.1,
/// <https://www.w3.org/TR/json-ld11-api/#context-processing-algorithm>) that VC Data Model 2.0 checks
/// need: top-level term definitions, `@vocab`, `@protected` and prefixes, plus a node's embedded
/// `@context` for that node's own `type`. Type- and property-scoped contexts are not applied (a type term
/// defined only inside one is reported as undefined), and `@import` is refused rather than half-checked.
struct CredentialContext {
    private(set) var terms: [String: CredentialTermDefinition] = [:]
    /// Terms whose definition was invalid and already reported; uses of them are not reported again.
    private(set) var brokenTerms: Set<String> = []
    private(set) var vocabulary: String?
    /// Whether every context could be read; when one could not (unknown URL, `@import`), the terms it
    /// would have defined are unknown, so undefined-type problems are not reported.
    private(set) var isComplete = true
    /// The ``ProcessedContext/source`` of each processed context whose every definition is still in
    /// ``terms``, so applying it again changes no term.
    private var intactSources: [Int] = []

    /// JSON-LD 1.1 keywords (JSON-LD 1.1 §1.7), which are never terms.
    static let keywords: Set<String> = [
        "@base", "@container", "@context", "@direction", "@graph", "@id", "@import", "@included", "@index",
        "@json", "@language", "@list", "@nest", "@none", "@prefix", "@propagate", "@protected", "@reverse",
        "@set", "@type", "@value", "@version", "@vocab",
    ]

    /// Applies one `@context` value (a URL, an object, `null` or an array of them) on top of this context.
    /// - Parameters:
    ///   - value: the `@context` value or one of its entries.
    ///   - pointer: where `value` is, for problems.
    ///   - known: the context documents a URL may name.
    ///   - problems: where problems go.
    ///   - remote: the URL whose document `value` came from, `nil` for the checked document itself.
    ///   - visited: URLs being processed, to stop a context that includes itself.
    mutating func apply(
        _ value: JSONValue, at pointer: CredentialPointer, known: KnownContexts,
        problems: inout CredentialProblemCollector, remote: String? = nil, visited: Set<String> = []
    ) {
        let origin = remote.map { " (in context \($0))" } ?? ""
        switch value {
        case .array(let entries):
            for (index, entry) in entries.enumerated() {
                apply(
                    entry, at: pointer.appending(index), known: known, problems: &problems, remote: remote,
                    visited: visited)
            }
        case .null:
            if terms.values.contains(where: \.isProtected) {
                problems.malformed(pointer, "a null context would clear protected terms\(origin)")
            } else {
                self = CredentialContext()
            }
        case .string(let url):
            applyRemote(url, at: pointer, known: known, problems: &problems, remote: remote, visited: visited)
        case .object(let object):
            var scope = TermScope(object: object, pointer: pointer, origin: origin)
            scope.apply(to: &self, problems: &problems)
        case .bool, .number:
            problems.malformed(
                pointer, "a context must be a URL string or an object, not \(CredentialJSON.kind(of: value))\(origin)")
            isComplete = false
        }
    }

    private mutating func applyRemote(
        _ url: String, at pointer: CredentialPointer, known: KnownContexts,
        problems: inout CredentialProblemCollector, remote: String?, visited: Set<String>
    ) {
        if remote == nil, visited.isEmpty, let processed = known.processed[url] {
            // The same steps as below, done once by KnownContexts; all their problems point here.
            if isInitial {
                self = processed.context
                problems.append(processed.problems, at: pointer)
                return
            }
            if merge(processed) {
                problems.append(processed.problems, at: pointer)
                return
            }
        }
        let origin = remote.map { " (in context \($0))" } ?? ""
        guard CredentialURL.isAbsoluteURL(url) else {
            problems.malformed(pointer, "context \"\(url)\" is not an absolute URL\(origin)")
            isComplete = false
            return
        }
        guard !visited.contains(url) else {
            problems.malformed(pointer, "context \(url) includes itself\(origin)")
            isComplete = false
            return
        }
        guard let document = known[url] else {
            let via = remote.map { "context \($0) includes " } ?? ""
            problems.malformed(pointer, "\(via)unknown context \(url): MedCred accepts only the contexts it pins")
            isComplete = false
            return
        }
        guard let inner = document["@context"] else {
            problems.malformed(pointer, "the document for context \(url) has no @context member")
            isComplete = false
            return
        }
        apply(inner, at: pointer.fixed, known: known, problems: &problems, remote: url, visited: visited.union([url]))
    }

    /// Why a `type` value does not name a class, or `nil` when it does.
    ///
    /// VC Data Model 2.0 §4.5 Types, <https://www.w3.org/TR/vc-data-model-2.0/#types>: "one or more terms
    /// and/or absolute URL strings"; a term must be defined by the active context (a term definition or
    /// `@vocab`), which JSON-LD expands type values against (JSON-LD 1.1 API §5.2.2 IRI Expansion, vocab
    /// true).
    func problem(withType value: String) -> String? {
        if !isComplete || brokenTerms.contains(value) { return nil }
        if let definition = terms[value] {
            return definition.iri == nil ? "type \"\(value)\" is explicitly unmapped by the context" : nil
        }
        if value.contains(":") {
            if expand(compactOrAbsolute: value) != nil && !CredentialURL.isBlankNode(value) { return nil }
            return "type \"\(value)\" is neither a term defined by the context nor an absolute URL"
        }
        if vocabulary != nil { return nil }
        return "type \"\(value)\" is not defined by any context in @context"
    }

    /// Expands `prefix:suffix` with a prefix term, or checks an absolute IRI (JSON-LD 1.1 API §5.2.2
    /// steps 6–7); `nil` when neither works.
    func expand(compactOrAbsolute value: String) -> String? {
        guard let colon = value.firstIndex(of: ":") else { return nil }
        let prefix = String(value[..<colon])
        let suffix = value[value.index(after: colon)...]
        if prefix == "_" { return value.count > 2 ? value : nil }
        if !suffix.hasPrefix("//"), let definition = terms[prefix], definition.isPrefix, let iri = definition.iri {
            return iri + suffix
        }
        return CredentialURL.isAbsoluteURL(value) ? value : nil
    }

    /// Expands a term, compact IRI or absolute IRI to an IRI, using `@vocab` for a bare word (JSON-LD 1.1
    /// API §5.2.2 with vocab true); `nil` when it cannot be expanded.
    func expand(_ value: String) -> String? {
        if Self.keywords.contains(value) { return value }
        if let definition = terms[value] { return definition.iri }
        if value.contains(":") { return expand(compactOrAbsolute: value) }
        return vocabulary.map { $0 + value }
    }

    /// Applies a processed context on top of this one when that needs no processing: the context is
    /// self-contained, so its terms expand as they did alone, and none of them replaces a different
    /// protected definition (JSON-LD 1.1 API §4.2.2 step 27, which would keep the old one and report it).
    /// - Parameter processed: a known context processed on its own.
    /// - Returns: `false`, with nothing changed, when the context must be applied step by step.
    private mutating func merge(_ processed: ProcessedContext) -> Bool {
        guard processed.isSelfContained else { return false }
        let added = processed.context
        // Applying the same context twice (a proof repeats its document's @context) changes no term.
        if !intactSources.contains(processed.source) {
            var isUnchanged = true
            var replacedSources: [Int] = []
            for (term, definition) in added.terms {
                guard let previous = terms[term] else {
                    isUnchanged = false
                    continue
                }
                if previous.source == processed.source { continue }
                if previous.isProtected && !previous.hasSameContent(as: definition) { return false }
                isUnchanged = false
                if let replaced = previous.source { replacedSources.append(replaced) }
            }
            if !isUnchanged {
                terms.reserveCapacity(terms.count + added.terms.count)
                terms.merge(added.terms) { _, new in new }
                intactSources.removeAll(where: replacedSources.contains)
            }
            intactSources.append(processed.source)
        }
        if !added.brokenTerms.isEmpty { brokenTerms.formUnion(added.brokenTerms) }
        if processed.setsVocabulary { vocabulary = added.vocabulary }
        isComplete = isComplete && added.isComplete
        return true
    }

    /// Whether nothing has been applied yet, so applying a known context gives its processed result.
    private var isInitial: Bool { terms.isEmpty && brokenTerms.isEmpty && vocabulary == nil && isComplete }

    mutating func setVocabulary(_ iri: String?) { vocabulary = iri }

    mutating func markIncomplete() { isComplete = false }

    mutating func define(_ term: String, _ definition: CredentialTermDefinition) {
        if let replaced = terms[term]?.source { intactSources.removeAll { $0 == replaced } }
        terms[term] = definition
    }

    /// Marks every definition as belonging to the processed context at `source` in ``KnownContexts``.
    mutating func setSource(_ source: Int) {
        for term in terms.keys { terms[term]?.source = source }
        intactSources = [source]
    }

    mutating func markBroken(_ term: String) { brokenTerms.insert(term) }

    func definition(of term: String) -> CredentialTermDefinition? { terms[term] }
}
