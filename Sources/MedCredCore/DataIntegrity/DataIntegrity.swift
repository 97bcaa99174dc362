/// W3C Verifiable Credential Data Integrity 1.0: adding proofs to JSON documents and verifying them.
///
/// https://www.w3.org/TR/vc-data-integrity/. The one cryptosuite MedCred implements is ``EdDSAJCS2022``
/// (https://www.w3.org/TR/vc-di-eddsa/#eddsa-jcs-2022). Every function here is pure: the signing key
/// arrives as a ``ProofSigner``, the verification key as a value or through a ``DIDResolver``, and the
/// current time as an ``XSDDateTime``.
public enum DataIntegrity {
    /// The proof `type` of every modern cryptosuite (Data Integrity §3.1, "DataIntegrityProof").
    public static let proofType = "DataIntegrityProof"

    /// The members a proof may carry (Data Integrity §2.1 "Proofs"), plus `@context`, which
    /// `eddsa-jcs-2022` copies from the document (vc-di-eddsa §3.3.1 step 2).
    ///
    /// A member outside this list would be signed, but its meaning would be unknown to the verifier, so
    /// MedCred rejects it rather than silently ignore what the signer may have meant as a restriction.
    public static let proofMembers: Set<String> = [
        "@context", "id", "type", "cryptosuite", "created", "expires", "verificationMethod", "proofPurpose",
        "challenge", "domain", "nonce", "previousProof", "proofValue",
    ]
}
