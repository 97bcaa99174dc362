public import MedCredCrypto

extension DataIntegrity {
    /// Verifies every proof on a secured document with keys the caller supplies (Data Integrity §4.4–4.5,
    /// https://www.w3.org/TR/vc-data-integrity/#verify-proof-sets-and-chains; vc-di-eddsa §3.3.2).
    ///
    /// Each proof is checked in the order of ``DataIntegrityCheck`` and stops at its first failure; a proof in a
    /// chain verifies only when the proofs it names in `previousProof` verify. A bad document is a result,
    /// never a thrown error.
    /// - Parameters:
    ///   - document: the secured document as parsed from the bytes received.
    ///   - options: the expected purpose, domain and challenge, and the current time.
    ///   - publicKey: the key for a proof's `verificationMethod` and `proofPurpose`, or why there is none;
    ///     called only for proofs that passed every check before the signature.
    /// - Returns: one outcome per proof, or the reason the document has no proof to check.
    public static func verify(
        _ document: JSONValue, options: VerificationOptions,
        publicKey: (DataIntegrityProof) -> Result<Ed25519.PublicKey, VerificationKeyError>
    ) -> DataIntegrityVerification {
        switch ProofSetVerifier.prepare(document, options: options) {
        case .failure(let error): DataIntegrityVerification(documentFailure: error)
        case .success(let verifier): verifier.finish(key: publicKey)
        }
    }

    /// Verifies every proof on a secured document against one known key (Data Integrity §4.4–4.5).
    /// - Parameters:
    ///   - document: the secured document.
    ///   - options: the expectations and the current time.
    ///   - publicKey: the key every proof must verify with.
    /// - Returns: one outcome per proof, or the reason the document has no proof to check.
    public static func verify(_ document: JSONValue, options: VerificationOptions, publicKey: Ed25519.PublicKey)
        -> DataIntegrityVerification
    {
        verify(document, options: options) { _ in .success(publicKey) }
    }

    /// Parses the document bytes strictly, then verifies every proof against one known key (Data Integrity
    /// §4.4 step 1, "parse JSON bytes").
    /// - Parameters:
    ///   - documentBytes: the secured document as received, UTF-8 JSON.
    ///   - options: the expectations and the current time.
    ///   - publicKey: the key every proof must verify with.
    /// - Returns: the outcome; ``DataIntegrityError/parsing(_:)`` when the bytes are not strict I-JSON, so a
    ///   document with a duplicate member is rejected before any proof is read.
    public static func verify(
        documentBytes: some Collection<UInt8>, options: VerificationOptions, publicKey: Ed25519.PublicKey
    ) -> DataIntegrityVerification {
        let document: JSONValue
        do { document = try JSONValue(parsing: documentBytes) } catch {
            return DataIntegrityVerification(documentFailure: .parsing(error))
        }
        return verify(document, options: options, publicKey: publicKey)
    }

    /// Verifies every proof on a secured document, resolving each `verificationMethod` through DID resolution
    /// and requiring it to be authorized for the proof's `proofPurpose` (Data Integrity §4.4–4.5; CID 1.0 §3.3
    /// "Retrieve Verification Method").
    ///
    /// Each DID document is resolved as of the proof's `created`, so a proof made before a key rotation checks
    /// against the keys of its time; proofs that fail earlier checks are not resolved at all.
    /// - Parameters:
    ///   - document: the secured document.
    ///   - options: the expectations and the current time.
    ///   - resolver: where DID documents come from.
    /// - Returns: one outcome per proof, or the reason the document has no proof to check.
    /// - Throws: ``DIDResolutionError`` when a DID cannot be resolved, so the question cannot be answered.
    public static func verify(_ document: JSONValue, options: VerificationOptions, resolver: some DIDResolver)
        async throws(DIDResolutionError) -> DataIntegrityVerification
    {
        let verifier: ProofSetVerifier
        switch ProofSetVerifier.prepare(document, options: options) {
        case .failure(let error): return DataIntegrityVerification(documentFailure: error)
        case .success(let prepared): verifier = prepared
        }
        var keys: [KeyRequest: Result<Ed25519.PublicKey, VerificationKeyError>] = [:]
        for proof in verifier.proofsAwaitingKeys where keys[KeyRequest(proof)] == nil {
            keys[KeyRequest(proof)] = try await resolveVerificationKey(
                verificationMethod: proof.verificationMethod, purpose: proof.proofPurpose, resolver: resolver,
                versionTime: proof.createdText)
        }
        return verifier.finish { proof in
            keys[KeyRequest(proof)] ?? .failure(.unknownVerificationMethod(proof.verificationMethod))
        }
    }

    /// What a key is resolved for: the method, the purpose it must be authorized for, and as of when.
    private struct KeyRequest: Hashable {
        let verificationMethod: JSONValue
        let proofPurpose: JSONValue
        let versionTime: String?

        init(_ proof: DataIntegrityProof) {
            verificationMethod = .string(proof.verificationMethod)
            proofPurpose = .string(proof.proofPurpose)
            versionTime = proof.createdText
        }
    }
}
