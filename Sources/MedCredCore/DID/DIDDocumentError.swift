/// Why a JSON value is not a valid DID document (W3C DID Core §4 and §5).
///
/// Every case names the offending member with a JSON Pointer (RFC 6901), e.g. `/verificationMethod/0/type`;
/// the pointer of the whole document is `""`. See https://www.w3.org/TR/did-core/#core-properties.
public enum DIDDocumentError: Error, Equatable, Sendable {
    /// The JSON type a member must have.
    public enum ExpectedType: String, Equatable, Sendable {
        /// A JSON string.
        case string
        /// A JSON object (a DID Core map).
        case object
        /// A JSON array (a DID Core set or list).
        case array
        /// A string or an array of strings.
        case stringOrArray = "string or array of strings"
        /// A DID URL string or an embedded verification method object.
        case stringOrObject = "string or object"
        /// A `serviceEndpoint`: a string, an object, or an array of strings and objects (DID Core §5.4).
        case serviceEndpoint = "string, object, or array of strings and objects"
    }

    /// A required member is absent, e.g. `/id` or `/verificationMethod/0/controller`.
    case missingMember(pointer: String)
    /// A member has the wrong JSON type.
    case wrongType(pointer: String, expected: ExpectedType)
    /// A member that must hold at least one value is empty, e.g. a service `type` of `[]`.
    case emptyValue(pointer: String)
    /// A member that must be a DID (DID Core §3.1) is not one.
    case invalidDID(pointer: String, DIDParseError)
    /// A member that must be a DID URL (DID Core §3.2), absolute or relative, is not one.
    case invalidDIDURL(pointer: String, DIDParseError)
    /// A verification method carries more than one of `publicKeyJwk`, `publicKeyMultibase` and
    /// `publicKeyBase58` (DID Core §5.2.1 forbids several properties for the same material).
    case multipleVerificationMaterials(pointer: String)
    /// A verification method carries private key material (`privateKeyMultibase`, `privateKeyBase58`,
    /// `privateKeyJwk`, or a `d` member in `publicKeyJwk`; DID Core §5.2.1 forbids `d`).
    case privateKeyMaterial(pointer: String)
    /// Two verification methods, or two services, share an id (DID Core §5.2.1, §5.4).
    case duplicateID(String, pointer: String)
}
