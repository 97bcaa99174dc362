internal import MedCredCrypto

/// The `eddsa-jcs-2022` cryptosuite: RFC 8785 canonical JSON, SHA-256, Ed25519.
///
/// W3C Data Integrity EdDSA Cryptosuites v1.0 §3.3 (https://www.w3.org/TR/vc-di-eddsa/#eddsa-jcs-2022). The hash
/// data is SHA-256(canonical proof configuration) ‖ SHA-256(canonical document), in that order (§3.3.4), and
/// the signature is `proofValue` as `z` + base58btc. Documents are hashed exactly as received: the
/// ``JSONValue`` keeps every member and number, and JCS fixes their bytes.
public enum EdDSAJCS2022 {
    /// The cryptosuite identifier, `eddsa-jcs-2022`.
    public static let name = "eddsa-jcs-2022"

    /// Transformation (vc-di-eddsa §3.3.3): the RFC 8785 canonical form of the unsecured document.
    /// - Parameter unsecuredDocument: the document without the proof being made or checked.
    /// - Returns: the canonical UTF-8 bytes.
    public static func transform(_ unsecuredDocument: JSONValue) -> [UInt8] {
        unsecuredDocument.jcsBytes
    }

    /// Proof Configuration (vc-di-eddsa §3.3.5): the RFC 8785 canonical form of the proof options, which are
    /// the proof without `proofValue` and with the document's `@context`.
    /// - Parameter proofOptions: the proof configuration members.
    /// - Returns: the canonical UTF-8 bytes.
    public static func canonicalProofConfiguration(_ proofOptions: JSONObject) -> [UInt8] {
        JSONValue.object(proofOptions).jcsBytes
    }

    /// Hashing (vc-di-eddsa §3.3.4): SHA-256 of the proof configuration, then SHA-256 of the document.
    /// - Parameters:
    ///   - transformedDocument: the output of ``transform(_:)``.
    ///   - canonicalProofConfig: the output of ``canonicalProofConfiguration(_:)``.
    /// - Returns: the 64 bytes that are signed.
    public static func hashData(transformedDocument: [UInt8], canonicalProofConfig: [UInt8]) -> [UInt8] {
        SHA256.hash(canonicalProofConfig) + SHA256.hash(transformedDocument)
    }

    /// Create Proof (vc-di-eddsa §3.3.1): signs `unsecuredDocument` and returns the proof to attach.
    ///
    /// The proof is the options (see ``ProofOptions``) with `type` `DataIntegrityProof`, this cryptosuite, the
    /// signer's `verificationMethod` and, when the document has one, its `@context` (step 2, which the spec
    /// "strongly advises"), followed by `proofValue`. To secure a document, use
    /// ``DataIntegrity/addProof(to:options:signer:)``, which also builds proof sets and chains.
    /// - Parameters:
    ///   - unsecuredDocument: the document to secure, a JSON object; for a chained proof, with `proof` set to
    ///     the proofs it chains to.
    ///   - options: the proof options.
    ///   - signer: the key that signs.
    /// - Returns: the proof object.
    /// - Throws: ``ProofGenerationError/documentNotObject``, ``ProofGenerationError/emptyOption(_:)``,
    ///   ``ProofGenerationError/signerFailed(verificationMethod:reason:)`` or
    ///   ``ProofGenerationError/invalidSignatureLength(expected:actual:)``.
    public static func createProof(
        for unsecuredDocument: JSONValue, options: ProofOptions, signer: some ProofSigner
    ) throws(ProofGenerationError) -> JSONObject {
        guard let document = unsecuredDocument.objectValue else { throw .documentNotObject }
        var proof = try options.json(suite: .eddsaJCS2022, verificationMethod: signer.verificationMethod)
        if let context = document["@context"] { proof["@context"] = context }
        let hash = hashData(
            transformedDocument: transform(unsecuredDocument), canonicalProofConfig: canonicalProofConfiguration(proof))
        proof["proofValue"] = try DataIntegrity.proofValue(signing: hash, with: signer)
        return proof
    }

    /// Decodes `proofValue` into the 64 signature bytes (vc-di-eddsa §3.3.2 step 3).
    static func signatureBytes(proofValue: String) throws(DataIntegrityError) -> [UInt8] {
        if let prefix = proofValue.first, prefix != "z" { throw .proofValueNotBase58btc(prefix) }
        let bytes: [UInt8]
        do { bytes = try Multibase.decode(proofValue, expecting: .base58btc) } catch { throw .invalidProofValue(error) }
        guard bytes.count == Ed25519.signatureLength else {
            throw .invalidSignatureLength(expected: Ed25519.signatureLength, actual: bytes.count)
        }
        return bytes
    }

    /// Steps 1, 2 and 4–7 of Verify Proof (vc-di-eddsa §3.3.2): the bytes the signature must cover.
    ///
    /// - Parameters:
    ///   - proof: the proof being verified.
    ///   - unsecuredDocument: the document without `proof`, or with `proof` set to the proofs it chains to.
    /// - Returns: the hash data.
    /// - Throws: ``DataIntegrityError/contextMismatch(document:proof:)`` when the document's `@context` does not
    ///   start with the proof's.
    static func hashData(verifying proof: DataIntegrityProof, unsecuredDocument: JSONObject)
        throws(DataIntegrityError) -> [UInt8]
    {
        let (document, proofOptions) = try DataIntegrity.verificationInput(proof, unsecuredDocument: unsecuredDocument)
        return hashData(
            transformedDocument: transform(.object(document)),
            canonicalProofConfig: canonicalProofConfiguration(proofOptions))
    }
}
