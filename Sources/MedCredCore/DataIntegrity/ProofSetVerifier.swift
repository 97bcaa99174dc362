internal import MedCredCrypto

/// Verification of every proof on a document in two phases, so keys can be resolved (asynchronously, by the
/// caller) only for proofs that passed every check that needs no key.
///
/// Data Integrity §4.4 "Verify Proof" steps 4–8 per proof and §4.5 "Verify Proof Sets and Chains"
/// (https://www.w3.org/TR/vc-data-integrity/#verify-proof-sets-and-chains), with the `eddsa-jcs-2022` steps of
/// vc-di-eddsa §3.3.2.
struct ProofSetVerifier {
    /// One proof's state between the phases.
    enum State {
        case failed(DataIntegrityError, passed: [DataIntegrityCheck])
        case awaitingKey(DataIntegrityProof, hashData: [UInt8], signature: [UInt8], passed: [DataIntegrityCheck])
    }

    let unsecuredDocument: JSONObject
    let proofs: [JSONValue]
    let states: [State]

    /// Phase 1: every check that needs no key. A `.failure` is a document-level problem.
    static func prepare(_ document: JSONValue, options: DataIntegrity.VerificationOptions)
        -> Result<ProofSetVerifier, DataIntegrityError>
    {
        guard var unsecuredDocument = document.objectValue else { return .failure(.documentNotObject) }
        let proofs: [JSONValue]
        switch unsecuredDocument["proof"] {
        case nil: return .failure(.missingProof)
        case .object(let proof)?: proofs = [.object(proof)]
        case .array(let elements)?:
            guard !elements.isEmpty else { return .failure(.emptyProofSet) }
            proofs = elements
        default: return .failure(.wrongMemberType("proof"))
        }
        var seenIDs: Set<JSONValue> = []  // JSONValue compares strings by scalars, as ids must be
        for case .string(let id)? in proofs.map({ $0["id"] }) {
            guard seenIDs.insert(.string(id)).inserted else { return .failure(.duplicateProofID(id)) }
        }
        unsecuredDocument["proof"] = nil
        let states = proofs.enumerated().map { index, proof in
            state(of: proof, at: index, in: proofs, unsecuredDocument: unsecuredDocument, options: options)
        }
        return .success(ProofSetVerifier(unsecuredDocument: unsecuredDocument, proofs: proofs, states: states))
    }

    /// The proofs that need a key, in order.
    var proofsAwaitingKeys: [DataIntegrityProof] {
        states.compactMap { state in
            if case .awaitingKey(let proof, _, _, _) = state { proof } else { nil }
        }
    }

    /// Phase 2: checks each signature with the key `key` gives for its proof, then the chain links.
    func finish(key: (DataIntegrityProof) -> Result<Ed25519.PublicKey, VerificationKeyError>)
        -> DataIntegrityVerification
    {
        var outcomes: [(failure: DataIntegrityError?, passed: [DataIntegrityCheck])] = states.map { state in
            switch state {
            case .failed(let error, let passed): return (error, passed)
            case .awaitingKey(let proof, let hashData, let signature, var passed):
                switch key(proof) {
                case .failure(let error): return (.verificationKey(error), passed)
                case .success(let publicKey):
                    passed.append(.verificationMethod)
                    guard publicKey.isValidSignature(signature, for: hashData) else {
                        return (.signatureInvalid, passed)
                    }
                    passed.append(.signature)
                    return (nil, passed)
                }
            }
        }
        failBrokenChains(&outcomes)
        let results = outcomes.enumerated().map { index, outcome in
            ProofVerification(
                index: index, proof: proofs[index], passedChecks: outcome.passed, failure: outcome.failure)
        }
        return DataIntegrityVerification(proofs: results, unsecuredDocument: unsecuredDocument)
    }

    /// A proof that chains to a proof that failed fails too, transitively (Data Integrity §4.5).
    private func failBrokenChains(_ outcomes: inout [(failure: DataIntegrityError?, passed: [DataIntegrityCheck])]) {
        var changed = true
        while changed {
            changed = false
            for (index, state) in states.enumerated() where outcomes[index].failure == nil {
                guard case .awaitingKey(let proof, _, _, _) = state else { continue }
                for id in proof.previousProof {
                    let target = proofs.firstIndex { $0["id"] == .string(id) }
                    guard let target, outcomes[target].failure != nil else { continue }
                    outcomes[index] = (
                        .previousProofNotVerified(id), outcomes[index].passed.filter { $0 != .previousProof }
                    )
                    changed = true
                    break
                }
            }
        }
    }

