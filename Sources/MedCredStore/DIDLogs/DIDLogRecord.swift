/// One stored line of a hosted did:webvh DID's `did.jsonl`, with where it was anchored on the ledger.
public struct DIDLogRecord: Hashable, Sendable {
    /// The DID's SCID, which stays the same when a portable DID moves.
    public let scid: String
    /// The entry's version number (its 1-based line number).
    public let versionNumber: Int
    /// The entry's `versionId`.
    public let versionId: String
    /// The entry as one JSON line, without the newline.
    public let line: String
    /// The ledger leaf index whose data is the entry's JCS bytes, or `nil` for an entry that was never anchored.
    public let ledgerIndex: UInt64?

    /// Makes a record.
    public init(scid: String, versionNumber: Int, versionId: String, line: String, ledgerIndex: UInt64?) {
        self.scid = scid
        self.versionNumber = versionNumber
        self.versionId = versionId
        self.line = line
        self.ledgerIndex = ledgerIndex
    }
}

/// Why the DID log store refused a write.
public enum DIDLogStoreError: Error, Equatable, Sendable {
    /// The entry's version number is not the next one for its DID.
    case versionOutOfSequence(scid: String, expected: Int, actual: Int)
}
