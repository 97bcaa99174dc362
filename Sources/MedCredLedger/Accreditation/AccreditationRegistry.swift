public import MedCredCore

/// Answers "is this issuer accredited for this credential type, in this jurisdiction, at this time?" from
/// the accreditation and withdrawal entries of the ledger, with the entries that decide it as evidence.
///
/// Only entries whose proof verifies with a key of one of the configured trust roots (resolved as of the
/// proof's `created`) count; a withdrawal counts only when signed by the root that granted the
/// accreditation.
public struct AccreditationRegistry: Sendable {
    /// A ledger entry: its index in the log and its JSON.
    public struct Entry: Hashable, Sendable {
        /// The leaf index.
        public let index: UInt64
        /// The entry.
        public let json: JSONValue

        /// Creates an entry.
        /// - Parameters:
        ///   - index: the leaf index.
        ///   - json: the entry.
        public init(index: UInt64, json: JSONValue) {
            self.index = index
            self.json = json
        }
    }

    /// The answer, with the entries that decided it.
    public struct Answer: Equatable, Sendable {
        /// Whether an accreditation in force covers the question.
        public let isAccredited: Bool
        /// The accreditation entry relied on, when accredited.
        public let accreditation: Entry?
        /// Withdrawals that ended otherwise matching accreditations.
        public let withdrawals: [Entry]
        /// Why the answer is no, for people.
        public let reason: String?
    }

    private let trustRoots: Set<DID>
    private let resolver: any DIDResolver
    /// Entries whose proof verified, so that the registry checks each signature once, not on every question.
    private let provenEntries = ProvenEntries()

    /// Creates a registry.
    /// - Parameters:
    ///   - trustRoots: the authorities whose accreditations count.
    ///   - resolver: resolves trust roots' DIDs to check entry proofs.
    public init(trustRoots: Set<DID>, resolver: some DIDResolver) {
        self.trustRoots = trustRoots
        self.resolver = resolver
    }

    /// Decides whether `issuer` is accredited for `credentialType` in `jurisdiction` at `instant`.
    /// - Parameters:
    ///   - issuer: the issuer's DID.
    ///   - credentialType: e.g. `MedicalLicenseCredential`.
    ///   - jurisdiction: e.g. `US-CA`.
    ///   - instant: the time asked about (a credential's `validFrom`, or now).
    ///   - entries: the ledger's accreditation and withdrawal entries, in log order; others are ignored.
    /// - Returns: the answer and its evidence.
    /// - Throws: ``DIDResolutionError`` when a trust root's DID cannot be resolved.
    public func check(
        issuer: DID, credentialType: String, jurisdiction: String, at instant: XSDDateTime, entries: [Entry]
    ) async throws(DIDResolutionError) -> Answer {
        var candidates: [(Entry, Accreditation)] = []
        var withdrawals: [(Entry, AccreditationWithdrawal)] = []
        for entry in entries {
            if let accreditation = try? Accreditation(json: entry.json), accreditation.issuer == issuer,
                trustRoots.contains(accreditation.trustRoot),
                accreditation.credentialTypes.contains(credentialType),
                accreditation.covers(jurisdiction: jurisdiction),
                try await isSigned(entry.json, by: accreditation.trustRoot)
            {
                candidates.append((entry, accreditation))
            } else if let withdrawal = try? AccreditationWithdrawal(json: entry.json),
                trustRoots.contains(withdrawal.trustRoot), try await isSigned(entry.json, by: withdrawal.trustRoot)
            {
                withdrawals.append((entry, withdrawal))
            }
        }
        var ended: [Entry] = []
        for (entry, accreditation) in candidates where accreditation.isInForce(at: instant) {
            let withdrawn = withdrawals.filter { pair in
                pair.1.accreditation == accreditation.id && pair.1.trustRoot == accreditation.trustRoot
                    && pair.1.withdrawnAt.isBefore(instant) != false
            }
            if withdrawn.isEmpty {
                return Answer(isAccredited: true, accreditation: entry, withdrawals: [], reason: nil)
            }
            ended += withdrawn.map(\.0)
        }
        let reason: String
        if !ended.isEmpty {
            reason = "the accreditation was withdrawn"
        } else if candidates.isEmpty {
            reason = "no accreditation by a trusted root covers \(credentialType) in \(jurisdiction)"
        } else {
            reason = "no accreditation is in force at \(instant.lexicalForm)"
        }
        return Answer(isAccredited: false, accreditation: nil, withdrawals: ended, reason: reason)
    }

