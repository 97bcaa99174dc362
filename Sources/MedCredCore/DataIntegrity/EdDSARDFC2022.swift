internal import MedCredCrypto

/// The `eddsa-rdfc-2022` cryptosuite: JSON-LD to RDF, RDFC-1.0 canonical N-Quads, SHA-256, Ed25519; and the
/// legacy `Ed25519Signature2020` proof type, which signs the same hash data.
///
/// W3C Data Integrity EdDSA Cryptosuites v1.0 §3.4 (https://www.w3.org/TR/vc-di-eddsa/#eddsa-rdfc-2022). The
/// hash data is SHA-256(canonical proof configuration) ‖ SHA-256(canonical document) (§3.4.4). Expansion
/// runs with ``JSONLDOptions/UndefinedTerms/error`` and only pinned contexts (``KnownContextsLoader``), so no
/// member is silently left out of the signature. To secure a document use
/// ``DataIntegrity/addProof(to:options:signer:cryptosuite:contexts:)``; to verify, ``DataIntegrity/verify``
/// with ``DataIntegrity/VerificationOptions/contexts``.
public enum EdDSARDFC2022 {
    /// The cryptosuite identifier, `eddsa-rdfc-2022`.
    public static let name = DataIntegrityCryptosuite.eddsaRDFC2022.rawValue

    /// Transformation (vc-di-eddsa §3.4.3): the RDFC-1.0 canonical N-Quads of the unsecured document.
    /// - Parameters:
    ///   - unsecured: the document without the proof being made or checked.
    ///   - contexts: the pinned contexts the document may use.
    /// - Returns: the canonical N-Quads, each line ending in `\n`.
    /// - Throws: ``DataIntegrityError/jsonLD(_:)`` or ``DataIntegrityError/canonicalization(_:)``.
    public static func canonicalDocument(_ unsecured: JSONValue, contexts: KnownContexts)
        throws(DataIntegrityError) -> String
    {
        let dataset: RDFDataset
        do {
            let options = JSONLDOptions(documentLoader: KnownContextsLoader(contexts: contexts), undefinedTerms: .error)
            dataset = try JSONLD.toRDF(unsecured, options: options)
        } catch { throw .jsonLD(error) }
        do { return try RDFCanonicalizer.canonicalize(dataset).nquads } catch { throw .canonicalization(error) }
    }

    /// Proof Configuration (vc-di-eddsa §3.4.5): the canonical N-Quads of the proof options, which are the
    /// proof without `proofValue` and with the document's `@context`.
    /// - Parameters:
    ///   - config: the proof configuration, carrying `@context`.
    ///   - contexts: the pinned contexts.
    /// - Returns: the canonical N-Quads.
    /// - Throws: as ``canonicalDocument(_:contexts:)``.
    public static func canonicalProofConfig(_ config: JSONValue, contexts: KnownContexts)
        throws(DataIntegrityError) -> String
    {
        try canonicalDocument(config, contexts: contexts)
    }

    /// Hashing (vc-di-eddsa §3.4.4): SHA-256 of the proof configuration, then SHA-256 of the document.
    /// - Parameters:
    ///   - canonicalDocument: the output of ``canonicalDocument(_:contexts:)``.
    ///   - canonicalProofConfig: the output of ``canonicalProofConfig(_:contexts:)``.
    /// - Returns: the 64 bytes that are signed.
    public static func hashData(canonicalDocument: String, canonicalProofConfig: String) -> [UInt8] {
        SHA256.hash(Array(canonicalProofConfig.utf8)) + SHA256.hash(Array(canonicalDocument.utf8))
    }

    /// Create Proof (vc-di-eddsa §3.4.1): signs `unsecuredDocument` and returns the proof to attach.
    /// - Parameters:
    ///   - unsecuredDocument: the document to secure, a JSON object; for `Ed25519Signature2020` its `@context`
    ///     must name ``DataIntegrityCryptosuite/ed25519Signature2020Context``.
    ///   - options: the proof options.
    ///   - signer: the key that signs.
    ///   - contexts: the pinned contexts.
    ///   - suite: `eddsa-rdfc-2022` or `Ed25519Signature2020`.
    /// - Returns: the proof object with `proofValue`; like the vc-di-eddsa vectors it has no `@context` (the
    ///   proof configuration takes the document's, §3.4.5).
    /// - Throws: ``ProofGenerationError/documentNotObject``, ``ProofGenerationError/jsonLD(_:)`` (for instance a
    ///   member no context defines), ``ProofGenerationError/canonicalization(_:)``, or a signer failure.
    public static func createProof(
        for unsecuredDocument: JSONValue, options: ProofOptions, signer: some ProofSigner, contexts: KnownContexts,
        suite: DataIntegrityCryptosuite = .eddsaRDFC2022
    ) throws(ProofGenerationError) -> JSONObject {
        guard let document = unsecuredDocument.objectValue else { throw .documentNotObject }
        var proof = try options.json(suite: suite, verificationMethod: signer.verificationMethod)
        var config = proof
        config["@context"] = document["@context"]  // §3.4.5 step 5; the proof itself carries no @context
        let hash: [UInt8]
        do {
            hash = hashData(
                canonicalDocument: try canonicalDocument(unsecuredDocument, contexts: contexts),
                canonicalProofConfig: try canonicalProofConfig(.object(config), contexts: contexts))
        } catch {
            switch error {
            case .jsonLD(let cause): throw .jsonLD(cause)
            case .canonicalization(let cause): throw .canonicalization(cause)
            default: throw .documentNotObject  // canonicalDocument throws only the two above
            }
        }
        proof["proofValue"] = try DataIntegrity.proofValue(signing: hash, with: signer)
        return proof
    }

    /// Steps 1–5 of Verify Proof (vc-di-eddsa §3.4.2): the bytes the signature must cover.
    /// - Parameters:
    ///   - proof: the proof being verified.
    ///   - unsecuredDocument: the document without `proof`, or with `proof` set to the proofs it chains to.
    ///   - contexts: the pinned contexts.
    /// - Returns: the hash data.
    /// - Throws: ``DataIntegrityError/contextMismatch(document:proof:)`` when the document's `@context` does not
    ///   start with the proof's, or a canonicalization error.
    static func hashData(verifying proof: DataIntegrityProof, unsecuredDocument: JSONObject, contexts: KnownContexts)
        throws(DataIntegrityError) -> [UInt8]
    {
        let (document, options) = try DataIntegrity.verificationInput(proof, unsecuredDocument: unsecuredDocument)
        var proofOptions = options
        proofOptions["@context"] = document["@context"]  // §3.4.5 step 5
        return hashData(
            canonicalDocument: try canonicalDocument(.object(document), contexts: contexts),
            canonicalProofConfig: try canonicalProofConfig(.object(proofOptions), contexts: contexts))
    }
}
