public import MedCredCore

/// Why a did:webvh DID, log, entry or witness file was rejected (did:webvh v1.0 "Read (Resolve)",
/// https://identity.foundation/didwebvh/v1.0/#read-resolve).
///
/// Entry numbers are the 1-based line numbers of `did.jsonl`, which equal the expected version numbers.
public enum WebVHError: Error, Equatable, Sendable {
    // MARK: Identifier
    /// The DID is not `did:webvh:<scid>:<domain>[:path…]`, or a DID URL component leaked into it.
    case invalidIdentifier(String, reason: IdentifierProblem)

    // MARK: Log text
    /// The log has no entries.
    case emptyLog
    /// A line is not strict I-JSON (truncated, duplicate member, trailing data…).
    case invalidJSON(entry: Int, JSONParseError)
    /// A line is blank, or holds something other than a JSON object.
    case entryNotObject(entry: Int)
    /// A required member (`versionId`, `versionTime`, `parameters`, `state`, `proof`) is missing.
    case missingMember(entry: Int, String)
    /// The entry has a member the log entry schema does not define.
    case unexpectedMember(entry: Int, String)
    /// A member has the wrong JSON type.
    case wrongMemberType(entry: Int, String)

    // MARK: versionId / versionTime
    /// `versionId` is not `<n>-<entryHash>` with a positive decimal `n` and one dash.
    case malformedVersionID(entry: Int, String)
    /// The version number is not the previous one plus one.
    case versionNumberOutOfSequence(entry: Int, expected: Int, actual: Int)
    /// The entry hash is not a base58btc sha2-256 multihash.
    case unsupportedHash(entry: Int, String)
    /// The entry hash does not match the hash of the entry chained to its predecessor.
    case entryHashMismatch(entry: Int, expected: String, actual: String)
    /// `versionTime` is not a UTC (`Z` or `+00:00`) ISO 8601 timestamp.
    case invalidVersionTime(entry: Int, String)
    /// `versionTime` is not strictly after the previous entry's.
    case versionTimeNotIncreasing(entry: Int, previous: String, actual: String)
    /// `versionTime` is later than the resolver's clock allows.
    case versionTimeInFuture(entry: Int, versionTime: String, now: String)

    // MARK: SCID and state
    /// `parameters.scid` is not a base58btc sha2-256 multihash.
    case invalidSCID(String)
    /// The first entry does not hash to `parameters.scid`.
    case scidMismatch(expected: String, actual: String)
    /// `state` is not a DID document whose `id` is a did:webvh DID.
    case invalidState(entry: Int, String)
    /// The SCID of `state.id` is not the log's SCID.
    case stateSCIDMismatch(entry: Int, expected: String, actual: String)
    /// `state.id` moved to another location although the DID is not portable, or without `alsoKnownAs`.
    case portabilityViolation(entry: Int, from: String, to: String)

    // MARK: Parameters
    /// A parameter breaks the rules of did:webvh v1.0 "Parameters".
    case invalidParameter(entry: Int, name: String, reason: ParameterProblem)
    /// `parameters.method` is not a did:webvh version this resolver implements.
    case unsupportedMethodVersion(entry: Int, String)
    /// An entry follows one that deactivated the DID.
    case entryAfterDeactivation(entry: Int)
    /// Pre-rotation is active but `updateKeys` or `nextKeyHashes` is not given explicitly.
    case preRotationParameterMissing(entry: Int, name: String)
    /// Pre-rotation is active and this update key's hash was not committed in `nextKeyHashes`.
    case preRotationKeyNotCommitted(entry: Int, key: String)

    // MARK: Proofs
    /// The entry has no Data Integrity proof.
    case missingProof(entry: Int)
    /// The proof is not `DataIntegrityProof` / `eddsa-jcs-2022`.
    case unsupportedCryptosuite(entry: Int, String)
    /// The proof's `verificationMethod` is not `did:key:<multikey>#<same multikey>`.
    case invalidVerificationMethod(entry: Int, String)
    /// The proof's key is not among the active `updateKeys`.
    case unauthorizedKey(entry: Int, String)
    /// The proof did not verify.
    case invalidProof(entry: Int, DataIntegrityError)

