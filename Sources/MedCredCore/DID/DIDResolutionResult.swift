/// The result of resolving a DID: the document and its metadata, or an error (DID Resolution v1.0
/// "DID Resolution Result", https://www.w3.org/TR/did-resolution/#did-resolution-result).
///
/// Errors are RFC 9457 problem objects, `{"type": "https://www.w3.org/ns/did#INVALID_DID", "title", "detail"}`,
/// as DID Resolution v1.0 "Errors" requires, not the bare `"invalidDid"` strings of earlier drafts.
public struct DIDResolutionResult: Equatable, Sendable {
    /// The JSON-LD context of a resolution result.
    public static let context = "https://w3id.org/did-resolution/v1"
    /// The media type of a JSON-LD DID document (W3C DID Core §6.3.1).
    public static let didLDJSONMediaType = "application/did+ld+json"
    /// The media type of a DID document in DID v1.1.
    public static let didMediaType = "application/did"

    /// The document, or `nil` when resolution failed.
    public var didDocument: DIDDocument?
    /// Metadata about the resolution: `contentType` on success, `error` on failure.
    public var didResolutionMetadata: JSONObject
    /// Metadata about the document, e.g. `deactivated`; empty for did:key.
    public var didDocumentMetadata: JSONObject
    /// The error, when resolution failed.
    public let error: DIDResolutionError?

    /// A successful result (DID Resolution v1.0 "DID Resolution Algorithm",
    /// https://www.w3.org/TR/did-resolution/#resolving-algorithm).
    /// - Parameters:
    ///   - document: the resolved document.
    ///   - contentType: its media type, `application/did+ld+json` unless given.
    ///   - documentMetadata: the DID document metadata.
    /// - Returns: the result.
    public static func success(
        _ document: DIDDocument, contentType: String = didLDJSONMediaType, documentMetadata: JSONObject = [:]
    ) -> DIDResolutionResult {
        DIDResolutionResult(
            didDocument: document, didResolutionMetadata: ["contentType": .string(contentType)],
            didDocumentMetadata: documentMetadata, error: nil)
    }

    /// A failed result: no document, the error in `didResolutionMetadata`, empty document metadata
    /// (DID Resolution v1.0 "DID Resolution Algorithm").
    /// - Parameter error: why resolution failed.
    /// - Returns: the result.
    public static func failure(_ error: DIDResolutionError) -> DIDResolutionResult {
        DIDResolutionResult(
            didDocument: nil, didResolutionMetadata: ["error": error.json], didDocumentMetadata: [:], error: error)
    }

    /// Resolves a did:key DID without any I/O (did:key Method v0.9 "Read", DID Resolution v1.0
    /// "DID Resolution Algorithm").
    /// - Parameter text: the DID to resolve.
    /// - Returns: the did:key document, or an `INVALID_DID`, `METHOD_NOT_SUPPORTED` or `FEATURE_NOT_SUPPORTED`
    ///   error result.
    public static func resolvingDIDKey(_ text: some StringProtocol) -> DIDResolutionResult {
        let did: DID
        do { did = try DID(parsing: text) } catch { return .failure(.invalidDID(error)) }
        guard did.method == "key" else { return .failure(.methodNotSupported(did.method)) }
        do { return .success(try DIDKey(parsing: did).document()) } catch { return .failure(.invalidDIDKey(error)) }
    }

    /// The result as JSON: `@context`, `didDocument` (or `null`), `didResolutionMetadata`, `didDocumentMetadata`.
    public var json: JSONValue {
        [
            "@context": .string(Self.context),
            "didDocument": didDocument?.json ?? .null,
            "didResolutionMetadata": .object(didResolutionMetadata),
            "didDocumentMetadata": .object(didDocumentMetadata),
        ]
    }
}
