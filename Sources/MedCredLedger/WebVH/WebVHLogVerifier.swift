public import MedCredCore

/// An entry that passed every check, with the parameters in force after it.
public struct WebVHVerifiedEntry: Equatable, Sendable {
    /// The entry.
    public let entry: WebVHLogEntry
    /// The parameters in force after the entry.
    public let parameters: WebVHActiveParameters
    /// The witnesses that had to approve the entry (``WebVHWitnessConfig/none`` when none).
    public let witnessRule: WebVHWitnessConfig
}

/// The outcome of verifying a log: the valid prefix of entries, and why the next one (if any) failed
/// (did:webvh v1.0 "Read (Resolve)" step 10: entries from the first invalid one on are invalid).
public struct WebVHLogVerification: Equatable, Sendable {
    /// The entries that verified, from the first; entries after a failure are never included.
    public let entries: [WebVHVerifiedEntry]
    /// The first failure, or `nil` when the whole log verified.
    public let failure: WebVHError?

    /// Whether every entry verified.
    public var isValid: Bool { failure == nil && !entries.isEmpty }
}

/// Verifies a did:webvh log entry by entry (did:webvh v1.0 "Read (Resolve)",
/// https://identity.foundation/didwebvh/v1.0/#read-resolve): version numbers, the SCID, the entry hash chain,
/// `versionTime` order and clock, parameters, pre-rotation, portability, the `eddsa-jcs-2022` proof by an
/// active update key, and finally witness thresholds.
public struct WebVHLogVerifier: Sendable {
    /// The resolver's current time.
    public var now: XSDDateTime
    /// How far in the future a `versionTime` may be, in seconds (the specification suggests at most 5 minutes).
    public var futureTolerance: Int

    /// A verifier with a fixed clock.
    /// - Parameters:
    ///   - now: the current time.
    ///   - futureTolerance: the allowed clock skew in seconds; 300 unless given.
    public init(now: XSDDateTime, futureTolerance: Int = 300) {
        self.now = now
        self.futureTolerance = futureTolerance
    }

    /// Verifies `did.jsonl` text, with the `did-witness.json` text when the DID uses witnesses.
    /// - Parameters:
    ///   - logText: the log.
    ///   - witnessText: the witness proofs file, or `nil` when none was published.
    /// - Returns: the valid prefix and the first failure; a witness file that does not parse counts as empty.
    public func verify(logText: String, witnessText: String? = nil) -> WebVHLogVerification {
        let witnesses = witnessText.flatMap { try? WebVHWitnessFile(parsing: $0) }
        return verify(WebVHLog(parsing: logText), witnesses: witnesses)
    }

    /// Verifies parsed entries.
    /// - Parameters:
    ///   - log: the entries, and why parsing stopped early if it did.
    ///   - witnesses: the witness proofs, or `nil` when none were published.
    /// - Returns: the valid prefix and the first failure.
    public func verify(_ log: WebVHLog, witnesses: WebVHWitnessFile? = nil) -> WebVHLogVerification {
        var verified: [WebVHVerifiedEntry] = []
        var failure = log.parseFailure
        for (index, entry) in log.entries.enumerated() {
            do throws(WebVHError) {
                verified.append(try check(entry, number: index + 1, previous: verified.last))
            } catch {
                failure = error
                break
            }
        }
        // did:webvh v1.0 "Verifying Witness Proofs During Resolution" step 1: witnesses are checked last.
        let approvals = (witnesses ?? WebVHWitnessFile(records: [])).approvals(
            for: verified.map(\.entry.versionId), now: now)
        for (index, item) in verified.enumerated() where !item.witnessRule.isEmpty {
            let count = item.witnessRule.witnesses.filter { approvals[index].contains($0) }.count
            if count < item.witnessRule.threshold {
                let error = WebVHError.witnessThresholdNotMet(
                    entry: index + 1, threshold: item.witnessRule.threshold, approvals: count)
                return WebVHLogVerification(entries: Array(verified[..<index]), failure: error)
            }
        }
        return WebVHLogVerification(entries: verified, failure: failure)
    }

