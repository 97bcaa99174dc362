/// A document fetched for JSON-LD processing: its final URL and parsed content
/// (JSON-LD 1.1 API §9.4.3 RemoteDocument, https://www.w3.org/TR/json-ld11-api/#remotedocument).
public struct JSONLDRemoteDocument: Sendable {
    /// The URL the document was loaded from, after redirects; the base for its relative IRIs.
    public var documentURL: String
    /// The parsed document.
    public var document: JSONValue

    /// A remote document.
    /// - Parameters:
    ///   - documentURL: the final URL.
    ///   - document: the parsed JSON.
    public init(documentURL: String, document: JSONValue) {
        self.documentURL = documentURL
        self.document = document
    }
}

/// Loads remote contexts (JSON-LD 1.1 API §9.4.3 LoadDocumentCallback,
/// https://www.w3.org/TR/json-ld11-api/#loaddocumentcallback). MedCred's loader answers only pinned contexts
/// and never touches the network; tests map a base URL to a vectors folder.
public protocol JSONLDDocumentLoader: Sendable {
    /// Loads the document at `url`.
    /// - Parameter url: an absolute URL.
    /// - Returns: the document.
    /// - Throws: ``JSONLDError`` with ``JSONLDErrorCode/loadingDocumentFailed`` when it cannot be loaded.
    func loadDocument(_ url: String) throws(JSONLDError) -> JSONLDRemoteDocument

    /// Where processed contexts are memoized for documents this loader serves, or `nil` for no caching; a
    /// loader whose documents can change must return `nil`.
    var contextCache: JSONLDContextCache? { get }
}

extension JSONLDDocumentLoader {
    /// No caching, unless a loader says otherwise.
    public var contextCache: JSONLDContextCache? { nil }
}

/// Options for expansion and toRdf (JSON-LD 1.1 API §9.4.1 JsonLdOptions,
/// https://www.w3.org/TR/json-ld11-api/#the-jsonldoptions-type).
public struct JSONLDOptions: Sendable {
    /// What to do with a property or type that no context maps to an IRI.
    public enum UndefinedTerms: Sendable {
        /// Fail with ``JSONLDErrorCode/undefinedTerm``: nothing is silently left out of a signature.
        case error
        /// Drop it, as the spec does.
        case drop
    }

    /// The base IRI of the document.
    public var base: String?
    /// A context applied before the document's own (`expandContext`).
    public var expandContext: JSONValue?
    /// `json-ld-1.1` (the default) or `json-ld-1.0`.
    public var processingMode: String
    /// Undefined-term policy; ``UndefinedTerms/error`` by default.
    public var undefinedTerms: UndefinedTerms
    /// The loader for remote contexts.
    public var documentLoader: (any JSONLDDocumentLoader)?

    /// Options.
    /// - Parameters:
    ///   - base: the document base IRI.
    ///   - documentLoader: the loader for remote contexts; `nil` makes every remote context fail.
    ///   - undefinedTerms: the undefined-term policy.
    public init(
        base: String? = nil, documentLoader: (any JSONLDDocumentLoader)? = nil,
        undefinedTerms: UndefinedTerms = .error
    ) {
        self.base = base
        self.expandContext = nil
        self.processingMode = "json-ld-1.1"
        self.undefinedTerms = undefinedTerms
        self.documentLoader = documentLoader
    }
}
