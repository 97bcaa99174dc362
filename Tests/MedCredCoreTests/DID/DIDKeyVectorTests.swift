import MedCredCore
import MedCredCrypto
import MedCredTestSupport
import Testing

/// One DID of a w3c-ccg/did-key-spec test-vector file (`shared/vectors/did-key/`), named by its DID.
struct DIDKeyVector: Sendable, CustomTestStringConvertible {
    let did: String
    let entry: JSONValue

    var testDescription: String { did }

    /// `ed25519-x25519.json`: `{ <did>: { seed, verificationKeyPair, keyAgreementKeyPair, didDocument } }`.
    static func ed25519() throws -> [DIDKeyVector] {
        let file = try JSONValue(parsing: try Vectors.text("did-key/ed25519-x25519.json"))
        return try #require(file.objectValue).map { DIDKeyVector(did: $0.name, entry: $0.value) }
    }

    /// `x25519.json`: `{ "didDocument": { <did>: <document> } }`.
    static func x25519() throws -> [DIDKeyVector] {
        let file = try JSONValue(parsing: try Vectors.text("did-key/x25519.json"))
        return try #require(file["didDocument"]?.objectValue).map { DIDKeyVector(did: $0.name, entry: $0.value) }
    }
}

/// did:key Method v0.9 against the upstream vectors: https://w3c-ccg.github.io/did-method-key/
@Suite struct DIDKeyVectorTests {
    static let specExampleDID = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"

    @Test func expandsToTheSpecExampleDocument() throws {
        let expected = try JSONValue(parsing: try Vectors.text("did-key/spec-example-z6MkhaXg-did-document.json"))
        let key = try DIDKey(parsing: Self.specExampleDID)
        #expect(key.document().json == expected)
        #expect(key.document().json.jcsBytes == expected.jcsBytes)
        #expect(try DIDDocument(json: expected) == key.document())
        #expect(key.keyAgreementMultikey == "z6LSj72tK8brWgZja8NLRwPigth2T9QRiG1uH9oKZuKjdh9p")
    }

    @Test func resolvesTheSpecExampleDID() throws {
        let expected = try JSONValue(parsing: try Vectors.text("did-key/spec-example-z6MkhaXg-did-document.json"))
        let result = DIDResolutionResult.resolvingDIDKey(Self.specExampleDID)
        #expect(result.json["didDocument"] == expected)
        #expect(result.json["didResolutionMetadata"] == ["contentType": "application/did+ld+json"])
        #expect(result.json["didDocumentMetadata"] == [:])
        #expect(result.json["@context"] == "https://w3id.org/did-resolution/v1")
    }

    /// The vectors use the 2018/2019 suites and JsonWebKey2020; key bytes and ids are compared, not type names.
    @Test(arguments: try DIDKeyVector.ed25519())
    func derivesTheVectorKeysFromTheSeed(_ vector: DIDKeyVector) throws {
        let seed = Hex.decode(try #require(vector.entry["seed"]?.stringValue))
        let key = DIDKey(privateKey: try Ed25519.PrivateKey(seed: seed))
        #expect(key.did.description == vector.did)
        #expect(try DIDKey(parsing: vector.did) == key)

        let signing = try #require(vector.entry["verificationKeyPair"])
        #expect(try Self.publicKeyBytes(signing) == key.publicKey.rawRepresentation)
        #expect(try Self.fragment(signing) == key.multikey)

        let agreement = try #require(vector.entry["keyAgreementKeyPair"])
        #expect(try Self.publicKeyBytes(agreement) == key.x25519PublicKey)
        #expect(try Self.fragment(agreement) == key.keyAgreementMultikey)
        #expect(key.keyAgreementMultikey.hasPrefix("z6LS"))
    }

    /// The legacy documents parse, and name the same methods for the same purposes as ours.
    @Test(arguments: try DIDKeyVector.ed25519())
    func agreesWithTheVectorDocument(_ vector: DIDKeyVector) throws {
        let legacy = try DIDDocument(json: try #require(vector.entry["didDocument"]))
        let key = try DIDKey(parsing: vector.did)
        #expect(legacy.id == key.did)
        for relationship in [
            VerificationRelationship.authentication, .assertionMethod, .capabilityInvocation,
            .capabilityDelegation,
        ] {
            let method = try #require(
                legacy.verificationMethod(for: key.verificationMethodID, relationship: relationship))
            #expect(try Self.publicKeyBytes(method.json) == key.publicKey.rawRepresentation)
            #expect(key.document().verificationMethod(for: key.verificationMethodID, relationship: relationship) != nil)
        }
        let agreement = try #require(legacy.verificationMethod(for: key.keyAgreementID, relationship: .keyAgreement))
        #expect(try Self.publicKeyBytes(agreement.json) == key.x25519PublicKey)
        let ours = try #require(key.document().verificationMethod(for: key.keyAgreementID, relationship: .keyAgreement))
        #expect(ours.publicKeyMultibase == key.keyAgreementMultikey)
        #expect(legacy.verificationMethod(for: key.keyAgreementID, relationship: .assertionMethod) == nil)
    }

    /// X25519 did:keys are valid did:keys, but MedCred only signs and verifies with Ed25519.
    @Test(arguments: try DIDKeyVector.x25519())
    func refusesX25519DIDKeys(_ vector: DIDKeyVector) throws {
        #expect(throws: DIDKeyError.unsupportedPublicKeyType(.x25519Pub)) { try DIDKey(parsing: vector.did) }
        let result = DIDResolutionResult.resolvingDIDKey(vector.did)
        #expect(result.didDocument == nil)
        #expect(result.error == .invalidDIDKey(.unsupportedPublicKeyType(.x25519Pub)))
        #expect(
            result.json["didResolutionMetadata"]?["error"]?["type"] == "https://www.w3.org/ns/did#FEATURE_NOT_SUPPORTED"
        )
        // The documents themselves are well-formed DID documents.
        let document = try DIDDocument(json: vector.entry)
        #expect(document.id.description == vector.did)
        #expect(document.keyAgreement.count == 1)
    }

    /// The raw key of a vector method: `publicKeyBase58`, or the `x` of `publicKeyJwk`.
    static func publicKeyBytes(_ method: JSONValue) throws -> [UInt8] {
        if let base58 = method["publicKeyBase58"]?.stringValue { return try Base58.decode(base58) }
        return try Base64URL.decode(try #require(method["publicKeyJwk"]?["x"]?.stringValue))
    }

    /// The fragment of a vector method id, which is written both as `#z…` and as `did:key:z…#z…`.
    static func fragment(_ method: JSONValue) throws -> String {
        let id = try #require(method["id"]?.stringValue)
        return String(try #require(id.split(separator: "#").last))
    }
}
