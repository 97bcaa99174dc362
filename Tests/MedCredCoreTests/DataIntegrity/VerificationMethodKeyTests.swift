import MedCredCore
import MedCredCrypto
import MedCredTestSupport
import Testing

/// Ed25519 keys from the verification method types MedCred accepts (CID 1.0 §2.2.2–2.2.3), including the
/// legacy `Ed25519VerificationKey2018` and `JsonWebKey2020` documents of the did:key test vectors.
@Suite struct VerificationMethodKeyTests {
    static let did = "did:example:board"

    static func method(type: String, multibase: String? = nil, jwk: JSONObject? = nil, base58: String? = nil) throws
        -> VerificationMethod
    {
        VerificationMethod(
            id: try DIDURL(parsing: did + "#key-1"), type: type, controller: try DID(parsing: did),
            publicKeyMultibase: multibase, publicKeyJwk: jwk, publicKeyBase58: base58)
    }

    static func keyID() throws -> DIDURL { try DIDURL(parsing: did + "#key-1") }

    /// The legacy did:key documents (Ed25519VerificationKey2018, and JsonWebKey2020 in the fifth) authorize the
    /// seed's key for assertions, and a proof by that key verifies against them.
    @Test(arguments: try DIDKeyVector.ed25519())
    func readsTheLegacyDIDKeyDocuments(_ vector: DIDKeyVector) async throws {
        let seed = Hex.decode(try #require(vector.entry["seed"]?.stringValue))
        let privateKey = try Ed25519.PrivateKey(seed: seed)
        let legacy = try DIDDocument(json: try #require(vector.entry["didDocument"]))
        let id = DIDKey(privateKey: privateKey).verificationMethodID
        #expect(try legacy.ed25519Key(for: id, relationship: .assertionMethod).get() == privateKey.publicKey)

        let signed = try DataIntegrity.addProof(
            to: licenseCredential(issuer: vector.did), options: ProofOptions(created: try DIVectors.created()),
            signer: Ed25519Signer(privateKey: privateKey, verificationMethod: id.description))
        let result = try await DataIntegrity.verify(
            signed, options: TestClock.assertion, resolver: FixedResolver(legacy))
        #expect(result.verified, "\(result.failures)")
    }

    @Test func readsEd25519VerificationKey2020() throws {
        let key = try seededKey(5)
        let method = try Self.method(
            type: "Ed25519VerificationKey2020", multibase: Multikey(publicKey: key.publicKey).multibase)
        #expect(try method.ed25519PublicKey() == key.publicKey)
    }

    @Test func readsJsonWebKey() throws {
        let key = try seededKey(5)
        #expect(
            try Self.method(type: "JsonWebKey", jwk: JWK.json(for: key.publicKey)).ed25519PublicKey() == key.publicKey)
        #expect(JWK.json(for: key.publicKey)["kty"] == "OKP")
    }

    static func jwk(_ edit: @Sendable (inout JSONObject) -> Void) throws -> JSONObject {
        var jwk = JWK.json(for: try seededKey(5).publicKey)
        edit(&jwk)
        return jwk
    }

    static let jwkRejections: [(String, @Sendable (inout JSONObject) -> Void, JWKError)] = [
        ("private d", { $0["d"] = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A" }, .privateKeyMember),
        ("kty EC", { $0["kty"] = "EC" }, .unsupportedKeyType("EC")),
        ("kty missing", { $0["kty"] = nil }, .missingMember("kty")),
        ("crv X25519", { $0["crv"] = "X25519" }, .unsupportedCurve("X25519")),
        ("crv Ed448", { $0["crv"] = "Ed448" }, .unsupportedCurve("Ed448")),
        ("x missing", { $0["x"] = nil }, .missingMember("x")),
        ("x number", { $0["x"] = 5 }, .wrongMemberType("x")),
        (
            "x padded", { $0["x"] = .string(($0["x"]?.stringValue ?? "") + "=") },
            .invalidBase64URL(.invalidCharacter("=", offset: 43))
        ),
        (
            "x short", { $0["x"] = .string(Base64URL.encode([UInt8](repeating: 1, count: 31))) },
            .invalidKeyLength(expected: 32, actual: 31)
        ),
        ("alg ES256", { $0["alg"] = "ES256" }, .notForVerification(member: "alg")),
        ("use enc", { $0["use"] = "enc" }, .notForVerification(member: "use")),
        ("key_ops sign only", { $0["key_ops"] = ["sign"] }, .notForVerification(member: "key_ops")),
        ("key_ops string", { $0["key_ops"] = "verify" }, .wrongMemberType("key_ops")),
    ]

    @Test(arguments: jwkRejections.map { ($0.0, $0.2) })
    func rejectsUnusableJWKs(name: String, error: JWKError) throws {
        let edit = try #require(Self.jwkRejections.first { $0.0 == name }).1
        let method = try Self.method(type: "JsonWebKey2020", jwk: try Self.jwk(edit))
        #expect(throws: VerificationKeyError.invalidJWK(try Self.keyID(), error)) { try method.ed25519PublicKey() }
    }

    @Test(arguments: [
        ("Multikey", "publicKeyMultibase"), ("Ed25519VerificationKey2020", "publicKeyMultibase"),
        ("Ed25519VerificationKey2018", "publicKeyBase58"), ("JsonWebKey", "publicKeyJwk"),
    ])
    func rejectsAMethodWithoutItsKeyMember(type: String, member: String) throws {
        let method = try Self.method(type: type)
        #expect(throws: VerificationKeyError.missingKeyMaterial(try Self.keyID(), member: member)) {
            try method.ed25519PublicKey()
        }
    }

    @Test func rejectsABadBase58Key() throws {
        let method = try Self.method(
            type: "Ed25519VerificationKey2018", base58: "4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtaj0")
        #expect(throws: VerificationKeyError.invalidBase58Key(try Self.keyID(), .invalidCharacter("0", offset: 43))) {
            try method.ed25519PublicKey()
        }
    }

    @Test func rejectsAShortBase58Key() throws {
        let method = try Self.method(
            type: "Ed25519VerificationKey2018", base58: Base58.encode([UInt8](repeating: 9, count: 31)))
        #expect(throws: VerificationKeyError.invalidKeyLength(try Self.keyID(), expected: 32, actual: 31)) {
            try method.ed25519PublicKey()
        }
    }

    @Test func rejectsAnX25519Multikey() throws {
        let x25519 = Multibase.encode(
            Multicodec.prefix([UInt8](repeating: 9, count: 32), with: .x25519Pub), as: .base58btc)
        let method = try Self.method(type: "Multikey", multibase: x25519)
        #expect(
            throws: VerificationKeyError.invalidMultikey(
                try Self.keyID(), .wrongCodec(expected: .ed25519Pub, actual: .x25519Pub))
        ) { try method.ed25519PublicKey() }
    }

    @Test func rejectsAMultikeyWithJWKType() throws {
        let method = try Self.method(
            type: "JsonWebKey", multibase: Multikey(publicKey: try seededKey(5).publicKey).multibase)
        #expect(throws: VerificationKeyError.missingKeyMaterial(try Self.keyID(), member: "publicKeyJwk")) {
            try method.ed25519PublicKey()
        }
    }
}
