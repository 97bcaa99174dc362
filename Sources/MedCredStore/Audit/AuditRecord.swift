/// One stored line of the audit log: the event's fields as the service hashed them, and the chain links.
public struct AuditRecord: Hashable, Sendable {
    /// The 1-based position in the chain.
    public let sequence: UInt64
    /// When it was recorded (`YYYY-MM-DDTHH:MM:SSZ`).
    public let time: String
    /// What happened, e.g. `credential.issued`.
    public let action: String
    /// Who did it (a token id, an account id, a DID).
    public let actor: String
    /// What it was done to, if anything.
    public let subject: String?
    /// Further ids and counts, as the JCS text of a JSON object of strings.
    public let details: String
    /// The lowercase hex SHA-256 of the previous entry (64 zeros for the first).
    public let previousHash: String
    /// The lowercase hex SHA-256 of this entry.
    public let hash: String
    /// The ledger leaf index of the anchor that covers this entry as its head, if one was written.
    public let ledgerIndex: UInt64?

    /// Makes a record.
    public init(
        sequence: UInt64, time: String, action: String, actor: String, subject: String?, details: String,
        previousHash: String, hash: String, ledgerIndex: UInt64? = nil
    ) {
        self.sequence = sequence
        self.time = time
        self.action = action
        self.actor = actor
        self.subject = subject
        self.details = details
        self.previousHash = previousHash
        self.hash = hash
        self.ledgerIndex = ledgerIndex
    }
}

/// Why the audit store refused a write.
public enum AuditStoreError: Error, Equatable, Sendable {
    /// A batch did not continue the stored chain at the next sequence number.
    case sequenceOutOfOrder(expected: UInt64, actual: UInt64)
    /// An anchor was recorded for an entry that is not stored.
    case entryMissing(sequence: UInt64)
}
