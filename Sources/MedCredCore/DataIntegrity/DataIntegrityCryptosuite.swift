/// A way of securing a document with an Ed25519 proof that MedCred can create and verify.
///
/// `eddsa-jcs-2022` and `eddsa-rdfc-2022` are the cryptosuites of `DataIntegrityProof` (vc-di-eddsa §3.3–3.4,
/// https://www.w3.org/TR/vc-di-eddsa/); `Ed25519Signature2020` is the legacy proof type of the Ed25519
/// Signature 2020 suite (https://w3c-ccg.github.io/di-eddsa-2020/), which signs the same hash data as
/// `eddsa-rdfc-2022` under its own proof type and without a `cryptosuite` member. The two RDFC suites need the
/// pinned JSON-LD contexts (``KnownContexts``) to turn a document into RDF.
public enum DataIntegrityCryptosuite: String, CaseIterable, Hashable, Sendable {
    /// RFC 8785 JCS, SHA-256, Ed25519: MedCred's default.
    case eddsaJCS2022 = "eddsa-jcs-2022"
    /// JSON-LD to RDF, RDFC-1.0, SHA-256, Ed25519.
    case eddsaRDFC2022 = "eddsa-rdfc-2022"
    /// The legacy proof type with the `eddsa-rdfc-2022` construction, for verifiers that predate it.
    case ed25519Signature2020 = "Ed25519Signature2020"

    /// The proof's `type`: `DataIntegrityProof`, or `Ed25519Signature2020`.
    public var proofType: String {
        self == .ed25519Signature2020 ? Self.ed25519Signature2020ProofType : DataIntegrity.proofType
    }

    /// The proof's `cryptosuite` member, or `nil` for a proof type that has none.
    public var cryptosuiteMember: String? {
        self == .ed25519Signature2020 ? nil : rawValue
    }

    /// Whether the suite canonicalizes with JSON-LD and RDFC-1.0, and so needs the pinned contexts.
    public var usesRDFC: Bool { self != .eddsaJCS2022 }

    /// The context that defines `Ed25519Signature2020` and its proof members; a document secured with that
    /// proof type must name it in `@context`.
    public static let ed25519Signature2020Context = "https://w3id.org/security/suites/ed25519-2020/v1"

    static let ed25519Signature2020ProofType = "Ed25519Signature2020"

    /// The suite a proof's `type` and `cryptosuite` name.
    /// - Parameters:
    ///   - proofType: the proof's `type`.
    ///   - cryptosuite: its `cryptosuite`, or `nil` when absent.
    /// - Throws: ``DataIntegrityError/unknownProofType(_:)``, ``DataIntegrityError/unsupportedCryptosuite(_:)``,
    ///   ``DataIntegrityError/missingMember(_:)`` (a `DataIntegrityProof` without `cryptosuite`) or
    ///   ``DataIntegrityError/unexpectedMember(_:)`` (an `Ed25519Signature2020` with one).
    init(proofType: String, cryptosuite: String?) throws(DataIntegrityError) {
        if ExactString.equal(proofType, Self.ed25519Signature2020ProofType) {
            guard cryptosuite == nil else { throw .unexpectedMember("cryptosuite") }
            self = .ed25519Signature2020
            return
        }
        guard ExactString.equal(proofType, DataIntegrity.proofType) else { throw .unknownProofType(proofType) }
        guard let cryptosuite else { throw .missingMember("cryptosuite") }
        if ExactString.equal(cryptosuite, Self.eddsaJCS2022.rawValue) {
            self = .eddsaJCS2022
        } else if ExactString.equal(cryptosuite, Self.eddsaRDFC2022.rawValue) {
            self = .eddsaRDFC2022
        } else {
            throw .unsupportedCryptosuite(cryptosuite)
        }
    }
}
