/// A transparency log witness (C2SP tlog-witness, https://c2sp.org/tlog-witness): it cosigns a log's checkpoint
/// only when it is consistent with the last checkpoint it cosigned for that log, so it never vouches for a
/// rollback or a fork.
///
/// The decision is pure: the caller loads the state, and stores the new record with compare-and-set before
/// answering (see ``addCheckpoint(request:storage:timestamp:)``).
public struct Witness: Sendable {
    /// The witness's cosigning key (type ``NoteSignatureType/cosignatureV1``).
    public let signer: NoteSignerKey
    /// The logs it follows: origin line → the log keys trusted for it.
    public let logs: [String: [NoteVerifierKey]]

    /// Makes a witness.
    /// - Parameters:
    ///   - signer: the cosigning key, of type ``NoteSignatureType/cosignatureV1`` (tlog-cosignature).
    ///   - logs: origin → trusted log keys of type ``NoteSignatureType/ed25519``.
    /// - Throws: ``WitnessConfigurationError/signerKeyTypeInvalid(_:)``,
    ///   ``WitnessConfigurationError/logKeyTypeInvalid(origin:)`` or
    ///   ``WitnessConfigurationError/noKeysForOrigin(_:)``.
    public init(signer: NoteSignerKey, logs: [String: [NoteVerifierKey]]) throws(WitnessConfigurationError) {
        guard signer.verifierKey.type == .cosignatureV1 else {
            throw .signerKeyTypeInvalid(signer.verifierKey.type)
        }
        for (origin, keys) in logs {
            guard !keys.isEmpty else { throw .noKeysForOrigin(origin) }
            guard keys.allSatisfy({ $0.type == .ed25519 }) else { throw .logKeyTypeInvalid(origin: origin) }
        }
        self.signer = signer
        self.logs = logs
    }

    /// The witness's verifier key (vkey), which clients configure to check its cosignatures.
    public var verifierKey: NoteVerifierKey { signer.verifierKey }

    /// Decides an `add-checkpoint` request body.
    /// - Parameters:
    ///   - body: the HTTP request body.
    ///   - state: the latest cosigned record for the request's origin, `nil` when there is none.
    ///   - timestamp: the cosignature time, POSIX seconds (0 is raised to 1: the spec forbids a zero time).
    /// - Returns: ``WitnessDecision/cosigned(_:response:)`` or the rejection with its HTTP status.
    public func addCheckpoint(
        request body: some Collection<UInt8>, state: WitnessRecord?, timestamp: UInt64
    ) -> WitnessDecision {
        let request: WitnessRequest
        do { request = try WitnessRequest(parsing: body) } catch { return .rejected(.malformedRequest(error)) }
        return addCheckpoint(request, state: state, timestamp: timestamp)
    }

    /// Decides a parsed `add-checkpoint` request, with the checks in the order tlog-witness lists them.
    /// - Parameters:
    ///   - request: the parsed request.
    ///   - state: the latest cosigned record for `request`'s origin, `nil` when there is none.
    ///   - timestamp: the cosignature time, POSIX seconds.
    /// - Returns: ``WitnessDecision/cosigned(_:response:)`` or the rejection with its HTTP status.
    public func addCheckpoint(_ request: WitnessRequest, state: WitnessRecord?, timestamp: UInt64) -> WitnessDecision {
        let checkpoint = request.checkpoint
        precondition(state == nil || state?.origin == checkpoint.origin, "witness state for another log")
        guard let keys = logs[checkpoint.origin] else { return .rejected(.unknownOrigin(checkpoint.origin)) }
        let verification = request.note.verify(with: keys)
        guard verification.isVerified else { return .rejected(.logSignatureInvalid(origin: checkpoint.origin)) }
        if let rejection = consistencyRejection(request, state: state) { return .rejected(rejection) }
        let cosignature = cosign(checkpoint.text, timestamp: timestamp)
        let logSignatures = request.note.signatures.filter { signature in keys.contains { signature.isFrom($0) } }
        let note = SignedNote(text: request.note.text, signatures: logSignatures + [cosignature])
        do {
            return .cosigned(try WitnessRecord(note: note), response: cosignature.line)
        } catch {
            preconditionFailure("a parsed checkpoint no longer parses: \(error)")
        }
    }

    /// The size and consistency checks against the cosigned state, or `nil` when they all pass.
    private func consistencyRejection(_ request: WitnessRequest, state: WitnessRecord?) -> WitnessRejection? {
        let size = request.checkpoint.treeSize
        let root = request.checkpoint.rootHash
        guard request.oldSize <= size else { return .oldSizeBeyondCheckpoint(oldSize: request.oldSize, treeSize: size) }
        let latest = state?.checkpoint.treeSize ?? 0
        guard request.oldSize == latest else { return .oldSizeMismatch(oldSize: request.oldSize, latestSize: latest) }
        if size == 0 && root != MerkleHash.emptyRoot { return .emptyTreeRootInvalid }
        guard let state, request.oldSize > 0 else {
            return request.proof.isEmpty ? nil : .proofNotEmpty(count: request.proof.count)
        }
        if size == latest && root != state.checkpoint.rootHash { return .forkedRoot(treeSize: size) }
        let proof = ConsistencyProof(oldSize: request.oldSize, newSize: size, hashes: request.proof)
        do throws(MerkleError) {
            try proof.verify(oldRoot: state.checkpoint.rootHash, newRoot: root)
        } catch {
            return .consistencyProofInvalid(error)
        }
        return nil
    }

    private func cosign(_ text: String, timestamp: UInt64) -> NoteSignature {
        // tlog-witness: "the timestamp MUST NOT be zero"; tlog-cosignature: at most 2^63 − 1.
        let time = min(max(timestamp, 1), UInt64(Int64.max))
        do { return try signer.cosignature(forText: text, timestamp: time) } catch {
            preconditionFailure("a clamped timestamp is out of range: \(error)")
        }
    }
}

/// Why a ``Witness`` cannot be configured as given.
public enum WitnessConfigurationError: Error, Equatable, Sendable {
    /// The witness key is not a tlog-cosignature (type 0x04) key.
    case signerKeyTypeInvalid(NoteSignatureType)
    /// A log key for this origin is not an Ed25519 (type 0x01) note key.
    case logKeyTypeInvalid(origin: String)
    /// An origin with no trusted key.
    case noKeysForOrigin(String)
}
