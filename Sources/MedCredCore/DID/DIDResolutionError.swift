/// A DID resolution error, written into `didResolutionMetadata.error` as an RFC 9457 problem object
/// (DID Resolution v1.0 "Errors", https://www.w3.org/TR/did-resolution/#errors).
public enum DIDResolutionError: Error, Equatable, Sendable {
    /// The input is not a DID (`INVALID_DID`).
    case invalidDID(DIDParseError)
    /// The input is a DID but not a did:key this resolver can expand: `INVALID_DID`, or
    /// `FEATURE_NOT_SUPPORTED` for a key type other than Ed25519.
    case invalidDIDKey(DIDKeyError)
    /// The resolver does not support this DID method (`METHOD_NOT_SUPPORTED`).
    case methodNotSupported(String)
    /// The DID does not exist (`NOT_FOUND`).
    case notFound(DID)
    /// The DID method produced a malformed DID document (`INVALID_DID_DOCUMENT`).
    case invalidDIDDocument(DIDDocumentError)
    /// The requested media type cannot be produced (`REPRESENTATION_NOT_SUPPORTED`).
    case representationNotSupported(String)

    /// The error code without its URL, e.g. `INVALID_DID`.
    public var code: String {
        switch self {
        case .invalidDID: "INVALID_DID"
        case .invalidDIDKey(.unsupportedPublicKeyType): "FEATURE_NOT_SUPPORTED"
        case .invalidDIDKey: "INVALID_DID"
        case .methodNotSupported: "METHOD_NOT_SUPPORTED"
        case .notFound: "NOT_FOUND"
        case .invalidDIDDocument: "INVALID_DID_DOCUMENT"
        case .representationNotSupported: "REPRESENTATION_NOT_SUPPORTED"
        }
    }

    /// The problem `type` URL, e.g. `https://www.w3.org/ns/did#INVALID_DID`.
    public var type: String { "https://www.w3.org/ns/did#" + code }

    /// A short human-readable title for the problem (RFC 9457 §3.1.3).
    public var title: String {
        switch self {
        case .invalidDID: "Invalid DID"
        case .invalidDIDKey(.unsupportedPublicKeyType): "Unsupported did:key public key type"
        case .invalidDIDKey: "Invalid did:key"
        case .methodNotSupported: "DID method not supported"
        case .notFound: "DID not found"
        case .invalidDIDDocument: "Invalid DID document"
        case .representationNotSupported: "Representation not supported"
        }
    }

    /// A longer explanation naming what was wrong (RFC 9457 §3.1.4); it holds no key material beyond the
    /// public key type.
    public var detail: String {
        switch self {
        case .invalidDID(let error): "\(error)"
        case .invalidDIDKey(let error): "\(error.specErrorName): \(error)"
        case .methodNotSupported(let method): "did:\(method) is not supported"
        case .notFound(let did): "\(did) was not found"
        case .invalidDIDDocument(let error): "\(error)"
        case .representationNotSupported(let mediaType): "\(mediaType) is not supported"
        }
    }

    /// The problem object: `type`, `title` and `detail`.
    public var json: JSONValue {
        ["type": .string(type), "title": .string(title), "detail": .string(detail)]
    }
}
