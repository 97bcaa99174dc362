public import MedCredLedger

/// Why the anchored DID registry refused a write or could not produce an anchor.
public enum AnchoringError: Error, Equatable, Sendable {
    /// The DID is not a valid did:webvh identifier.
    case invalidIdentifier(WebVHError)
    /// `create` for a DID that MedCred already hosts.
    case didAlreadyHosted(scid: String)
    /// `append` for a DID that MedCred does not host.
    case didNotHosted(scid: String)
    /// The log with the new entry does not verify as did:webvh; nothing was anchored or stored.
    case logRejected(WebVHError)
    /// The new entry is not the one the log's next version must be (e.g. it skipped or repeated a version).
    case entryNotNext(expectedVersionNumber: Int, actual: Int)
    /// The ledger has no signed checkpoint to prove inclusion against.
    case noSignedCheckpoint
    /// A stored signed checkpoint does not parse.
    case checkpointUnreadable(size: UInt64, NoteError)
    /// The entry's leaf is not in the ledger (or not yet covered by the latest checkpoint).
    case leafMissing(index: UInt64, size: UInt64)
    /// The leaf at the entry's index holds other bytes than the entry.
    case leafMismatch(index: UInt64)
    /// The entry has no ledger index: it was never anchored.
    case notAnchored(versionId: String)
    /// The tlog-proof for the entry does not verify.
    case proofInvalid(index: UInt64, [TlogProofFailure])
    /// A stored line does not parse as JSON, so its anchored bytes cannot be computed.
    case storedLineUnreadable(versionId: String)
}