    private static func state(
        of json: JSONValue, at index: Int, in allProofs: [JSONValue], unsecuredDocument: JSONObject,
        options: DataIntegrity.VerificationOptions
    ) -> State {
        guard json.objectValue != nil else { return .failed(.proofNotObject(index: index), passed: []) }
        let proof: DataIntegrityProof
        do { proof = try DataIntegrityProof(json: json) } catch {
            return .failed(error, passed: error.check == .cryptosuite ? [] : [.cryptosuite])
        }
        if proof.cryptosuite.usesRDFC && options.contexts == nil {
            return .failed(.contextsUnavailable(proof.cryptosuite.rawValue), passed: [])
        }
        var passed: [DataIntegrityCheck] = [.cryptosuite, .proofStructure]
        do {
            try checkExpectations(proof, options: options, passed: &passed)
            var inputDocument = unsecuredDocument
            let matchingProofs = try previousProofs(of: proof, in: allProofs)
            // An unchained proof signs the document without `proof`, as the vc-di-eddsa set vectors do, rather than
            // with the empty `proof` array a literal reading of §4.5 step 3.3 would give.
            if !matchingProofs.isEmpty { inputDocument["proof"] = .array(matchingProofs) }
            passed.append(.previousProof)
            let hashData = try hashData(verifying: proof, unsecuredDocument: inputDocument, contexts: options.contexts)
            passed.append(.context)
            let signature = try EdDSAJCS2022.signatureBytes(proofValue: proof.proofValue)
            passed.append(.proofValue)
            return .awaitingKey(proof, hashData: hashData, signature: signature, passed: passed)
        } catch {
            return .failed(error, passed: passed)
        }
    }

    /// The bytes the proof's signature must cover, by its suite.
    private static func hashData(
        verifying proof: DataIntegrityProof, unsecuredDocument: JSONObject, contexts: KnownContexts?
    ) throws(DataIntegrityError) -> [UInt8] {
        switch proof.cryptosuite {
        case .eddsaJCS2022: return try EdDSAJCS2022.hashData(verifying: proof, unsecuredDocument: unsecuredDocument)
        case .eddsaRDFC2022, .ed25519Signature2020:
            guard let contexts else { throw .contextsUnavailable(proof.cryptosuite.rawValue) }
            return try EdDSARDFC2022.hashData(verifying: proof, unsecuredDocument: unsecuredDocument, contexts: contexts)
        }
    }

    /// Data Integrity §4.4 steps 5–7 and the proof's expiry.
    private static func checkExpectations(
        _ proof: DataIntegrityProof, options: DataIntegrity.VerificationOptions, passed: inout [DataIntegrityCheck]
    ) throws(DataIntegrityError) {
        // Strings compare by Unicode scalars (as JSONValue), never by canonical equivalence.
        if let expected = options.expectedProofPurpose, JSONValue.string(expected) != .string(proof.proofPurpose) {
            throw .proofPurposeMismatch(expected: expected, actual: proof.proofPurpose)
        }
        passed.append(.proofPurpose)
        if let expected = options.domain,
            Set(expected.map(JSONValue.string)) != Set((proof.domain ?? []).map(JSONValue.string))
        {
            throw .domainMismatch(expected: expected, actual: proof.domain ?? [])
        }
        passed.append(.domain)
        if let expected = options.challenge, JSONValue.string(expected) != proof.challenge.map(JSONValue.string) {
            throw .challengeMismatch(expected: expected, actual: proof.challenge)
        }
        passed.append(.challenge)
        if let expires = proof.expires, !options.now.isBefore(expires, assumingUTC: true) {
            throw .expired(expires: expires, now: options.now)
        }
        passed.append(.expiry)
    }

    /// The proofs `previousProof` names, in the order named (Data Integrity §4.5 step 3.2).
    private static func previousProofs(of proof: DataIntegrityProof, in allProofs: [JSONValue])
        throws(DataIntegrityError) -> [JSONValue]
    {
        var matching: [JSONValue] = []
        for id in proof.previousProof {
            guard let match = allProofs.first(where: { $0["id"] == .string(id) }) else {
                throw .previousProofNotFound(id)
            }
            matching.append(match)
        }
        return matching
    }
}
