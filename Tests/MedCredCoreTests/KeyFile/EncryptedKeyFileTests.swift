import MedCredCore
import MedCredCrypto
import MedCredTestSupport
import Testing

@Suite struct EncryptedKeyFileTests {
    private let privateKey: Ed25519.PrivateKey
    private let didKey: DIDKey
    private let passphrase = SecretBytes(Array("correct horse battery staple".utf8))
    private let salt = [UInt8](repeating: 0x11, count: 16)
    private let nonce = [UInt8](repeating: 0x22, count: 24)

    init() throws {
        privateKey = try Ed25519.PrivateKey(seed: [UInt8](repeating: 0, count: 32))
        didKey = DIDKey(privateKey: privateKey)
    }

    private func sealed() throws -> EncryptedKeyFile {
        try EncryptedKeyFile(
            sealing: privateKey, verificationMethod: didKey.verificationMethodID.description, controller: didKey.did,
            passphrase: passphrase, salt: salt, nonce: nonce, limits: .minimum)
    }

    @Test func roundTripsThroughJSONText() throws {
        let text = try sealed().json.serialized()
        let file = try EncryptedKeyFile(parsing: Array(text.utf8))
        #expect(file == (try sealed()))
        #expect(try file.open(passphrase: passphrase).publicKey == privateKey.publicKey)
        #expect(file.publicKeyMultibase == didKey.multikey)
    }

    @Test func keepsTheSecretOutOfTheClear() throws {
        let text = try sealed().json.serialized()
        let secretMultikey = Multibase.encode(
            Multicodec.prefix(privateKey.exportSeed().exportBytes(), with: .ed25519Priv), as: .base58btc)
        #expect(!text.contains(secretMultikey))
        #expect(!text.contains(Base64URL.encode(privateKey.exportSeed().exportBytes())))
    }

    @Test func rejectsAWrongPassphrase() throws {
        #expect(throws: KeyFileError.wrongPassphrase) {
            try sealed().open(passphrase: SecretBytes(Array("Correct horse battery staple".utf8)))
        }
        #expect(throws: KeyFileError.wrongPassphrase) { try sealed().open(passphrase: SecretBytes([UInt8]())) }
    }

    @Test func rejectsAnAlteredSecret() throws {
        var json = try sealed().json
        let sealedText = try #require(json["sealedSecret"]?.stringValue)
        var bytes = try Multibase.decode(sealedText, expecting: .base64url)
        bytes[bytes.count - 1] ^= 1
        json.setMember("sealedSecret", .string(Multibase.encode(bytes, as: .base64url)))
        #expect(throws: KeyFileError.wrongPassphrase) { try EncryptedKeyFile(json: json).open(passphrase: passphrase) }
    }

    @Test func rejectsASwappedPublicKey() throws {
        var json = try sealed().json
        let other = DIDKey(privateKey: Ed25519.PrivateKey())
        json.setMember("publicKeyMultibase", .string(other.multikey))
        #expect(throws: KeyFileError.publicKeyMismatch) {
            try EncryptedKeyFile(json: json).open(passphrase: passphrase)
        }
    }

    @Test func rejectsAWeakenedKDF() throws {
        // Lowering the cost in the file changes the derived key, so the box no longer opens.
        var json = try sealed().json
        var kdf = try #require(json["kdf"])
        kdf.setMember("operations", 2)
        json.setMember("kdf", kdf)
        #expect(throws: KeyFileError.wrongPassphrase) { try EncryptedKeyFile(json: json).open(passphrase: passphrase) }
    }

    @Test(arguments: [
        ("type", JSONValue.string("SomethingElse"), "unsupported"),
        ("version", JSONValue.number(2), "unsupported"),
        ("cipher", JSONValue.string("aes-gcm"), "unsupported"),
        ("controller", JSONValue.string("not a did"), "/controller"),
        ("controller", JSONValue.null, "/controller"),
        ("verificationMethod", JSONValue.number(1), "/verificationMethod"),
        (
            "publicKeyMultibase", JSONValue.string("z6LSeu9HkTHSfLLeUs2nnzUSNedgDUevfNQgQjQC23ZCit6F"),
            "/publicKeyMultibase"
        ),
        ("publicKeyMultibase", JSONValue.string("u7QE"), "/publicKeyMultibase"),
        ("sealedSecret", JSONValue.string("uAAAA"), "/sealedSecret"),
        ("sealedSecret", JSONValue.string("zAAAA"), "/sealedSecret"),
    ])
    func rejectsMalformedMembers(member: String, value: JSONValue, expected: String) throws {
        var json = try sealed().json
        json.setMember(member, value)
        do {
            _ = try EncryptedKeyFile(json: json)
            Issue.record("accepted a bad \(member)")
        } catch {
            switch error {
            case .unsupportedFormat: #expect(expected == "unsupported")
            case .invalidMember(let pointer): #expect(pointer == expected)
            default: Issue.record("unexpected \(error)")
            }
        }
    }

    @Test(arguments: [("salt", JSONValue.string("uAA")), ("operations", 0), ("memoryBytes", 1.5), ("operations", "2")])
    func rejectsMalformedKDFMembers(member: String, value: JSONValue) throws {
        var json = try sealed().json
        var kdf = try #require(json["kdf"])
        kdf.setMember(member, value)
        json.setMember("kdf", kdf)
        #expect(throws: KeyFileError.invalidMember(pointer: "/kdf/\(member)")) { try EncryptedKeyFile(json: json) }
    }

    @Test func rejectsTextThatIsNotJSON() {
        #expect(throws: KeyFileError.self) { try EncryptedKeyFile(parsing: Array("{\"type\":".utf8)) }
        #expect(throws: KeyFileError.self) { try EncryptedKeyFile(parsing: [UInt8]()) }
        #expect(throws: KeyFileError.unsupportedFormat("type is not MedCredEncryptedKey")) {
            try EncryptedKeyFile(parsing: Array("[]".utf8))
        }
    }

    @Test func refusesABadSaltOrNonce() {
        #expect(throws: KeyFileError.self) {
            try EncryptedKeyFile(
                sealing: privateKey, verificationMethod: "did:key:x#y", controller: didKey.did, passphrase: passphrase,
                salt: [1], nonce: nonce, limits: .minimum)
        }
        #expect(throws: KeyFileError.self) {
            try EncryptedKeyFile(
                sealing: privateKey, verificationMethod: "did:key:x#y", controller: didKey.did, passphrase: passphrase,
                salt: salt, nonce: [1], limits: .minimum)
        }
    }
}