    private func check(_ entry: WebVHLogEntry, number: Int, previous: WebVHVerifiedEntry?) throws(WebVHError)
        -> WebVHVerifiedEntry
    {
        guard entry.versionNumber == number else {
            throw .versionNumberOutOfSequence(entry: number, expected: number, actual: entry.versionNumber)
        }
        if previous?.parameters.deactivated == true { throw .entryAfterDeactivation(entry: number) }
        let (active, signingKeys) = try parameters(of: entry, number: number, previous: previous?.parameters)
        try checkTime(entry, number: number, previous: previous?.entry)
        if previous == nil {
            guard WebVHHash.isSHA256Multihash(active.scid) else { throw .invalidSCID(active.scid) }
            let computed = WebVHHash.scid(of: entry.json, replacing: active.scid) ?? ""
            guard computed == active.scid else { throw .scidMismatch(expected: active.scid, actual: computed) }
        }
        guard WebVHHash.isSHA256Multihash(entry.entryHash) else {
            throw .unsupportedHash(entry: number, entry.entryHash)
        }
        let computed = WebVHHash.entryHash(of: entry.json, predecessor: previous?.entry.versionId ?? active.scid)
        guard computed == entry.entryHash else {
            throw .entryHashMismatch(entry: number, expected: computed, actual: entry.entryHash)
        }
        try checkState(entry, number: number, scid: active.scid, previous: previous)
        guard !entry.proofs.isEmpty else { throw .missingProof(entry: number) }
        for proof in entry.proofs {
            try WebVHProofCheck.verifyEntryProof(proof, of: entry, number: number, authorized: signingKeys, now: now)
        }
        // A new witness list only takes effect after its entry is published, unless witnessing was off.
        let rule = previous.map { $0.parameters.witness.isEmpty ? active.witness : $0.parameters.witness }
        return WebVHVerifiedEntry(entry: entry, parameters: active, witnessRule: rule ?? active.witness)
    }

    /// The parameters after the entry, and the update keys that may sign it (did:webvh v1.0 "Authorized Keys").
    private func parameters(of entry: WebVHLogEntry, number: Int, previous: WebVHActiveParameters?)
        throws(WebVHError) -> (WebVHActiveParameters, [String])
    {
        guard let previous else {
            let first = try WebVHActiveParameters(first: entry.parameters)
            return (first, first.updateKeys)
        }
        let active = try previous.applying(entry.parameters, entry: number)
        guard previous.isPreRotationActive else { return (active, previous.updateKeys) }
        // Pre-rotation: both lists must be explicit, and every new key must have been committed.
        guard let keys = entry.parameters.updateKeys else {
            throw .preRotationParameterMissing(entry: number, name: "updateKeys")
        }
        guard entry.parameters.nextKeyHashes != nil else {
            throw .preRotationParameterMissing(entry: number, name: "nextKeyHashes")
        }
        for key in keys where !previous.nextKeyHashes.contains(WebVHHash.keyHash(key)) {
            throw .preRotationKeyNotCommitted(entry: number, key: key)
        }
        return (active, keys)
    }

    private func checkTime(_ entry: WebVHLogEntry, number: Int, previous: WebVHLogEntry?) throws(WebVHError) {
        if let previous, previous.versionInstant.isBefore(entry.versionInstant) != true {
            throw .versionTimeNotIncreasing(entry: number, previous: previous.versionTime, actual: entry.versionTime)
        }
        if let seconds = entry.versionInstant.secondsSince1970, let clock = now.secondsSince1970,
            seconds > clock + futureTolerance
        {
            throw .versionTimeInFuture(entry: number, versionTime: entry.versionTime, now: now.lexicalForm)
        }
    }

    private func checkState(_ entry: WebVHLogEntry, number: Int, scid: String, previous: WebVHVerifiedEntry?)
        throws(WebVHError)
    {
        let id: WebVHIdentifier
        do { id = try WebVHIdentifier(parsing: entry.stateID) } catch {
            throw .invalidState(entry: number, entry.stateID)
        }
        guard id.scid == scid else { throw .stateSCIDMismatch(entry: number, expected: scid, actual: id.scid) }
        guard let previous, previous.entry.stateID != entry.stateID else { return }
        // did:webvh v1.0 "DID Portability": a move needs `portable` and the old DID in `alsoKnownAs`.
        let alsoKnownAs = entry.state["alsoKnownAs"]?.arrayValue ?? []
        guard previous.parameters.portable, alsoKnownAs.contains(.string(previous.entry.stateID)) else {
            throw .portabilityViolation(entry: number, from: previous.entry.stateID, to: entry.stateID)
        }
    }
}
