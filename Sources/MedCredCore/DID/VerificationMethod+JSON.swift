extension VerificationMethod {
    /// The member names this model reads; the rest go to ``additionalMembers``.
    static let knownMembers: Set<String> = [
        "id", "type", "controller", "publicKeyMultibase", "publicKeyJwk", "publicKeyBase58",
    ]
    /// Members that would put private key material in a DID document.
    static let privateMembers = ["privateKeyMultibase", "privateKeyBase58", "privateKeyJwk"]

    /// Reads a verification method from JSON (W3C DID Core §5.2.1, https://www.w3.org/TR/did-core/#verification-methods).
    /// - Parameters:
    ///   - json: the verification method map.
    ///   - base: the DID that relative ids such as `#key-1` resolve against (the document's `id`).
    /// - Throws: ``DIDDocumentError/wrongType(pointer:expected:)``, ``DIDDocumentError/missingMember(pointer:)``,
    ///   ``DIDDocumentError/invalidDID(pointer:_:)``, ``DIDDocumentError/invalidDIDURL(pointer:_:)``,
    ///   ``DIDDocumentError/multipleVerificationMaterials(pointer:)`` or
    ///   ``DIDDocumentError/privateKeyMaterial(pointer:)``, with pointers relative to `json`.
    public init(json: JSONValue, relativeTo base: DID) throws(DIDDocumentError) {
        try self.init(json: json, relativeTo: base, at: "")
    }

    init(json: JSONValue, relativeTo base: DID, at pointer: String) throws(DIDDocumentError) {
        typealias R = DIDJSONReader
        let object = try R.object(json, at: pointer)
        let idText = try R.string(try R.required(object, "id", at: pointer), at: R.pointer(pointer, "id"))
        id = try R.didURL(idText, relativeTo: base, at: R.pointer(pointer, "id"))
        type = try R.string(try R.required(object, "type", at: pointer), at: R.pointer(pointer, "type"))
        let controllerPointer = R.pointer(pointer, "controller")
        let controllerText = try R.string(try R.required(object, "controller", at: pointer), at: controllerPointer)
        controller = try R.did(controllerText, at: controllerPointer)

        publicKeyMultibase = try object["publicKeyMultibase"].map { (value) throws(DIDDocumentError) in
            try R.string(value, at: R.pointer(pointer, "publicKeyMultibase"))
        }
        publicKeyBase58 = try object["publicKeyBase58"].map { (value) throws(DIDDocumentError) in
            try R.string(value, at: R.pointer(pointer, "publicKeyBase58"))
        }
        publicKeyJwk = try object["publicKeyJwk"].map { (value) throws(DIDDocumentError) in
            try R.object(value, at: R.pointer(pointer, "publicKeyJwk"))
        }
        let materials = [publicKeyMultibase != nil, publicKeyBase58 != nil, publicKeyJwk != nil].filter { $0 }
        guard materials.count <= 1 else { throw .multipleVerificationMaterials(pointer: pointer) }
        if publicKeyJwk?["d"] != nil { throw .privateKeyMaterial(pointer: R.pointer(pointer, "publicKeyJwk")) }
        if let name = Self.privateMembers.first(where: { object[$0] != nil }) {
            throw .privateKeyMaterial(pointer: R.pointer(pointer, name))
        }
        additionalMembers = R.unknownMembers(of: object, known: Self.knownMembers)
    }

    /// The verification method as JSON: `id`, `type`, `controller`, the key material, then other members.
    ///
    /// See W3C DID Core §5.2.1, https://www.w3.org/TR/did-core/#verification-methods.
    public var json: JSONValue {
        var object: JSONObject = [
            "id": .string(id.description), "type": .string(type), "controller": .string(controller.description),
        ]
        if let publicKeyMultibase { object["publicKeyMultibase"] = .string(publicKeyMultibase) }
        if let publicKeyJwk { object["publicKeyJwk"] = .object(publicKeyJwk) }
        if let publicKeyBase58 { object["publicKeyBase58"] = .string(publicKeyBase58) }
        for (name, value) in additionalMembers where object[name] == nil { object[name] = value }
        return .object(object)
    }
}
