/// The JSON-LD context documents MedCred accepts, keyed by URL, supplied by the caller.
///
/// VC Data Model 2.0 §4.3 Contexts, <https://www.w3.org/TR/vc-data-model-2.0/#contexts>, and §6.3
/// Type-Specific Credential Processing, <https://www.w3.org/TR/vc-data-model-2.0/#type-specific-credential-processing>:
/// a verifier that does not run a JSON-LD processor only accepts `@context` values it knows in advance.
/// MedCred pins each accepted context by URL (and, in the product, by SHA-256); Core never reads files, so
/// the documents are passed in. A URL that is not here is an error naming it.
public struct KnownContexts: Sendable {
    /// The VC Data Model 2.0 base context, which must be first in `@context` (VCDM 2.0 §4.3).
    public static let credentialsV2 = "https://www.w3.org/ns/credentials/v2"
    /// The VC Data Model 1.1 base context, accepted only in version 1.1 mode (VCDM 1.1 §4.1,
    /// <https://www.w3.org/TR/vc-data-model-1.1/#contexts>).
    public static let credentialsV1 = "https://www.w3.org/2018/credentials/v1"

    /// The context documents (each an object with an `@context` member), keyed by URL.
    public let documents: [String: JSONValue]
    /// Each document's context processed once, here, rather than on every validation: the documents never
    /// change, and processing the base context dominated the cost of a check.
    let processed: [String: ProcessedContext]
    /// JSON-LD context processing results for these documents (``KnownContextsLoader``), shared by copies.
    let jsonLDContextCache = JSONLDContextCache()

    /// Creates the table and processes each document's context.
    /// - Parameter documents: context documents keyed by the exact URL used in `@context`.
    public init(documents: [String: JSONValue]) {
        self.documents = documents
        let unprocessed = KnownContexts(unprocessed: documents)
        var processed: [String: ProcessedContext] = [:]
        for (source, url) in documents.keys.sorted().enumerated() {
            processed[url] = ProcessedContext(url: url, known: unprocessed, source: source)
        }
        self.processed = processed
    }

    /// The same documents with no processed contexts, so processing takes the step-by-step path.
    private init(unprocessed documents: [String: JSONValue]) {
        self.documents = documents
        self.processed = [:]
    }

    /// The known URLs, sorted.
    public var urls: [String] { documents.keys.sorted() }

    /// The document for `url`, if known.
    /// - Parameter url: a context URL, compared exactly.
    public subscript(url: String) -> JSONValue? { documents[url] }
}
