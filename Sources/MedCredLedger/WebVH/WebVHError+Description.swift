public import MedCredCore

/// One-line messages for people (CLI output, resolution metadata). They quote DIDs, member and parameter
/// names, version ids, hashes, times and public keys; never DID document content beyond `state.id`.
extension WebVHError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidIdentifier(let did, let reason): "'\(did)' is not a valid did:webvh DID: \(reason.rawValue)"
        case .emptyLog: "the did:webvh log has no entries"
        case .invalidJSON(let entry, let error): "entry \(entry) is not strict I-JSON: \(error)"
        case .entryNotObject(let entry): "entry \(entry) is blank or not a JSON object"
        case .missingMember(let entry, let name): "entry \(entry) has no '\(name)' member"
        case .unexpectedMember(let entry, let name):
            "entry \(entry) has the member '\(name)', which the log entry schema does not define"
        case .wrongMemberType(let entry, let name): "entry \(entry): '\(name)' has the wrong JSON type"
        case .malformedVersionID(let entry, let versionID):
            "entry \(entry): versionId '\(versionID)' is not '<number>-<entryHash>'"
        case .versionNumberOutOfSequence(let entry, let expected, let actual):
            "entry \(entry) has version number \(actual), but \(expected) was expected"
        case .unsupportedHash(let entry, let hash):
            "entry \(entry): entry hash '\(hash)' is not a base58btc sha2-256 multihash"
        case .entryHashMismatch(let entry, let expected, let actual):
            "entry \(entry): entry hash '\(actual)' does not match the computed '\(expected)'"
        case .invalidVersionTime(let entry, let time):
            "entry \(entry): versionTime '\(time)' is not a UTC ISO 8601 timestamp"
        case .versionTimeNotIncreasing(let entry, let previous, let actual):
            "entry \(entry): versionTime \(actual) is not after the previous entry's \(previous)"
        case .versionTimeInFuture(let entry, let versionTime, let now):
            "entry \(entry): versionTime \(versionTime) is in the future (now \(now))"
        case .invalidSCID(let scid): "the SCID '\(scid)' is not a base58btc sha2-256 multihash"
        case .scidMismatch(let expected, let actual):
            "the first entry hashes to SCID '\(actual)', not the log's '\(expected)'"
        case .invalidState(let entry, let id):
            id == "state.id"
                ? "entry \(entry): 'state' has no string 'id'"
                : "entry \(entry): state.id '\(id)' is not a did:webvh DID"
        case .stateSCIDMismatch(let entry, let expected, let actual):
            "entry \(entry): state.id has SCID '\(actual)', not the log's '\(expected)'"
        case .portabilityViolation(let entry, let from, let to):
            "entry \(entry) moves the DID from \(from) to \(to), but it is not portable or lacks alsoKnownAs"
        case .invalidParameter(let entry, let name, let reason):
            "entry \(entry): parameter '\(name)' is invalid: \(reason.rawValue)"
        case .unsupportedMethodVersion(let entry, let method):
            "entry \(entry): method '\(method)' is not a did:webvh version this resolver implements"
        case .entryAfterDeactivation(let entry): "entry \(entry) follows an entry that deactivated the DID"
        case .preRotationParameterMissing(let entry, let name):
            "entry \(entry): pre-rotation is active, so '\(name)' must be given explicitly"
        case .preRotationKeyNotCommitted(let entry, let key):
            "entry \(entry): update key '\(key)' was not committed in the previous nextKeyHashes"
        case .missingProof(let entry): "entry \(entry) has no Data Integrity proof"
        case .unsupportedCryptosuite(let entry, let suite):
            "entry \(entry): cryptosuite '\(suite)' is not supported (did:webvh uses eddsa-jcs-2022)"
        case .invalidVerificationMethod(let entry, let method):
            "entry \(entry): verification method '\(method)' is not did:key:<multikey>#<multikey>"
        case .unauthorizedKey(let entry, let key):
            "entry \(entry) is signed by '\(key)', which is not an active update key"
        case .invalidProof(let entry, let error): "entry \(entry): the proof does not verify: \(error)"
        case .invalidWitnessFile(let reason): "the witness file is invalid: \(reason)"
        case .witnessThresholdNotMet(let entry, let threshold, let approvals):
            "entry \(entry) has \(approvals) witness approvals; the threshold is \(threshold)"
        case .proofGeneration(let error): "signing the entry failed: \(error)"
        case .didSCIDMismatch(let did, let logSCID): "the log's SCID '\(logSCID)' is not the SCID of \(did)"
        case .didNotInLog(let did): "no valid log entry has state.id \(did)"
        case .versionNotFound(let version): "no valid log entry matches version '\(version)'"
        case .invalidQuery(let parameter): "the DID URL query parameter '\(parameter)' is malformed"
        }
    }
}
