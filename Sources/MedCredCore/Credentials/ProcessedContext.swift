/// A known context document applied on its own to an empty active context, with the problems that
/// produced, kept by ``KnownContexts`` so a check need not repeat the JSON-LD 1.1 Context Processing
/// algorithm (JSON-LD 1.1 API §4.1, <https://www.w3.org/TR/json-ld11-api/#context-processing-algorithm>)
/// for a context that is the first entry of `@context`, as the base context always is.
struct ProcessedContext {
    /// The active context after applying the document's `@context`.
    let context: CredentialContext
    /// The problems found; each points at the `@context` entry naming the URL (remote documents are not
    /// part of the checked document), so only its type, title and detail are kept.
    let problems: [CredentialProblem]
    /// Whether the document's `@context` is one object that reads no term or `@vocab` it does not define,
    /// so applying it on top of other contexts only adds its own results (see
    /// ``CredentialContext/merge(_:)``).
    let isSelfContained: Bool
    /// The position of the URL among the ``KnownContexts`` URLs, recorded in each definition.
    let source: Int
    /// Whether the document sets `@vocab`, replacing the one in force.
    let setsVocabulary: Bool

    /// Applies the context at `url` to an empty active context, as ``CredentialContext/apply`` does for
    /// a URL entry of a document's own `@context`.
    /// - Parameters:
    ///   - url: a context URL.
    ///   - known: the context documents, without processed contexts.
    ///   - source: the position of `url` among the known URLs, recorded in each definition.
    init(url: String, known: KnownContexts, source: Int) {
        var context = CredentialContext()
        var collector = CredentialProblemCollector()
        context.apply(.string(url), at: .root, known: known, problems: &collector)
        context.setSource(source)
        self.source = source
        self.context = context
        self.problems = collector.problems
        // The same steps again, through the scope that records what they read.
        var scope: TermScope?
        if CredentialURL.isAbsoluteURL(url), case .object(let object)? = known[url]?["@context"] {
            scope = TermScope(object: object, pointer: .root, origin: "")
            var scratch = CredentialContext()
            var ignored = CredentialProblemCollector()
            scope?.apply(to: &scratch, problems: &ignored)
        }
        self.isSelfContained = scope.map { !$0.readsOutside } ?? false
        self.setsVocabulary = scope?.setsVocabulary ?? false
    }
}
