/// Why a witness refused to cosign, with the HTTP answer C2SP tlog-witness prescribes
/// (https://c2sp.org/tlog-witness, "add-checkpoint").
public enum WitnessRejection: Error, Equatable, Sendable {
    /// The body is malformed (400).
    case malformedRequest(WitnessRequestError)
    /// The checkpoint origin is not a log this witness follows (404).
    case unknownOrigin(String)
    /// No signature from a key trusted for the origin, or one that fails to verify (403).
    case logSignatureInvalid(origin: String)
    /// The old size is larger than the checkpoint size (400).
    case oldSizeBeyondCheckpoint(oldSize: UInt64, treeSize: UInt64)
    /// The old size is not the size of the latest cosigned checkpoint (409): the client must retry from
    /// `latestSize`. A checkpoint smaller than the one cosigned (a rollback) ends here or at
    /// ``oldSizeBeyondCheckpoint(oldSize:treeSize:)``.
    case oldSizeMismatch(oldSize: UInt64, latestSize: UInt64)
    /// A size-0 checkpoint whose root is not SHA-256 of the empty string (422).
    case emptyTreeRootInvalid
    /// A non-empty consistency proof from old size 0 (422).
    case proofNotEmpty(count: Int)
    /// The same size as the cosigned checkpoint with another root: the log forked (422).
    case forkedRoot(treeSize: UInt64)
    /// The consistency proof from the cosigned checkpoint does not verify: a fork or a bad proof (422).
    case consistencyProofInvalid(MerkleError)

    /// The HTTP status code.
    public var status: Int {
        switch self {
        case .malformedRequest, .oldSizeBeyondCheckpoint: 400
        case .logSignatureInvalid: 403
        case .unknownOrigin: 404
        case .oldSizeMismatch: 409
        case .emptyTreeRootInvalid, .proofNotEmpty, .forkedRoot, .consistencyProofInvalid: 422
        }
    }

    /// The response's `Content-Type`: `text/x.tlog.size` for 409, plain text otherwise.
    public var contentType: String {
        if case .oldSizeMismatch = self { return "text/x.tlog.size" }
        return "text/plain; charset=utf-8"
    }

    /// The response body: for 409 the latest cosigned size and a newline, otherwise one explanatory line.
    public var body: String {
        switch self {
        case .oldSizeMismatch(_, let latestSize): "\(latestSize)\n"
        case .malformedRequest(let error): "malformed request: \(error)\n"
        case .unknownOrigin: "unknown log origin\n"
        case .logSignatureInvalid: "no valid signature from a trusted log key\n"
        case .oldSizeBeyondCheckpoint(let old, let size): "old size \(old) is larger than tree size \(size)\n"
        case .emptyTreeRootInvalid: "a tree of size 0 must have the empty tree root\n"
        case .proofNotEmpty(let count): "old size 0 needs an empty proof, got \(count) hashes\n"
        case .forkedRoot(let size): "tree size \(size) was cosigned with a different root\n"
        case .consistencyProofInvalid(let error): "consistency proof does not verify: \(error)\n"
        }
    }
}

/// The witness's answer to one `add-checkpoint` request.
public enum WitnessDecision: Equatable, Sendable {
    /// Cosign: store `record` (atomically, only if the state is still the one decided on), then answer 200
    /// with `response`, the witness's cosignature line(s).
    case cosigned(WitnessRecord, response: String)
    /// Refuse with the rejection's status, content type and body; the state is unchanged.
    case rejected(WitnessRejection)
}
