import Synchronization

/// Resolves DIDs for verification: the seam through which the ledger (did:webvh), the network (did:web)
/// or a fixed test table supply DID documents to the pure Core.
///
/// DID Resolution v1.0, https://www.w3.org/TR/did-resolution/#resolving. Resolution "as of" a time lets
/// a proof made before a key rotation verify against the keys valid when it was `created`.
public protocol DIDResolver: Sendable {
    /// Resolves `did`, as it was at `versionTime` when given.
    /// - Parameters:
    ///   - did: the DID to resolve.
    ///   - versionTime: the instant the document must describe, in XML Schema `dateTimeStamp` form;
    ///     `nil` for the current document.
    /// - Returns: the DID document.
    /// - Throws: ``DIDResolutionError`` when the DID cannot be resolved (not found, unsupported method,
    ///   invalid document).
    func resolve(_ did: DID, versionTime: String?) async throws(DIDResolutionError) -> DIDDocument
}

/// Resolves `did:key` DIDs, which need no I/O, and nothing else.
///
/// Expanding a did:key costs tens of microseconds (point decompression, the X25519 conversion, base58),
/// as much as verifying the signature it is needed for; since a did:key document never changes, each
/// resolver keeps the documents it made, up to ``cacheLimit`` of them.
public struct DIDKeyResolver: DIDResolver {
    /// How many documents one resolver keeps; the cache is emptied when it is full.
    public static let cacheLimit = 1024
    private let cache = DocumentCache()

    /// Creates the resolver.
    public init() {}

    /// Expands a did:key into its document; did:key documents never change, so `versionTime` is ignored.
    /// - Parameters:
    ///   - did: a `did:key` DID.
    ///   - versionTime: ignored.
    /// - Returns: the document.
    /// - Throws: ``DIDResolutionError/methodNotSupported(_:)`` for other methods,
    ///   ``DIDResolutionError/invalidDIDKey(_:)`` for a malformed key.
    public func resolve(_ did: DID, versionTime: String?) async throws(DIDResolutionError) -> DIDDocument {
        guard did.method == "key" else { throw .methodNotSupported(did.method) }
        if let cached = cache.document(for: did) { return cached }
        let document: DIDDocument
        do { document = try DIDKey(parsing: did).document() } catch { throw .invalidDIDKey(error) }
        cache.store(document, for: did, limit: Self.cacheLimit)
        return document
    }
}

/// A small thread-safe map from DID to document, shared by copies of one resolver.
private final class DocumentCache: Sendable {
    private let documents = Mutex<[DID: DIDDocument]>([:])

    func document(for did: DID) -> DIDDocument? {
        documents.withLock { $0[did] }
    }

    func store(_ document: DIDDocument, for did: DID, limit: Int) {
        documents.withLock { table in
            if table.count >= limit { table.removeAll(keepingCapacity: true) }
            table[did] = document
        }
    }
}

/// Tries resolvers in turn by DID method; for composing did:key with the ledger and did:web resolvers.
public struct MethodDispatchingResolver: DIDResolver {
    private let resolvers: [String: any DIDResolver]

    /// Creates a resolver that dispatches on the DID method name.
    /// - Parameter resolvers: one resolver per method name (`"key"`, `"webvh"`, `"web"`).
    public init(_ resolvers: [String: any DIDResolver]) {
        self.resolvers = resolvers
    }

    /// Resolves with the resolver registered for `did.method`.
    /// - Parameters:
    ///   - did: the DID.
    ///   - versionTime: passed through.
    /// - Returns: the document.
    /// - Throws: ``DIDResolutionError/methodNotSupported(_:)`` when no resolver handles the method, or the
    ///   chosen resolver's error.
    public func resolve(_ did: DID, versionTime: String?) async throws(DIDResolutionError) -> DIDDocument {
        guard let resolver = resolvers[did.method] else { throw .methodNotSupported(did.method) }
        return try await resolver.resolve(did, versionTime: versionTime)
    }
}
