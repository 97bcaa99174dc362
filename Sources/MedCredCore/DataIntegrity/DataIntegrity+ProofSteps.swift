internal import MedCredCrypto

/// The steps the EdDSA cryptosuites share around their transformations (vc-di-eddsa §3.3 and §3.4): signing the
/// hash data into `proofValue`, and the context check before hashing a received proof.
extension DataIntegrity {
    /// Signs the hash data and encodes the signature as `proofValue`: `z` + base58btc (vc-di-eddsa §3.3.1 and
    /// §3.4.1, steps 6–7).
    /// - Throws: ``ProofGenerationError/signerFailed(verificationMethod:reason:)`` or
    ///   ``ProofGenerationError/invalidSignatureLength(expected:actual:)``.
    static func proofValue(signing hashData: [UInt8], with signer: some ProofSigner)
        throws(ProofGenerationError) -> JSONValue
    {
        let signature: [UInt8]
        do { signature = try signer.sign(hashData) } catch {
            throw .signerFailed(verificationMethod: signer.verificationMethod, reason: String(describing: error))
        }
        guard signature.count == Ed25519.signatureLength else {
            throw .invalidSignatureLength(expected: Ed25519.signatureLength, actual: signature.count)
        }
        return .string(Multibase.encode(signature, as: .base58btc))
    }

    /// Verify Proof steps 1–4 (vc-di-eddsa §3.3.2 and §3.4.2): the proof options without `proofValue`, and the
    /// document with the `@context` the signer saw, which must begin the document's own.
    /// - Throws: ``DataIntegrityError/contextMismatch(document:proof:)``.
    static func verificationInput(_ proof: DataIntegrityProof, unsecuredDocument: JSONObject)
        throws(DataIntegrityError) -> (document: JSONObject, proofOptions: JSONObject)
    {
        var document = unsecuredDocument
        var proofOptions = proof.json
        proofOptions["proofValue"] = nil
        if let proofContext = proof.context {
            guard context(document["@context"], startsWith: proofContext) else {
                throw .contextMismatch(document: document["@context"], proof: proofContext)
            }
            document["@context"] = proofContext  // step 4.2: the context the signer saw
        }
        return (document, proofOptions)
    }
}