    private func isSigned(_ json: JSONValue, by root: DID) async throws(DIDResolutionError) -> Bool {
        if provenEntries.contains(json, root: root) { return true }
        guard try await verifySignature(json, by: root) else { return false }
        provenEntries.insert(json, root: root)
        return true
    }

    private func verifySignature(_ json: JSONValue, by root: DID) async throws(DIDResolutionError) -> Bool {
        guard let method = json["proof"]?["verificationMethod"]?.stringValue,
            let url = try? DIDURL(parsing: method), url.did == root,
            let created = json["proof"]?["created"]?.stringValue.flatMap({ try? XSDDateTime(parsing: $0) })
        else { return false }
        let options = DataIntegrity.VerificationOptions(now: created, expectedProofPurpose: "assertionMethod")
        return try await DataIntegrity.verify(json, options: options, resolver: resolver).verified
    }
}

extension Accreditation {
    /// Signs a new accreditation entry.
    /// - Parameters:
    ///   - id: a unique URI, e.g. `urn:uuid:…`.
    ///   - issuer: the accredited issuer.
    ///   - credentialTypes: what it may issue.
    ///   - jurisdiction: where.
    ///   - validFrom: from when.
    ///   - validUntil: until when, or `nil`.
    ///   - signer: a key of the trust root (its verification method's DID becomes `trustRoot`).
    ///   - created: the proof's creation time.
    /// - Returns: the signed entry.
    /// - Throws: ``AccreditationError``.
    public static func sign(
        id: String, issuer: DID, credentialTypes: [String], jurisdiction: String, validFrom: XSDDateTime,
        validUntil: XSDDateTime?, signer: some ProofSigner, created: XSDDateTime
    ) throws(AccreditationError) -> Accreditation {
        guard let root = try? DIDURL(parsing: signer.verificationMethod).did else {
            throw .malformed(pointer: "/proof/verificationMethod")
        }
        var object: JSONObject = [
            "type": .string(typeName), "id": .string(id), "trustRoot": .string(root.description),
            "issuer": .string(issuer.description), "credentialTypes": .array(credentialTypes.map { .string($0) }),
            "jurisdiction": .string(jurisdiction), "validFrom": .string(validFrom.lexicalForm),
        ]
        if let validUntil { object["validUntil"] = .string(validUntil.lexicalForm) }
        let signed: JSONValue
        do {
            signed = try DataIntegrity.addProof(
                to: .object(object), options: ProofOptions(created: created), signer: signer)
        } catch {
            throw .signing(error)
        }
        return try Accreditation(json: signed)
    }
}

extension AccreditationWithdrawal {
    /// Signs a withdrawal of `accreditation`, effective at `withdrawnAt`.
    /// - Parameters:
    ///   - accreditation: the `id` withdrawn.
    ///   - withdrawnAt: from when it no longer holds.
    ///   - signer: a key of the trust root that granted it.
    ///   - created: the proof's creation time.
    /// - Returns: the signed entry.
    /// - Throws: ``AccreditationError``.
    public static func sign(
        accreditation: String, withdrawnAt: XSDDateTime, signer: some ProofSigner, created: XSDDateTime
    )
        throws(AccreditationError) -> AccreditationWithdrawal
    {
        guard let root = try? DIDURL(parsing: signer.verificationMethod).did else {
            throw .malformed(pointer: "/proof/verificationMethod")
        }
        let object: JSONObject = [
            "type": .string(typeName), "accreditation": .string(accreditation), "trustRoot": .string(root.description),
            "withdrawnAt": .string(withdrawnAt.lexicalForm),
        ]
        let signed: JSONValue
        do {
            signed = try DataIntegrity.addProof(
                to: .object(object), options: ProofOptions(created: created), signer: signer)
        } catch {
            throw .signing(error)
        }
        return try AccreditationWithdrawal(json: signed)
    }
}
