/// The options of a new proof (any ``DataIntegrityCryptosuite``), except the verification method, which comes from the
/// ``ProofSigner`` so the two cannot disagree.
///
/// Data Integrity §2.1 "Proofs" (https://www.w3.org/TR/vc-data-integrity/#proofs) defines each member.
/// Core has no clock: `created` is whatever the caller passes, usually the current second.
public struct ProofOptions: Hashable, Sendable {
    /// Why the proof is made: `assertionMethod` for credentials, `authentication` for presentations and
    /// logins, or another verification relationship (Data Integrity §2.2 "Proof Purposes").
    public var proofPurpose: String
    /// When the proof was made, written in UTC as `YYYY-MM-DDTHH:MM:SSZ` (``XSDDateTime/utcTimestamp``, which
    /// reads a value without timezone as UTC); `nil` leaves `created` out.
    public var created: XSDDateTime?
    /// When the proof stops being valid, written like ``created``, or `nil`.
    public var expires: XSDDateTime?
    /// A verifier's one-time challenge, or `nil`.
    public var challenge: String?
    /// The security domains the proof is meant for; one is written as a string, several as an array.
    public var domain: [String]
    /// A value of the signer's choosing that makes the proof unlinkable to others, or `nil`.
    public var nonce: String?
    /// The proof's own id, a URL such as `urn:uuid:…`, so later proofs can chain to it; or `nil`.
    public var id: String?
    /// Ids of proofs already on the document that this proof chains to (Data Integrity §2.1.2 "Proof
    /// Chains"); one is written as a string, several as an array.
    public var previousProof: [String]

    /// Creates proof options (Data Integrity §2.1).
    /// - Parameters:
    ///   - proofPurpose: the purpose, `assertionMethod` unless stated.
    ///   - created: the creation time, or `nil`.
    ///   - expires: the expiry time, or `nil`.
    ///   - challenge: a challenge, or `nil`.
    ///   - domain: zero or more domains.
    ///   - nonce: a nonce, or `nil`.
    ///   - id: the proof id, or `nil`.
    ///   - previousProof: ids of the proofs this one chains to.
    public init(
        proofPurpose: String = "assertionMethod", created: XSDDateTime?,
        expires: XSDDateTime? = nil, challenge: String? = nil, domain: [String] = [],
        nonce: String? = nil, id: String? = nil, previousProof: [String] = []
    ) {
        self.proofPurpose = proofPurpose
        self.created = created
        self.expires = expires
        self.challenge = challenge
        self.domain = domain
        self.nonce = nonce
        self.id = id
        self.previousProof = previousProof
    }

    /// The proof options as a map, in the member order of the vc-di-eddsa test vectors: `type`, `id`,
    /// `cryptosuite`, `created`, `expires`, `verificationMethod`, `proofPurpose`, then the rest.
    func json(suite: DataIntegrityCryptosuite, verificationMethod: String) throws(ProofGenerationError) -> JSONObject {
        guard !verificationMethod.isEmpty else { throw .emptyOption("verificationMethod") }
        guard !proofPurpose.isEmpty else { throw .emptyOption("proofPurpose") }
        if domain.contains(where: \.isEmpty) { throw .emptyOption("domain") }
        if challenge?.isEmpty == true { throw .emptyOption("challenge") }
        if id?.isEmpty == true { throw .emptyOption("id") }
        var object: JSONObject = ["type": .string(suite.proofType)]
        if let id { object["id"] = .string(id) }
        if let cryptosuite = suite.cryptosuiteMember { object["cryptosuite"] = .string(cryptosuite) }
        if let created { object["created"] = .string(created.utcTimestamp) }
        if let expires { object["expires"] = .string(expires.utcTimestamp) }
        object["verificationMethod"] = .string(verificationMethod)
        object["proofPurpose"] = .string(proofPurpose)
        if let challenge { object["challenge"] = .string(challenge) }
        if !domain.isEmpty { object["domain"] = Self.oneOrMany(domain) }
        if let nonce { object["nonce"] = .string(nonce) }
        if !previousProof.isEmpty { object["previousProof"] = Self.oneOrMany(previousProof) }
        return object
    }

    private static func oneOrMany(_ values: [String]) -> JSONValue {
        values.count == 1 ? .string(values[0]) : .array(values.map { .string($0) })
    }
}

/// Why a proof could not be created (Data Integrity §4.2–4.3, error type `PROOF_GENERATION_ERROR`,
/// https://www.w3.org/TR/vc-data-integrity/#add-proof).
public enum ProofGenerationError: Error, Equatable, Sendable {
    /// The document to secure is not a JSON object.
    case documentNotObject
    /// An option that must hold text is empty: `verificationMethod`, `proofPurpose`, `domain`, `challenge`
    /// or `id`.
    case emptyOption(String)
    /// An existing `proof` member is neither an object nor an array of objects; `index` is the offending
    /// element, or `nil` when `proof` itself is the problem.
    case existingProofNotObject(index: Int?)
    /// `previousProof` names an id that no proof on the document has (Data Integrity §4.3 step 4).
    case previousProofNotFound(String)
    /// The signer could not sign; `reason` is its error's description, which signers keep free of secrets.
    case signerFailed(verificationMethod: String, reason: String)
    /// The signer returned a signature of the wrong length (vc-di-eddsa §3.3.6: exactly 64 bytes).
    case invalidSignatureLength(expected: Int, actual: Int)
    /// The suite canonicalizes with JSON-LD, but no pinned contexts were given.
    case contextsRequired(DataIntegrityCryptosuite)
    /// The document or proof configuration could not be turned into RDF, e.g. a member no context defines:
    /// signing it would leave that member out of the signature.
    case jsonLD(JSONLDError)
    /// RDFC-1.0 gave up on the document's dataset (a poison graph).
    case canonicalization(RDFCanonicalizationError)
}