    // MARK: Witnesses
    /// `did-witness.json` is not an array of `{versionId, proof: [...]}`.
    case invalidWitnessFile(String)
    /// Fewer distinct witnesses approved the entry than the threshold requires.
    case witnessThresholdNotMet(entry: Int, threshold: Int, approvals: Int)

    /// Signing a new entry or witness proof failed.
    case proofGeneration(ProofGenerationError)

    // MARK: Resolution
    /// The log's SCID is not the SCID in the DID being resolved.
    case didSCIDMismatch(did: String, logSCID: String)
    /// No valid entry's `state.id` is the DID being resolved.
    case didNotInLog(String)
    /// No valid entry matches the requested version.
    case versionNotFound(String)
    /// A DID URL query parameter is malformed.
    case invalidQuery(String)

    /// What is wrong with a did:webvh identifier.
    public enum IdentifierProblem: String, Equatable, Sendable {
        case notWebVH = "not a did:webvh DID"
        case invalidSCID = "SCID is not 46 base58btc characters"
        case invalidPercentEncoding = "invalid percent-encoding"
        case invalidDomain = "domain is not a fully qualified DNS name"
        case ipAddress = "domain is an IP address"
        case invalidPort = "port is not 1-65535"
        case invalidPathSegment = "path segment is empty, '.', '..', or contains '/', '\\\\', NUL or edge whitespace"
        case didURLComponent = "contains a DID URL path, query or fragment"
        case placeholder = "contains the {SCID} placeholder"
    }

    /// What is wrong with a parameter.
    public enum ParameterProblem: String, Equatable, Sendable {
        case unknown = "not a did:webvh 1.0 parameter"
        case wrongType = "wrong JSON type"
        case missing = "required in the first entry"
        case notAllowedAfterFirstEntry = "only allowed in the first entry"
        case empty = "must not be empty"
        case duplicate = "contains a duplicate"
        case invalidKey = "not an Ed25519 multikey"
        case invalidThreshold = "threshold must be an integer from 1 to the number of distinct witnesses"
        case invalidWitness = "witness id must be an Ed25519 did:key"
        case duplicateWitness = "witness ids must be unique"
        case portableAfterFirstEntry = "portable: true is only allowed in the first entry"
        case outOfRange = "out of range"
    }

    /// The `didResolutionMetadata.error` code the did:webvh test suites expect: `invalidDid`,
    /// `invalidParameters`, `invalidProof` or `notFound`.
    public var resolutionErrorCode: String {
        switch self {
        case .invalidParameter, .preRotationParameterMissing, .preRotationKeyNotCommitted: "invalidParameters"
        // An absent proof is a malformed entry (`invalidDid`, as the Python harness expects), not a bad proof.
        case .unsupportedCryptosuite, .invalidVerificationMethod, .unauthorizedKey, .invalidProof: "invalidProof"
        case .versionNotFound: "notFound"
        default: "invalidDid"
        }
    }

    /// The entry the error is about, when it is about one.
    public var entry: Int? {
        switch self {
        case .invalidJSON(let entry, _), .entryNotObject(let entry), .missingMember(let entry, _),
            .unexpectedMember(let entry, _), .wrongMemberType(let entry, _), .malformedVersionID(let entry, _),
            .versionNumberOutOfSequence(let entry, _, _), .unsupportedHash(let entry, _),
            .entryHashMismatch(let entry, _, _), .invalidVersionTime(let entry, _),
            .versionTimeNotIncreasing(let entry, _, _), .versionTimeInFuture(let entry, _, _),
            .invalidState(let entry, _), .stateSCIDMismatch(let entry, _, _), .portabilityViolation(let entry, _, _),
            .invalidParameter(let entry, _, _), .unsupportedMethodVersion(let entry, _),
            .entryAfterDeactivation(let entry), .preRotationParameterMissing(let entry, _),
            .preRotationKeyNotCommitted(let entry, _), .missingProof(let entry), .unsupportedCryptosuite(let entry, _),
            .invalidVerificationMethod(let entry, _), .unauthorizedKey(let entry, _), .invalidProof(let entry, _),
            .witnessThresholdNotMet(let entry, _, _):
            entry
        case .scidMismatch, .invalidSCID: 1
        default: nil
        }
    }
}
