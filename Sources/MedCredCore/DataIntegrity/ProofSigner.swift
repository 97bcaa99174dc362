public import MedCredCrypto

/// Something that signs bytes with the private key of one verification method.
///
/// The seam between the pure proof algorithms and wherever the key lives: an in-memory key
/// (``Ed25519Signer``), an encrypted key store or a remote signer. Data Integrity "Proof Serialization"
/// (vc-di-eddsa §3.3.6, https://www.w3.org/TR/vc-di-eddsa/#proof-serialization-eddsa-jcs-2022) calls this "a
/// signing interface enabling the use of the private key bytes"; VC-JOSE uses the same seam for JWS.
public protocol ProofSigner: Sendable {
    /// The DID URL of the key, written into the proof's `verificationMethod` or the JWS `kid`.
    var verificationMethod: String { get }

    /// Signs `bytes` with Ed25519 (RFC 8032 §5.1.6, Pure EdDSA).
    /// - Parameter bytes: the data to sign, e.g. the 64 bytes of `eddsa-jcs-2022` hash data.
    /// - Returns: the 64-byte signature.
    /// - Throws: whatever keeps the key from being used (a locked store, an unreachable signer).
    func sign(_ bytes: [UInt8]) throws -> [UInt8]
}

/// A ``ProofSigner`` over an Ed25519 private key held in memory.
public struct Ed25519Signer: ProofSigner, CustomStringConvertible {
    /// The DID URL of the key.
    public let verificationMethod: String
    private let privateKey: Ed25519.PrivateKey

    /// Signs as `verificationMethod` with `privateKey`.
    /// - Parameters:
    ///   - privateKey: the key.
    ///   - verificationMethod: its DID URL, e.g. `did:key:z6Mk…#z6Mk…`.
    public init(privateKey: Ed25519.PrivateKey, verificationMethod: String) {
        self.privateKey = privateKey
        self.verificationMethod = verificationMethod
    }

    /// Signs as the key's own `did:key` verification method, `did:key:<multikey>#<multikey>`.
    /// - Parameter privateKey: the key.
    public init(didKey privateKey: Ed25519.PrivateKey) {
        self.init(
            privateKey: privateKey, verificationMethod: DIDKey(privateKey: privateKey).verificationMethodID.description)
    }

    /// Signs `bytes` deterministically (RFC 8032 §5.1.6); never fails.
    /// - Parameter bytes: the data to sign.
    /// - Returns: the 64-byte signature.
    public func sign(_ bytes: [UInt8]) -> [UInt8] {
        privateKey.signature(for: bytes)
    }

    /// The verification method only; the key is never printed.
    public var description: String { "Ed25519Signer(\(verificationMethod))" }
}
