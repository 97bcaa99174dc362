extension DataIntegrity {
    /// Secures a document with a proof of `cryptosuite` (`eddsa-jcs-2022` unless stated): Add Proof, or Add Proof Set/Chain when the
    /// document already has proofs (Data Integrity §4.2–4.3, https://www.w3.org/TR/vc-data-integrity/#add-proof).
    ///
    /// Without existing proofs the result has `proof` set to the new proof object. With existing proofs,
    /// `proof` becomes an array: the existing proofs, in order, then the new one. The new proof signs the
    /// document without `proof`; when `options.previousProof` names ids, it signs the document with `proof`
    /// set to an array of those proofs, in the order named (§4.3 steps 4–6), which binds them into a chain.
    /// Other members keep their order; `proof` moves to the end.
    /// - Parameters:
    ///   - document: the document to secure, a JSON object, with or without proofs.
    ///   - options: the proof options.
    ///   - signer: the key that signs, and its verification method.
    ///   - cryptosuite: the suite; `eddsa-rdfc-2022` and `Ed25519Signature2020` need `contexts`.
    ///   - contexts: the pinned contexts the RDFC suites canonicalize with.
    /// - Returns: the secured document.
    /// - Throws: ``ProofGenerationError/documentNotObject``,
    ///   ``ProofGenerationError/existingProofNotObject(index:)``,
    ///   ``ProofGenerationError/previousProofNotFound(_:)``, ``ProofGenerationError/contextsRequired(_:)``, and
    ///   the errors of ``EdDSAJCS2022/createProof(for:options:signer:)`` or
    ///   ``EdDSARDFC2022/createProof(for:options:signer:contexts:suite:)``.
    public static func addProof(
        to document: JSONValue, options: ProofOptions, signer: some ProofSigner,
        cryptosuite: DataIntegrityCryptosuite = .eddsaJCS2022, contexts: KnownContexts? = nil
    ) throws(ProofGenerationError) -> JSONValue {
        guard var output = document.objectValue else { throw .documentNotObject }
        let allProofs = try existingProofs(output["proof"])
        let inputDocument = try chainInputDocument(for: document, previousProof: options.previousProof)
        let proofObject: JSONObject
        switch cryptosuite {
        case .eddsaJCS2022: proofObject = try EdDSAJCS2022.createProof(for: inputDocument, options: options, signer: signer)
        case .eddsaRDFC2022, .ed25519Signature2020:
            guard let contexts else { throw .contextsRequired(cryptosuite) }
            proofObject = try EdDSARDFC2022.createProof(
                for: inputDocument, options: options, signer: signer, contexts: contexts, suite: cryptosuite)
        }
        let proof = JSONValue.object(proofObject)
        output["proof"] = nil
        output["proof"] = allProofs.isEmpty ? proof : .array(allProofs + [proof])
        return .object(output)
    }

    /// The document a new proof signs: `document` without `proof`, or, when `previousProof` names ids, with
    /// `proof` set to an array of those proofs in the order named (Data Integrity §4.3 steps 2–5,
    /// https://www.w3.org/TR/vc-data-integrity/#add-proof-set-chain). Verification rebuilds the same document
    /// for each chained proof (§4.5 step 3.3).
    /// - Parameters:
    ///   - document: the secured document, with its existing proof or proofs.
    ///   - previousProof: the ids of the proofs to chain to; empty for an unchained proof.
    /// - Returns: the input document.
    /// - Throws: ``ProofGenerationError/documentNotObject``, ``ProofGenerationError/existingProofNotObject(index:)``
    ///   or ``ProofGenerationError/previousProofNotFound(_:)``.
    public static func chainInputDocument(for document: JSONValue, previousProof: [String])
        throws(ProofGenerationError) -> JSONValue
    {
        guard var inputDocument = document.objectValue else { throw .documentNotObject }
        let allProofs = try existingProofs(inputDocument["proof"])
        inputDocument["proof"] = nil
        guard !previousProof.isEmpty else { return .object(inputDocument) }
        var matchingProofs: [JSONValue] = []
        for id in previousProof {
            guard let match = allProofs.first(where: { $0["id"] == .string(id) }) else {
                throw .previousProofNotFound(id)
            }
            matchingProofs.append(match)
        }
        inputDocument["proof"] = .array(matchingProofs)
        return .object(inputDocument)
    }

    /// The proofs already on a document, as a list (§4.3 step 1).
    private static func existingProofs(_ proof: JSONValue?) throws(ProofGenerationError) -> [JSONValue] {
        switch proof {
        case nil: return []
        case .object(let object)?: return [.object(object)]
        case .array(let elements)?:
            for (index, element) in elements.enumerated() where element.objectValue == nil {
                throw .existingProofNotObject(index: index)
            }
            return elements
        default: throw .existingProofNotObject(index: nil)
        }
    }
}
