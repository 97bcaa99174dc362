public import Foundation
public import MedCredCore

/// The published files of one did:webvh DID: `did.jsonl` and, when it uses witnesses, `did-witness.json`.
public struct WebVHLogFiles: Equatable, Sendable {
    public var log: String
    public var witness: String?

    public init(log: String, witness: String? = nil) {
        self.log = log
        self.witness = witness
    }
}

/// A ``DIDResolver`` for did:webvh DIDs whose logs are held in memory, keyed by DID (did:webvh v1.0
/// "Read (Resolve)"); the ledger and store supply the logs.
///
/// `versionTime` selects the entry in force at that instant, so a proof made before a key rotation verifies
/// against the keys of its time. A deactivated version resolves to ``DIDResolutionError/notFound(_:)``,
/// since the DID Resolution result cannot carry `deactivated` through this protocol.
public struct WebVHLogResolver: DIDResolver {
    private let logs: [String: WebVHLogFiles]
    private let clock: @Sendable () -> Date

    /// A resolver over fixed logs.
    /// - Parameters:
    ///   - logs: DID (as in `state.id`) → its files.
    ///   - clock: the current time, for the `versionTime` future check.
    public init(logs: [String: WebVHLogFiles], clock: @escaping @Sendable () -> Date) {
        self.logs = logs
        self.clock = clock
    }

    /// Resolves a did:webvh DID.
    /// - Parameters:
    ///   - did: the DID.
    ///   - versionTime: the instant, or `nil` for the latest version.
    /// - Returns: the DID document.
    /// - Throws: ``DIDResolutionError/methodNotSupported(_:)`` for other methods, ``DIDResolutionError/notFound(_:)``
    ///   for an unknown DID, an invalid log, a version not in the log or a deactivated DID, and
    ///   ``DIDResolutionError/invalidDIDDocument(_:)`` when the state is not a DID document.
    public func resolve(_ did: DID, versionTime: String?) async throws(DIDResolutionError) -> DIDDocument {
        guard did.method == "webvh" else { throw .methodNotSupported(did.method) }
        guard let files = logs[did.description] else { throw .notFound(did) }
        var url = did.description
        if let versionTime { url += "?versionTime=" + versionTime }
        let result = WebVHResolver.resolve(
            url, logText: files.log, witnessText: files.witness, now: XSDDateTime(clock()))
        guard let document = result.didDocument, result.didDocumentMetadata["deactivated"] != .bool(true) else {
            throw .notFound(did)
        }
        do { return try DIDDocument(json: document) } catch { throw .invalidDIDDocument(error) }
    }
}
