/// Why a bearer token was refused or a token operation failed.
///
/// No case says which part of a presented token was wrong: a wrong secret for a known id is ``unknown``, the
/// same as an id that does not exist, so a caller cannot probe for valid ids.
public enum TokenError: Error, Equatable, Sendable {
    /// No `Authorization: Bearer` value was sent.
    case missing
    /// The value is not of the form `mc_<adm|iss>_<id>_<secret>`.
    case malformed
    /// No live token has that id and secret.
    case unknown
    /// The token was revoked.
    case revoked
    /// No token has the id given to an admin operation.
    case notFound

    /// The stable machine code the HTTP layer puts in problem+json.
    public var code: String {
        switch self {
        case .missing: "token-missing"
        case .malformed: "token-malformed"
        case .unknown: "token-unknown"
        case .revoked: "token-revoked"
        case .notFound: "token-not-found"
        }
    }
}
