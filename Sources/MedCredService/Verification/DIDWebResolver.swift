public import MedCredCore

/// Fetches bytes over HTTPS for did:web documents (the executable implements it with libcurl).
public protocol DIDWebDocumentFetcher: Sendable {
    /// Fetches `url`.
    /// - Parameter url: an `https://` URL.
    /// - Returns: the response body of a 2xx answer.
    /// - Throws: when the document cannot be fetched (network error, non-2xx status, body too large).
    func fetch(url: String) async throws -> [UInt8]
}

/// Resolves `did:web` DIDs by fetching `did.json` over HTTPS (W3C did:web Method Specification §3.2 "Read",
/// https://w3c-ccg.github.io/did-method-web/#read-resolve).
///
/// did:web has no history, so `versionTime` is ignored and the current document is returned; a document that
/// cannot be fetched is reported as `NOT_FOUND`, which the verifier records as a failed proof check.
public struct DIDWebResolver: DIDResolver {
    /// The largest document accepted, in bytes.
    public static let maxDocumentSize = 1 << 20
    private let fetcher: any DIDWebDocumentFetcher

    /// Creates the resolver.
    /// - Parameter fetcher: the HTTPS client.
    public init(fetcher: any DIDWebDocumentFetcher) {
        self.fetcher = fetcher
    }

    /// Fetches and reads the DID document of `did`.
    /// - Parameters:
    ///   - did: a `did:web` DID.
    ///   - versionTime: ignored (did:web keeps no history).
    /// - Returns: the document, whose `id` must be `did`.
    /// - Throws: ``DIDResolutionError/methodNotSupported(_:)`` for another method,
    ///   ``DIDResolutionError/invalidDID(_:)`` for a malformed did:web, ``DIDResolutionError/notFound(_:)`` when
    ///   the document cannot be fetched or is not JSON, ``DIDResolutionError/invalidDIDDocument(_:)`` when it is
    ///   not a valid document for `did`.
    public func resolve(_ did: DID, versionTime: String?) async throws(DIDResolutionError) -> DIDDocument {
        guard did.method == "web" else { throw .methodNotSupported(did.method) }
        let url: String
        do { url = try DIDWebURL.documentURL(for: did) } catch { throw .invalidDID(error.parseError) }
        let body: [UInt8]
        do { body = try await fetcher.fetch(url: url) } catch { throw .notFound(did) }
        guard body.count <= Self.maxDocumentSize, let json = try? JSONValue(parsing: body) else {
            throw .notFound(did)
        }
        let document: DIDDocument
        do { document = try DIDDocument(json: json) } catch { throw .invalidDIDDocument(error) }
        // did:web §3.2 step 5: the document must describe the DID that was asked for, or a host could answer
        // for another DID.
        guard document.id == did else {
            throw .invalidDIDDocument(
                .invalidDID(pointer: "/id", .invalidCharacter(Character("/"), offset: 0)))
        }
        return document
    }

    /// The HTTPS URL of `did`'s document.
    /// - Parameter did: a did:web DID.
    /// - Returns: e.g. `https://example.com/user/did.json`.
    /// - Throws: ``DIDWebError``.
    public static func documentURL(for did: DID) throws(DIDWebError) -> String {
        try DIDWebURL.documentURL(for: did)
    }
}
