extension DataIntegrity {
    /// What the verifier expects of every proof, and the current time (Data Integrity §4.4 inputs
    /// `expectedProofPurpose`, `domain` and `challenge`, https://www.w3.org/TR/vc-data-integrity/#verify-proof).
    public struct VerificationOptions: Sendable {
        /// The verifier's current time, compared with each proof's `expires` as an instant; a value without
        /// a timezone is read as UTC.
        public var now: XSDDateTime
        /// The purpose every proof must state, e.g. `assertionMethod`; `nil` accepts any purpose.
        public var expectedProofPurpose: String?
        /// The domains every proof's `domain` must equal as a set; `nil` skips the check.
        public var domain: [String]?
        /// The challenge every proof's `challenge` must equal; `nil` skips the check.
        public var challenge: String?
        /// The pinned contexts `eddsa-rdfc-2022` and `Ed25519Signature2020` proofs are canonicalized with;
        /// `nil` verifies `eddsa-jcs-2022` proofs only (the did:webvh log, which its spec restricts to it).
        public var contexts: KnownContexts?

        /// Creates verification options (Data Integrity §4.4).
        /// - Parameters:
        ///   - now: the current time.
        ///   - expectedProofPurpose: the required purpose, or `nil`.
        ///   - domain: the required domains, or `nil`.
        ///   - challenge: the required challenge, or `nil`.
        ///   - contexts: the pinned contexts for the RDFC suites, or `nil` for `eddsa-jcs-2022` only.
        public init(
            now: XSDDateTime, expectedProofPurpose: String? = nil, domain: [String]? = nil,
            challenge: String? = nil, contexts: KnownContexts? = nil
        ) {
            self.contexts = contexts
            self.now = now
            self.expectedProofPurpose = expectedProofPurpose
            self.domain = domain
            self.challenge = challenge
        }
    }
}

/// The outcome of verifying one proof of a document (Data Integrity §4.4 "Verify Proof" and vc-di-eddsa
/// §3.3.2, https://www.w3.org/TR/vc-di-eddsa/#verify-proof-eddsa-jcs-2022).
public struct ProofVerification: Equatable, Sendable {
    /// The proof's position in the proof set; 0 for a single proof.
    public let index: Int
    /// The proof as received.
    public let proof: JSONValue
    /// The checks that passed, in the order they ran.
    public let passedChecks: [DataIntegrityCheck]
    /// Why the proof failed, or `nil` when it verified.
    public let failure: DataIntegrityError?

    /// Whether the proof verified.
    public var verified: Bool { failure == nil }

    /// The proof's `verificationMethod`, when it is a string.
    public var verificationMethod: String? { proof["verificationMethod"]?.stringValue }
}

/// The outcome of verifying every proof of a secured document: a single proof, a proof set or a proof chain
/// (Data Integrity §4.5 "Verify Proof Sets and Chains", https://www.w3.org/TR/vc-data-integrity/#verify-proof-sets-and-chains).
public struct DataIntegrityVerification: Equatable, Sendable {
    /// Why no proof could be examined at all (the document does not parse, is not an object, or has no
    /// proof), or `nil`.
    public let documentFailure: DataIntegrityError?
    /// One outcome per proof, in document order.
    public let proofs: [ProofVerification]
    /// The document without `proof`, when every proof verified; otherwise `nil` (Data Integrity §4.4
    /// `verifiedDocument`).
    public let verifiedDocument: JSONValue?

    /// Whether the document has at least one proof and every proof verified.
    public var verified: Bool { documentFailure == nil && !proofs.isEmpty && proofs.allSatisfy(\.verified) }

    /// Every failure: the document's, or each failing proof's, in order.
    public var failures: [DataIntegrityError] {
        if let documentFailure { return [documentFailure] }
        return proofs.compactMap(\.failure)
    }

    init(documentFailure: DataIntegrityError) {
        self.documentFailure = documentFailure
        self.proofs = []
        self.verifiedDocument = nil
    }

    init(proofs: [ProofVerification], unsecuredDocument: JSONObject) {
        self.documentFailure = nil
        self.proofs = proofs
        let allVerified = !proofs.isEmpty && proofs.allSatisfy(\.verified)
        self.verifiedDocument = allVerified ? .object(unsecuredDocument) : nil
    }
}
