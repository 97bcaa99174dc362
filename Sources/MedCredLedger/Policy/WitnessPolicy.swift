/// A verifier's witness policy: a checkpoint counts only when the log signed it and at least `threshold` of
/// the named witnesses cosigned it (C2SP tlog-cosignature, https://c2sp.org/tlog-cosignature; DESIGN.md,
/// "The ledger").
///
/// A witness is named by its cosignature key (type ``NoteSignatureType/cosignatureV1``); signatures from keys
/// outside the policy are ignored, several valid cosignatures from one witness count once, and a witness whose
/// cosignature does not verify is reported and not counted.
public struct WitnessPolicy: Hashable, Sendable {
    /// The named witnesses, in the order results list them.
    public let witnesses: [NoteVerifierKey]
    /// How many of ``witnesses`` must cosign.
    public let threshold: Int

    /// Makes a "`threshold` of `witnesses.count`" policy.
    /// - Parameters:
    ///   - witnesses: the witnesses' cosignature verifier keys, each name once.
    ///   - threshold: how many must cosign, from 0 to `witnesses.count`.
    /// - Throws: ``WitnessPolicyError/thresholdOutOfRange(threshold:witnesses:)``,
    ///   ``WitnessPolicyError/duplicateWitness(_:)`` or ``WitnessPolicyError/witnessKeyTypeInvalid(_:)``.
    public init(witnesses: [NoteVerifierKey], threshold: Int) throws(WitnessPolicyError) {
        guard (0...witnesses.count).contains(threshold) else {
            throw .thresholdOutOfRange(threshold: threshold, witnesses: witnesses.count)
        }
        var names: Set<String> = []
        for key in witnesses {
            guard key.type == .cosignatureV1 else { throw .witnessKeyTypeInvalid(key.name) }
            guard names.insert(key.name).inserted else { throw .duplicateWitness(key.name) }
        }
        self.witnesses = witnesses
        self.threshold = threshold
    }

    /// Evaluates a signed checkpoint note given as text.
    /// - Parameters:
    ///   - text: the note (checkpoint, blank line, signature lines).
    ///   - logKey: the log's key; its name is the expected origin.
    /// - Returns: the result; see ``evaluate(signedCheckpoint:logKey:)-(SignedNote,_)``.
    /// - Throws: any ``NoteError`` of ``SignedNote/init(parsing:)-(String)``.
    public func evaluate(signedCheckpoint text: String, logKey: NoteVerifierKey) throws(NoteError)
        -> WitnessPolicyResult
    {
        evaluate(signedCheckpoint: try SignedNote(parsing: text), logKey: logKey)
    }

    /// Evaluates a signed checkpoint: is it the log's, signed by the log, and cosigned by enough witnesses?
    /// - Parameters:
    ///   - note: the signed checkpoint note.
    ///   - logKey: the log's key; its name is the expected origin.
    /// - Returns: which witnesses cosigned validly, which failed, which are missing, and whether it is met.
    public func evaluate(signedCheckpoint note: SignedNote, logKey: NoteVerifierKey) -> WitnessPolicyResult {
        var failures: [WitnessPolicyFailure] = []
        do throws(NoteError) {
            let checkpoint = try Checkpoint(parsing: note.text)
            if checkpoint.origin != logKey.name {
                failures.append(.originNotAccepted(expected: logKey.name, actual: checkpoint.origin))
            }
        } catch {
            failures.append(.checkpointMalformed(error))
        }
        let log = note.verify(with: [logKey])
        if !log.failed.isEmpty {
            failures.append(.logSignatureInvalid)
        } else if log.verified.isEmpty {
            failures.append(.logSignatureMissing)
        }
        var cosigners: [String] = []
        var invalid: [String] = []
        var missing: [String] = []
        for witness in witnesses where witness != logKey {
            let outcome = note.verify(with: [witness])
            if !outcome.failed.isEmpty { invalid.append(witness.name) }
            if outcome.verified.isEmpty { missing.append(witness.name) } else { cosigners.append(witness.name) }
        }
        let known = witnesses + [logKey]
        let unknown = note.signatures.filter { signature in !known.contains { signature.isFrom($0) } }.map(\.keyName)
        if cosigners.count < threshold {
            failures.append(.thresholdNotMet(verified: cosigners.count, required: threshold))
        }
        return WitnessPolicyResult(
            cosigners: cosigners, invalidCosigners: invalid, missing: missing, unknownSigners: unknown,
            failures: failures)
    }
}

/// The outcome of ``WitnessPolicy/evaluate(signedCheckpoint:logKey:)-(SignedNote,_)``.
public struct WitnessPolicyResult: Equatable, Sendable {
    /// The named witnesses with at least one valid cosignature, in policy order; each counts once.
    public var cosigners: [String]
    /// The named witnesses with a cosignature line that does not verify (not counted).
    public var invalidCosigners: [String]
    /// The named witnesses without a valid cosignature, in policy order.
    public var missing: [String]
    /// Names on signature lines from keys neither the log's nor in the policy (ignored).
    public var unknownSigners: [String]
    /// Why the checkpoint does not satisfy the policy; empty when it does.
    public var failures: [WitnessPolicyFailure]

    /// Whether the checkpoint is the log's, signed by it, and cosigned by at least the threshold.
    public var isMet: Bool { failures.isEmpty }
}

/// One reason a checkpoint does not satisfy a ``WitnessPolicy``.
public enum WitnessPolicyFailure: Equatable, Sendable {
    /// The note text is not a checkpoint.
    case checkpointMalformed(NoteError)
    /// The checkpoint's origin is not the log key's name.
    case originNotAccepted(expected: String, actual: String)
    /// No signature line from the log key.
    case logSignatureMissing
    /// A signature line from the log key does not verify.
    case logSignatureInvalid
    /// Fewer named witnesses cosigned validly than the threshold.
    case thresholdNotMet(verified: Int, required: Int)
}

/// Why a ``WitnessPolicy`` cannot be made.
public enum WitnessPolicyError: Error, Equatable, Sendable {
    /// The threshold is negative or larger than the number of witnesses.
    case thresholdOutOfRange(threshold: Int, witnesses: Int)
    /// Two witnesses share a name.
    case duplicateWitness(String)
    /// A witness key is not a cosignature/v1 key.
    case witnessKeyTypeInvalid(String)
}
