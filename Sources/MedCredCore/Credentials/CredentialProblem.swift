/// One problem found while checking a credential or presentation, in the shape of an RFC 9457 problem
/// details object with a JSON Pointer to the offending value.
///
/// W3C VC Data Model 2.0 §7.2 Problem Details, <https://www.w3.org/TR/vc-data-model-2.0/#problem-details>:
/// `type` is a URL naming the kind of problem, `title` is short, `detail` is longer; the spec asks that a
/// ``ProblemType/malformedValue`` name the property and its path, which ``pointer`` does (RFC 6901,
/// <https://www.rfc-editor.org/rfc/rfc6901>). Details never quote claim values, so health data and
/// subject identifiers stay out of logs (STYLE.md §4).
public struct CredentialProblem: Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem (VCDM 2.0 §7.2, VC Data Integrity, Processing Errors, Bitstring Status List §3).
    public let type: ProblemType
    /// An RFC 6901 JSON Pointer into the checked document; `""` is the whole document.
    public let pointer: String
    /// A short, specific human-readable summary (RFC 9457 §3.1.3).
    public let title: String
    /// A longer human-readable explanation (RFC 9457 §3.1.4).
    public let detail: String

    /// Creates a problem.
    /// - Parameters:
    ///   - type: the kind of problem.
    ///   - pointer: an RFC 6901 JSON Pointer to the offending value (`""` for the whole document).
    ///   - title: a short summary; ``ProblemType/title`` when `nil`.
    ///   - detail: a longer explanation that names the rule broken.
    public init(type: ProblemType, pointer: String, title: String? = nil, detail: String) {
        self.type = type
        self.pointer = pointer
        self.title = title ?? type.title
        self.detail = detail
    }

    /// The ``ProblemType/parsing`` problem for bytes that are not a JSON document (VCDM 2.0 §7.2
    /// PARSING_ERROR); the pointer is the whole document and the detail names the byte offset.
    /// - Parameter parseError: why parsing the bytes as a ``JSONValue`` failed.
    public init(parseError: JSONParseError) {
        self.init(type: .parsing, pointer: "", detail: "the document is not strict I-JSON (RFC 7493): \(parseError)")
    }

    /// The same problem located under `prefix`, for a document embedded in another (a credential in a
    /// presentation's `verifiableCredential`).
    /// - Parameter prefix: the JSON Pointer of the embedded document.
    /// - Returns: the problem with `prefix` prepended to ``pointer``.
    public func nested(under prefix: String) -> CredentialProblem {
        CredentialProblem(type: type, pointer: prefix + pointer, title: title, detail: detail)
    }

    /// The RFC 9457 problem details object: `type`, `title`, `detail` and the `pointer` extension member.
    ///
    /// RFC 9457 §3, <https://www.rfc-editor.org/rfc/rfc9457#section-3>; VCDM 2.0 §7.2.
    public var problemDetails: JSONValue {
        [
            "type": .string(type.url), "title": .string(title), "detail": .string(detail),
            "pointer": .string(pointer),
        ]
    }

    /// `TYPE at /pointer: detail`, for logs and test failures.
    public var description: String {
        "\(type.rawValue) at \(pointer.isEmpty ? "(document)" : pointer): \(detail)"
    }
}

