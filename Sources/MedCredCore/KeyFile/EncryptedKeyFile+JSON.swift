public import MedCredCrypto

extension EncryptedKeyFile {
    /// The file's JSON form: public fields in the clear, the secret and KDF salt as base64url multibase.
    public var json: JSONValue {
        [
            "type": .string(Self.typeName),
            "version": .number(Double(Self.formatVersion)),
            "controller": .string(controller.description),
            "verificationMethod": .string(verificationMethod),
            "publicKeyMultibase": .string(publicKeyMultibase),
            "kdf": [
                "algorithm": "argon2id",
                "salt": .string(Multibase.encode(salt, as: .base64url)),
                "operations": .number(Double(limits.operations)),
                "memoryBytes": .number(Double(limits.memoryBytes)),
            ],
            "cipher": "xsalsa20-poly1305",
            "sealedSecret": .string(Multibase.encode(sealedSecret, as: .base64url)),
        ]
    }

    /// Reads a key file's JSON, checking every member; the secret stays sealed.
    /// - Parameter json: the parsed file.
    /// - Throws: ``KeyFileError/unsupportedFormat(_:)`` or ``KeyFileError/invalidMember(pointer:)``.
    public init(json: JSONValue) throws(KeyFileError) {
        guard json["type"]?.stringValue == Self.typeName else {
            throw .unsupportedFormat("type is not \(Self.typeName)")
        }
        guard json["version"]?.doubleValue == Double(Self.formatVersion) else {
            throw .unsupportedFormat("version is not \(Self.formatVersion)")
        }
        guard json["kdf"]?["algorithm"]?.stringValue == "argon2id" else {
            throw .unsupportedFormat("kdf.algorithm is not argon2id")
        }
        guard json["cipher"]?.stringValue == "xsalsa20-poly1305" else {
            throw .unsupportedFormat("cipher is not xsalsa20-poly1305")
        }
        guard let controllerText = json["controller"]?.stringValue, let controller = try? DID(parsing: controllerText)
        else { throw .invalidMember(pointer: "/controller") }
        guard let method = json["verificationMethod"]?.stringValue, (try? DIDURL(parsing: method)) != nil else {
            throw .invalidMember(pointer: "/verificationMethod")
        }
        guard let publicKey = json["publicKeyMultibase"]?.stringValue,
            let decoded = try? Multibase.decode(publicKey, expecting: .base58btc),
            let split = try? Multicodec.split(decoded), split.codec == .ed25519Pub,
            split.payload.count == Ed25519.keyLength
        else { throw .invalidMember(pointer: "/publicKeyMultibase") }
        guard let saltText = json["kdf"]?["salt"]?.stringValue,
            let salt = try? Multibase.decode(saltText, expecting: .base64url), salt.count == Argon2id.saltLength
        else { throw .invalidMember(pointer: "/kdf/salt") }
        guard let operations = Self.positiveInteger(json["kdf"]?["operations"]) else {
            throw .invalidMember(pointer: "/kdf/operations")
        }
        guard let memory = Self.positiveInteger(json["kdf"]?["memoryBytes"]) else {
            throw .invalidMember(pointer: "/kdf/memoryBytes")
        }
        guard let sealedText = json["sealedSecret"]?.stringValue,
            let sealed = try? Multibase.decode(sealedText, expecting: .base64url),
            sealed.count >= SecretBox.nonceLength + SecretBox.tagLength
        else { throw .invalidMember(pointer: "/sealedSecret") }
        self.controller = controller
        self.verificationMethod = method
        self.publicKeyMultibase = publicKey
        self.salt = salt
        self.limits = Argon2id.Limits(operations: UInt64(operations), memoryBytes: memory)
        self.sealedSecret = sealed
    }

    /// Parses a key file's bytes.
    /// - Parameter bytes: the file.
    /// - Throws: ``KeyFileError/malformedJSON(_:)`` and the errors of ``init(json:)``.
    public init(parsing bytes: some Collection<UInt8>) throws(KeyFileError) {
        let json: JSONValue
        do { json = try JSONValue(parsing: bytes, limits: JSONLimits(maxDepth: 8, maxBytes: 64 * 1024)) } catch {
            throw .malformedJSON(error)
        }
        try self.init(json: json)
    }

    /// An integer in 1…2^32 (Argon2id costs are bounded well below); `nil` for anything else.
    private static func positiveInteger(_ value: JSONValue?) -> Int? {
        guard let number = value?.doubleValue, number >= 1, number <= 4_294_967_296, number.rounded() == number
        else { return nil }
        return Int(number)
    }
}
