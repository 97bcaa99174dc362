extension DIDDocument {
    /// The member names this model reads; the rest go to ``additionalMembers``.
    static let knownMembers: Set<String> = Set(
        ["@context", "id", "alsoKnownAs", "controller", "verificationMethod", "service"]
            + VerificationRelationship.allCases.map(\.rawValue))

    /// Relationships in the order the did:key spec example writes them.
    static let relationshipOrder: [VerificationRelationship] = [
        .authentication, .assertionMethod, .capabilityDelegation, .capabilityInvocation, .keyAgreement,
    ]

    /// Reads a DID document from its JSON representation (W3C DID Core §5 and §6.2,
    /// https://www.w3.org/TR/did-core/#core-properties).
    ///
    /// Relative DID URLs (`#key-1`) in verification method ids and relationships are resolved against `id`
    /// (DID Core §3.2.2); ids of verification methods and of services must be unique.
    /// - Parameter json: the document.
    /// - Throws: ``DIDDocumentError`` naming the first member that breaks DID Core §5: a wrong type, a
    ///   missing `id`, an invalid DID or DID URL, several or private key materials, an empty service `type`,
    ///   or a duplicate id.
    public init(json: JSONValue) throws(DIDDocumentError) {
        typealias R = DIDJSONReader
        let object = try R.object(json, at: "")
        let id = try R.did(try R.string(try R.required(object, "id", at: ""), at: "/id"), at: "/id")
        self.init(context: object["@context"], id: id)

        if let value = object["alsoKnownAs"] {
            alsoKnownAs = try R.array(value, at: "/alsoKnownAs").enumerated().map {
                (index, element) throws(DIDDocumentError) in try R.string(element, at: R.pointer("/alsoKnownAs", index))
            }
        }
        if let value = object["controller"] {
            controller = try R.strings(value, at: "/controller").map { (text, pointer) throws(DIDDocumentError) in
                try R.did(text, at: pointer)
            }
        }
        if let value = object["verificationMethod"] {
            verificationMethod = try R.array(value, at: "/verificationMethod").enumerated().map {
                (index, element) throws(DIDDocumentError) in
                try VerificationMethod(json: element, relativeTo: id, at: R.pointer("/verificationMethod", index))
            }
        }
        for relationship in VerificationRelationship.allCases {
            guard let value = object[relationship.rawValue] else { continue }
            self[relationship] = try Self.entries(value, at: "/" + relationship.rawValue, relativeTo: id)
        }
        if let value = object["service"] {
            service = try R.array(value, at: "/service").enumerated().map {
                (index, element) throws(DIDDocumentError) in
                try Service(json: element, at: R.pointer("/service", index))
            }
        }
        additionalMembers = R.unknownMembers(of: object, known: Self.knownMembers)
        try checkUniqueIDs()
    }

    /// The document as JSON, members in DID Core order, unknown members last (W3C DID Core §6.2).
    ///
    /// Empty sets are left out, and a single controller is written as a string.
    public var json: JSONValue {
        var object = JSONObject()
        if let context { object["@context"] = context }
        object["id"] = .string(id.description)
        if !alsoKnownAs.isEmpty { object["alsoKnownAs"] = .array(alsoKnownAs.map(JSONValue.string)) }
        if !controller.isEmpty { object["controller"] = DIDJSONReader.stringOrArray(controller.map(\.description)) }
        if !verificationMethod.isEmpty { object["verificationMethod"] = .array(verificationMethod.map(\.json)) }
        for relationship in Self.relationshipOrder where !self[relationship].isEmpty {
            object[relationship.rawValue] = .array(self[relationship].map(\.json))
        }
        if !service.isEmpty { object["service"] = .array(service.map(\.json)) }
        for (name, value) in additionalMembers where object[name] == nil { object[name] = value }
        return .object(object)
    }

    private static func entries(_ value: JSONValue, at pointer: String, relativeTo base: DID)
        throws(DIDDocumentError) -> [VerificationRelationshipEntry]
    {
        try DIDJSONReader.array(value, at: pointer).enumerated().map { (index, element) throws(DIDDocumentError) in
            let elementPointer = DIDJSONReader.pointer(pointer, index)
            switch element {
            case .string(let text):
                return .reference(try DIDJSONReader.didURL(text, relativeTo: base, at: elementPointer))
            case .object:
                return .embedded(try VerificationMethod(json: element, relativeTo: base, at: elementPointer))
            default:
                throw .wrongType(pointer: elementPointer, expected: .stringOrObject)
            }
        }
    }

    /// DID Core §5.2.1 and §5.4: a consumer must reject duplicate verification method or service ids.
    private func checkUniqueIDs() throws(DIDDocumentError) {
        var seen: Set<DIDURL> = []
        for (index, method) in verificationMethod.enumerated() where !seen.insert(method.id).inserted {
            throw .duplicateID(method.id.description, pointer: "/verificationMethod/\(index)/id")
        }
        for relationship in VerificationRelationship.allCases {
            for (index, entry) in self[relationship].enumerated() {
                guard case .embedded(let method) = entry, !seen.insert(method.id).inserted else { continue }
                throw .duplicateID(method.id.description, pointer: "/\(relationship.rawValue)/\(index)/id")
            }
        }
        var serviceIDs: Set<String> = []
        for (index, entry) in service.enumerated() where !serviceIDs.insert(entry.id).inserted {
            throw .duplicateID(entry.id, pointer: "/service/\(index)/id")
        }
    }
}

extension VerificationRelationshipEntry {
    /// The entry as JSON: the DID URL string of a reference, or the embedded method's map.
    public var json: JSONValue {
        switch self {
        case .reference(let id): .string(id.description)
        case .embedded(let method): method.json
        }
    }
}