/// The problem types MedCred reports, with the URLs the specifications assign to them.
///
/// VC Data Model 2.0 §7.2, <https://www.w3.org/TR/vc-data-model-2.0/#problem-details>, defines the first
/// four under `https://www.w3.org/TR/vc-data-model#`; VC Data Integrity 1.0 "Processing Errors",
/// <https://www.w3.org/TR/vc-data-integrity/#processing-errors>, defines the proof errors under
/// `https://w3id.org/security#`; Bitstring Status List 1.0 §3 "Processing Errors",
/// <https://www.w3.org/TR/vc-bitstring-status-list/#processing-errors>, defines the status errors under
/// `https://www.w3.org/ns/credentials/status-list#`. Raw values are the names the specs use.
public enum ProblemType: String, CaseIterable, Hashable, Sendable {
    /// There was an error while parsing input (VCDM 2.0 §7.2).
    case parsing = "PARSING_ERROR"
    /// The securing mechanism detected a modification of the document (VCDM 2.0 §7.2, §7.1 step 1.3).
    case cryptographicSecurity = "CRYPTOGRAPHIC_SECURITY_ERROR"
    /// The value of a property is malformed (VCDM 2.0 §7.2, §7.1 step 2).
    case malformedValue = "MALFORMED_VALUE_ERROR"
    /// A value is outside the expected range of an associated value (VCDM 2.0 §7.2).
    case range = "RANGE_ERROR"
    /// A request to generate a proof failed (VC Data Integrity, Processing Errors).
    case proofGeneration = "PROOF_GENERATION_ERROR"
    /// An error was encountered during proof verification (VC Data Integrity, Processing Errors).
    case proofVerification = "PROOF_VERIFICATION_ERROR"
    /// An error was encountered during the transformation process (VC Data Integrity, Processing Errors).
    case proofTransformation = "PROOF_TRANSFORMATION_ERROR"
    /// The proof's `domain` did not match the expected value (VC Data Integrity, Processing Errors).
    case invalidDomain = "INVALID_DOMAIN_ERROR"
    /// The proof's `challenge` did not match the expected value (VC Data Integrity, Processing Errors).
    case invalidChallenge = "INVALID_CHALLENGE_ERROR"
    /// Retrieval of the status list failed (Bitstring Status List §3).
    case statusRetrieval = "STATUS_RETRIEVAL_ERROR"
    /// Validation of the status entry failed (Bitstring Status List §3).
    case statusVerification = "STATUS_VERIFICATION_ERROR"
    /// The status list is shorter than the required minimum (Bitstring Status List §3).
    case statusListLength = "STATUS_LIST_LENGTH_ERROR"

    /// The problem type URL to put in a problem details `type` member.
    public var url: String {
        switch self {
        case .parsing, .cryptographicSecurity, .malformedValue, .range:
            "https://www.w3.org/TR/vc-data-model#\(rawValue)"
        case .proofGeneration, .proofVerification, .proofTransformation, .invalidDomain, .invalidChallenge:
            "https://w3id.org/security#\(rawValue)"
        case .statusRetrieval, .statusVerification, .statusListLength:
            "https://www.w3.org/ns/credentials/status-list#\(rawValue)"
        }
    }

    /// A short default title for problems of this type.
    public var title: String {
        switch self {
        case .parsing: "Input could not be parsed"
        case .cryptographicSecurity: "Securing mechanism detected tampering"
        case .malformedValue: "Malformed property value"
        case .range: "Value out of range"
        case .proofGeneration: "Proof generation failed"
        case .proofVerification: "Proof verification failed"
        case .proofTransformation: "Proof transformation failed"
        case .invalidDomain: "Proof domain mismatch"
        case .invalidChallenge: "Proof challenge mismatch"
        case .statusRetrieval: "Status list retrieval failed"
        case .statusVerification: "Status entry validation failed"
        case .statusListLength: "Status list too short"
        }
    }

    /// The integer code the Candidate Recommendation drafts gave this type, for systems that only carry
    /// integers.
    ///
    /// The codes were removed before the Recommendations (w3c/vc-data-model 92d607dd, "Remove ProblemDetail
    /// integer error codes", w3c/vc-data-integrity 9db1c97, w3c/vc-bitstring-status-list 8af361e), so no
    /// specification now requires them:
    /// VCDM -64…-67, Data Integrity -16…-20, Bitstring Status List -128…-130.
    public var legacyCode: Int {
        switch self {
        case .parsing: -64
        case .cryptographicSecurity: -65
        case .malformedValue: -66
        case .range: -67
        case .proofGeneration: -16
        case .proofVerification: -17
        case .proofTransformation: -18
        case .invalidDomain: -19
        case .invalidChallenge: -20
        case .statusRetrieval: -128
        case .statusVerification: -129
        case .statusListLength: -130
        }
    }

    /// The type whose ``url`` or name is `text`, if any.
    /// - Parameter text: a problem type URL (`https://www.w3.org/TR/vc-data-model#RANGE_ERROR`) or name
    ///   (`RANGE_ERROR`).
    public init?(urlOrName text: String) {
        if let type = ProblemType(rawValue: text) {
            self = type
        } else if let type = ProblemType.allCases.first(where: { $0.url == text }) {
            self = type
        } else {
            return nil
        }
    }
}
