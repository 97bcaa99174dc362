/// A ``JSONLDDocumentLoader`` that serves only the pinned context documents of a ``KnownContexts`` table.
///
/// JSON-LD 1.1 API §9.4.3 LoadDocumentCallback (https://www.w3.org/TR/json-ld11-api/#loaddocumentcallback).
/// Core never touches the network: a URL that is not pinned is refused, so a document can only be signed or
/// verified against contexts MedCred checked in advance (issue #8).
public struct KnownContextsLoader: JSONLDDocumentLoader {
    /// The pinned contexts this loader serves.
    public let contexts: KnownContexts

    /// A loader over `contexts`.
    /// - Parameter contexts: the pinned context documents, keyed by exact URL.
    public init(contexts: KnownContexts) {
        self.contexts = contexts
    }

    /// The pinned document for `url`.
    /// - Parameter url: a context URL, compared exactly.
    /// - Returns: the document, with `url` as its document URL.
    /// - Throws: ``JSONLDError`` with ``JSONLDErrorCode/loadingDocumentFailed`` and `url` as the fragment when
    ///   `url` is not pinned.
    public func loadDocument(_ url: String) throws(JSONLDError) -> JSONLDRemoteDocument {
        guard let document = contexts[url] else { throw JSONLDError(.loadingDocumentFailed, url) }
        return JSONLDRemoteDocument(documentURL: url, document: document)
    }

    /// The cache that belongs to ``contexts``: pinned documents never change, so their processing is shared
    /// by every loader over the same table.
    public var contextCache: JSONLDContextCache? { contexts.jsonLDContextCache }
}
