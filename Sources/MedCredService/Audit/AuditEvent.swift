/// Something that happened which an operator or auditor must be able to see later, e.g. `credential.issued`.
///
/// Events carry identifiers, DIDs, counts and codes only, never health data or secrets: the audit log is
/// anchored on a ledger that outlives every credential (DESIGN.md: no protected health information goes on the
/// ledger, and the anchors commit to these fields).
public struct AuditEvent: Sendable, Codable, Equatable {
    /// What happened: `issuer.created`, `token.rotated`, `credential.issued`, `credential.revoked`,
    /// `credential.suspended`, `credential.reinstated`, `auth.login`, `auth.login-refused`, `key.rotated`,
    /// `accreditation.created`, …
    public let action: String
    /// Who did it: a token id, an issuer account id, a holder DID.
    public let actor: String
    /// What it was done to (a credential id, an account id, a DID), if anything.
    public let subject: String?
    /// Further ids, counts and reason codes.
    public let details: [String: String]

    /// Makes an event.
    public init(action: String, actor: String, subject: String?, details: [String: String] = [:]) {
        self.action = action
        self.actor = actor
        self.subject = subject
        self.details = details
    }
}

/// One link of the audit chain: an event, when it was recorded, and the hashes that chain it.
public struct AuditEntry: Sendable, Codable, Equatable {
    /// The 1-based position in the chain.
    public let sequence: UInt64
    /// When it was recorded (`YYYY-MM-DDTHH:MM:SSZ`, UTC).
    public let time: String
    /// What happened.
    public let event: AuditEvent
    /// The previous entry's ``hash``; 64 zeros for the first entry.
    public let previousHash: String
    /// Lowercase hex SHA-256 of the JCS of `{sequence, time, event, previousHash}` (RFC 8785).
    public let hash: String
    /// The ledger leaf index of the anchor written while this entry was the chain head, if any.
    public var ledgerIndex: UInt64?

    /// Makes an entry.
    public init(
        sequence: UInt64, time: String, event: AuditEvent, previousHash: String, hash: String, ledgerIndex: UInt64?
    ) {
        self.sequence = sequence
        self.time = time
        self.event = event
        self.previousHash = previousHash
        self.hash = hash
        self.ledgerIndex = ledgerIndex
    }
}

/// What ``AuditLog/verify()`` found.
public struct AuditVerification: Sendable, Equatable, Codable {
    /// How many entries were checked.
    public var entries: Int
    /// How many of them carry a ledger anchor that was checked.
    public var anchored: Int
    /// The first entry that failed a check, or `nil` when the whole log verified.
    public var firstBadSequence: UInt64?
    /// Why that entry failed, as a stable code (see ``AuditLog/verify()``).
    public var reason: String?

    /// Whether every entry and anchor verified.
    public var isValid: Bool { firstBadSequence == nil && reason == nil }

    /// Makes a verification summary.
    public init(entries: Int, anchored: Int, firstBadSequence: UInt64?, reason: String?) {
        self.entries = entries
        self.anchored = anchored
        self.firstBadSequence = firstBadSequence
        self.reason = reason
    }
}

/// Why the audit log could not do what was asked (not: "the log is damaged", which ``AuditVerification`` reports).
public enum AuditLogError: Error, Equatable, Sendable {
    /// A stored entry's details are not a JSON object of strings, so it cannot be shown.
    case entryUnreadable(sequence: UInt64)
    /// A page size outside `1...1000`.
    case limitOutOfRange(Int)

    /// The stable machine code the HTTP layer puts in problem+json.
    public var code: String {
        switch self {
        case .entryUnreadable: "audit-entry-unreadable"
        case .limitOutOfRange: "audit-limit-out-of-range"
        }
    }
}
