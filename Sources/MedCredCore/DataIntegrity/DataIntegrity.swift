/// W3C Verifiable Credential Data Integrity 1.0: adding proofs to JSON documents and verifying them.
///
/// https://www.w3.org/TR/vc-data-integrity/. MedCred implements the suites of ``DataIntegrityCryptosuite``:
/// ``EdDSAJCS2022`` (the default), ``EdDSARDFC2022`` and the legacy `Ed25519Signature2020`. Every function here is pure: the signing key
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

    /// Whether a document's `@context` starts with every value of the proof's, in the same order
    /// (vc-di-eddsa §3.3.2 and §3.4.2 step 4.1); a single value counts as a list of one.
    static func context(_ context: JSONValue?, startsWith prefix: JSONValue) -> Bool {
        guard let context else { return false }
        let values = context.arrayValue ?? [context]
        let prefixValues = prefix.arrayValue ?? [prefix]
        return values.count >= prefixValues.count && Array(values.prefix(prefixValues.count)) == prefixValues
    }
}
