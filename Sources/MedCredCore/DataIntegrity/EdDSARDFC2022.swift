public import MedCredCrypto

/// Why an `eddsa-rdfc-2022` proof could not be made, or a proof could not be checked.
public enum EdDSARDFC2022Error: Error, Equatable, Sendable {
    /// The document (or proof configuration) is not a JSON object.
    case documentNotObject
    /// JSON-LD expansion or toRdf failed, e.g. an undefined term or an unpinned context.
    case jsonLD(JSONLDError)
    /// RDFC-1.0 gave up on the dataset (a poison graph).
    case canonicalization(RDFCanonicalizationError)
    /// The proof options could not be turned into a proof.
    case proofGeneration(ProofGenerationError)
    /// The `proof` member is missing or is not one JSON object.
    case proofNotObject
    /// The proof's `cryptosuite` is not `eddsa-rdfc-2022` (or is missing): it belongs to another verifier.
    case wrongCryptosuite(String?)
    /// The proof has no `proofValue` string.
    case missingProofValue
    /// `proofValue` is not a base58btc multibase Ed25519 signature.
    case invalidProofValue(DataIntegrityError)
}

/// The `eddsa-rdfc-2022` cryptosuite: JSON-LD to RDF, RDFC-1.0 canonical N-Quads, SHA-256, Ed25519.
///
/// W3C Data Integrity EdDSA Cryptosuites v1.0 §3.4 (https://www.w3.org/TR/vc-di-eddsa/#eddsa-rdfc-2022). The
/// hash data is SHA-256(canonical proof configuration) ‖ SHA-256(canonical document) (§3.4.4). Expansion
/// runs with ``JSONLDOptions/UndefinedTerms/error`` and only pinned contexts (``KnownContextsLoader``), so no
/// member is silently left out of the signature.
public enum EdDSARDFC2022 {
    /// The cryptosuite identifier, `eddsa-rdfc-2022`.
    public static let name = "eddsa-rdfc-2022"

    /// Transformation (vc-di-eddsa §3.4.3): the RDFC-1.0 canonical N-Quads of the unsecured document.
    /// - Parameters:
    ///   - unsecured: the document without the proof being made or checked.
    ///   - contexts: the pinned contexts the document may use.
    /// - Returns: the canonical N-Quads, each line ending in `\n`.
    /// - Throws: ``EdDSARDFC2022Error/jsonLD(_:)`` or ``EdDSARDFC2022Error/canonicalization(_:)``.
    public static func canonicalDocument(_ unsecured: JSONValue, contexts: KnownContexts)
        throws(EdDSARDFC2022Error) -> String
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
        throws(EdDSARDFC2022Error) -> String
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
    ///   - unsecuredDocument: the document to secure, a JSON object.
    ///   - options: the proof options.
    ///   - signer: the key that signs.
    ///   - contexts: the pinned contexts.
    /// - Returns: the proof object with `proofValue`; like the vc-di-eddsa vector it has no `@context` (the proof
    ///   configuration takes the document's, §3.4.5).
    /// - Throws: ``EdDSARDFC2022Error/documentNotObject``, ``EdDSARDFC2022Error/proofGeneration(_:)`` (signer
    ///   failure, wrong signature length, empty option), or a canonicalization error.
    public static func createProof(
        for unsecuredDocument: JSONValue, options: ProofOptions, signer: some ProofSigner, contexts: KnownContexts
    ) throws(EdDSARDFC2022Error) -> JSONObject {
        guard let document = unsecuredDocument.objectValue else { throw .documentNotObject }
        var proof: JSONObject
        do { proof = try options.json(cryptosuite: name, verificationMethod: signer.verificationMethod) } catch {
            throw .proofGeneration(error)
        }
        var config = proof
        config["@context"] = document["@context"]  // §3.4.5 step 5; the proof itself carries no @context
        let hash = hashData(
            canonicalDocument: try canonicalDocument(unsecuredDocument, contexts: contexts),
            canonicalProofConfig: try canonicalProofConfig(.object(config), contexts: contexts))
        let signature: [UInt8]
        do { signature = try signer.sign(hash) } catch {
            let reason = String(describing: error)
            throw .proofGeneration(.signerFailed(verificationMethod: signer.verificationMethod, reason: reason))
        }
        guard signature.count == Ed25519.signatureLength else {
            throw .proofGeneration(.invalidSignatureLength(expected: Ed25519.signatureLength, actual: signature.count))
        }
        proof["proofValue"] = .string(Multibase.encode(signature, as: .base58btc))
        return proof
    }

    /// Verify Proof (vc-di-eddsa §3.4.2) for a document with one `proof` object and a known public key.
    ///
    /// A proof whose `@context` the document's does not start with, or whose signature does not check, is a
    /// result (`false`); only a document that cannot be canonicalized or a malformed proof throws.
    /// - Parameters:
    ///   - securedDocument: the document with its `proof`.
    ///   - publicKey: the Ed25519 key of the proof's verification method.
    ///   - contexts: the pinned contexts.
    /// - Returns: whether the signature covers the document and proof configuration.
    /// - Throws: ``EdDSARDFC2022Error/documentNotObject``, ``EdDSARDFC2022Error/proofNotObject``,
    ///   ``EdDSARDFC2022Error/wrongCryptosuite(_:)``, ``EdDSARDFC2022Error/missingProofValue``,
    ///   ``EdDSARDFC2022Error/invalidProofValue(_:)`` or a canonicalization error.
    public static func verifyProof(
        _ securedDocument: JSONValue, publicKey: Ed25519.PublicKey, contexts: KnownContexts
    ) throws(EdDSARDFC2022Error) -> Bool {
        guard var document = securedDocument.objectValue else { throw .documentNotObject }
        guard let proof = document["proof"]?.objectValue else { throw .proofNotObject }
        document["proof"] = nil
        let cryptosuite = proof["cryptosuite"]?.stringValue
        guard cryptosuite == name else { throw .wrongCryptosuite(cryptosuite) }
        guard let proofValue = proof["proofValue"]?.stringValue else { throw .missingProofValue }
        let signature: [UInt8]
        do { signature = try EdDSAJCS2022.signatureBytes(proofValue: proofValue) } catch {
            throw .invalidProofValue(error)
        }
        var proofOptions = proof
        proofOptions["proofValue"] = nil
        if let proofContext = proof["@context"] {
            guard startsWith(document["@context"], prefix: proofContext) else { return false }
            document["@context"] = proofContext  // step 4.2: the context the signer saw
        }
        proofOptions["@context"] = document["@context"]  // §3.4.5 step 5
        let hash = hashData(
            canonicalDocument: try canonicalDocument(.object(document), contexts: contexts),
            canonicalProofConfig: try canonicalProofConfig(.object(proofOptions), contexts: contexts))
        return publicKey.isValidSignature(signature, for: hash)
    }

    /// Whether the document's `@context` starts with every value of the proof's (vc-di-eddsa §3.4.2 step 4.1).
    private static func startsWith(_ context: JSONValue?, prefix: JSONValue) -> Bool {
        guard let context else { return false }
        let values = context.arrayValue ?? [context]
        let prefixValues = prefix.arrayValue ?? [prefix]
        return values.count >= prefixValues.count && Array(values.prefix(prefixValues.count)) == prefixValues
    }
}
