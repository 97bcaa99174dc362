public import MedCredCrypto

/// An Ed25519 `did:key`: `did:key:z` + base58btc(0xed 0x01 ‖ public key) (did:key Method v0.9 §2,
/// https://w3c-ccg.github.io/did-method-key/#format).
///
/// The X25519 key for `keyAgreement` is derived as the spec's "Derive Encryption Key Algorithm" says: the
/// Montgomery u-coordinate birationally equivalent to the Ed25519 point, u = (1 + y) / (1 − y) (RFC 7748 §4.1),
/// through libsodium's `crypto_sign_ed25519_pk_to_curve25519`. Only `ed25519-pub` keys are accepted; X25519,
/// P-256 and other did:keys fail with ``DIDKeyError/unsupportedPublicKeyType(_:)`` because MedCred neither
/// issues nor verifies with them.
public struct DIDKey: Hashable, Sendable, CustomStringConvertible {
    /// The Ed25519 public key.
    public let publicKey: Ed25519.PublicKey
    /// The DID, e.g. `did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK`.
    public let did: DID
    /// The Multikey `publicKeyMultibase`: `z6Mk…`, which is also the method-specific identifier.
    public let multikey: String
    /// The derived X25519 public key (32 bytes) for `keyAgreement`.
    public let x25519PublicKey: [UInt8]

    /// The did:key of an Ed25519 public key (did:key Method v0.9 "Create").
    /// - Parameter publicKey: the key.
    /// - Throws: ``DIDKeyError/invalidPublicKey`` when the bytes are not a point of the prime-order subgroup,
    ///   which no key made from a seed can be.
    public init(publicKey: Ed25519.PublicKey) throws(DIDKeyError) {
        let multikey = Multibase.encode(
            Multicodec.prefix(publicKey.rawRepresentation, with: .ed25519Pub), as: .base58btc)
        let did: DID
        do { did = try DID(method: "key", methodSpecificID: multikey) } catch {
            preconditionFailure("a base58btc multikey is always a method-specific-id")  // invariant
        }
        try self.init(publicKey: publicKey, did: did, multikey: multikey)
    }

    /// The did:key of an Ed25519 private key's public key; cannot fail, since a key made from a seed is
    /// always a valid point of the prime-order subgroup.
    /// - Parameter privateKey: the key; only its public key is read.
    public init(privateKey: Ed25519.PrivateKey) {
        do { try self.init(publicKey: privateKey.publicKey) } catch {
            preconditionFailure("an Ed25519 key derived from a seed is a valid point")  // invariant
        }
    }

    /// Parses an Ed25519 did:key (did:key Method v0.9 "Document Creation Algorithm" steps 2–3 and the
    /// "Decode Public Key Algorithm").
    /// - Parameter text: the DID, e.g. `did:key:z6Mk…`.
    /// - Throws: ``DIDKeyError/invalidDID(_:)`` when the text is not a DID, then the cases of
    ///   ``init(parsing:)-(DID)``.
    public init(parsing text: some StringProtocol) throws(DIDKeyError) {
        let did: DID
        do { did = try DID(parsing: text) } catch { throw .invalidDID(error) }
        try self.init(parsing: did)
    }

    /// Checks that a DID is an Ed25519 did:key and decodes its key (did:key Method v0.9).
    /// - Parameter did: the DID; `did:key:1:z6Mk…` (explicit version 1) is accepted as well.
    /// - Throws: ``DIDKeyError/wrongMethod(_:)``, ``DIDKeyError/unsupportedVersion(_:)``,
    ///   ``DIDKeyError/notBase58btc(_:)``, ``DIDKeyError/invalidMultibase(_:)``,
    ///   ``DIDKeyError/invalidMulticodec(_:)``, ``DIDKeyError/unsupportedPublicKeyType(_:)``,
    ///   ``DIDKeyError/invalidPublicKeyLength(expected:actual:)`` or ``DIDKeyError/invalidPublicKey``.
    public init(parsing did: DID) throws(DIDKeyError) {
        guard did.method == "key" else { throw .wrongMethod(did.method) }
        let components = did.methodSpecificID.split(separator: ":", omittingEmptySubsequences: false)
        guard components.count <= 2, let multibase = components.last else {
            throw .unsupportedVersion(did.methodSpecificID)
        }
        if components.count == 2, components[0] != "1" { throw .unsupportedVersion(String(components[0])) }
        if let prefix = multibase.first, prefix != "z" { throw .notBase58btc(prefix) }

        let bytes: [UInt8]
        do { bytes = try Multibase.decode(multibase, expecting: .base58btc) } catch {
            throw .invalidMultibase(error)
        }
        let split: (codec: Multicodec, payload: [UInt8])
        do { split = try Multicodec.split(bytes) } catch { throw .invalidMulticodec(error) }
        guard split.codec == .ed25519Pub else { throw .unsupportedPublicKeyType(split.codec) }
        guard split.payload.count == Ed25519.keyLength else {
            throw .invalidPublicKeyLength(expected: Ed25519.keyLength, actual: split.payload.count)
        }
        let publicKey: Ed25519.PublicKey
        do { publicKey = try Ed25519.PublicKey(rawRepresentation: split.payload) } catch {
            throw .invalidPublicKeyLength(expected: Ed25519.keyLength, actual: split.payload.count)
        }
        try self.init(publicKey: publicKey, did: did, multikey: String(multibase))
    }

    private init(publicKey: Ed25519.PublicKey, did: DID, multikey: String) throws(DIDKeyError) {
        do { x25519PublicKey = try publicKey.x25519PublicKey() } catch { throw .invalidPublicKey }
        self.publicKey = publicKey
        self.did = did
        self.multikey = multikey
    }

    /// The X25519 key as a Multikey: `z` + base58btc(0xec 0x01 ‖ key), i.e. `z6LS…` (did:key Method v0.9
    /// "Encryption Method Creation Algorithm").
    public var keyAgreementMultikey: String {
        Multibase.encode(Multicodec.prefix(x25519PublicKey, with: .x25519Pub), as: .base58btc)
    }

    /// The signing verification method's id, `<did>#<multikey>`.
    public var verificationMethodID: DIDURL { fragmentURL(multikey) }

    /// The key agreement verification method's id, `<did>#<x25519 multikey>`.
    public var keyAgreementID: DIDURL { fragmentURL(keyAgreementMultikey) }

    /// The DID as text.
    public var description: String { did.description }

    private func fragmentURL(_ fragment: String) -> DIDURL {
        do { return try did.url(fragment: fragment) } catch {
            preconditionFailure("a base58btc string is always a valid fragment")  // invariant
        }
    }
}
