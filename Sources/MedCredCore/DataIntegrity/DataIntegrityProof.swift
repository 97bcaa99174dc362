/// One Data Integrity proof (`DataIntegrityProof` with `eddsa-jcs-2022` or `eddsa-rdfc-2022`, or
/// `Ed25519Signature2020`) as received, with its members checked and typed.
///
/// W3C Data Integrity §2.1 "Proofs" (https://www.w3.org/TR/vc-data-integrity/#proofs) and vc-di-eddsa §2.2
/// (https://www.w3.org/TR/vc-di-eddsa/#dataintegrityproof). ``json`` keeps every member as written, because
/// verification hashes the proof as received, never a re-rendering of these fields.
public struct DataIntegrityProof: Hashable, Sendable {
    /// The proof exactly as received.
    public let json: JSONObject
    /// The suite the proof's `type` and `cryptosuite` name.
    public let cryptosuite: DataIntegrityCryptosuite
    /// `id`: the proof's URL, which later proofs name in `previousProof`.
    public let id: String?
    /// `created`, as an instant.
    public let created: XSDDateTime?
    /// `created` as written, for resolving the DID document as of that time.
    public let createdText: String?
    /// `expires`, as an instant.
    public let expires: XSDDateTime?
    /// `verificationMethod`: the DID URL of the signing key.
    public let verificationMethod: String
    /// `proofPurpose`, e.g. `assertionMethod`.
    public let proofPurpose: String
    /// `challenge`, or `nil`.
    public let challenge: String?
    /// `domain` as a list (one string becomes a list of one), or `nil` when absent.
    public let domain: [String]?
    /// `nonce`, or `nil`.
    public let nonce: String?
    /// `previousProof` as a list; empty when absent.
    public let previousProof: [String]
    /// `@context`, copied from the document when the proof was made, or `nil`.
    public let context: JSONValue?
    /// `proofValue` as written: multibase text, not yet decoded.
    public let proofValue: String

    /// Reads and checks a proof (Data Integrity §2.1; vc-di-eddsa §2.2).
    ///
    /// `type` and `cryptosuite` are checked first, so a proof of another suite is reported as such rather than
    /// as a structural problem; then every member must be one Data Integrity defines and of its type.
    /// - Parameter json: the proof object.
    /// - Throws: ``DataIntegrityError/unknownProofType(_:)``, ``DataIntegrityError/unsupportedCryptosuite(_:)``,
    ///   ``DataIntegrityError/unexpectedMember(_:)``, ``DataIntegrityError/missingMember(_:)``,
    ///   ``DataIntegrityError/wrongMemberType(_:)``, ``DataIntegrityError/emptyMember(_:)`` or
    ///   ``DataIntegrityError/invalidDateTime(member:_:)``; ``DataIntegrityError/wrongMemberType(_:)`` with
    ///   `proof` when `json` is not an object.
    public init(json: JSONValue) throws(DataIntegrityError) {
        guard let object = json.objectValue else { throw .wrongMemberType("proof") }
        let reader = ProofMemberReader(object: object)
        cryptosuite = try DataIntegrityCryptosuite(
            proofType: try reader.requiredString("type"), cryptosuite: try reader.optionalString("cryptosuite"))
        if let unknown = object.names.first(where: { !DataIntegrity.proofMembers.contains($0) }) {
            throw .unexpectedMember(unknown)
        }
        self.json = object
        verificationMethod = try reader.requiredString("verificationMethod")
        proofPurpose = try reader.requiredString("proofPurpose")
        proofValue = try reader.requiredString("proofValue")
        id = try reader.optionalString("id")
        createdText = try reader.optionalString("created")
        created = try reader.dateTime("created")
        expires = try reader.dateTime("expires")
        challenge = try reader.optionalString("challenge")
        domain = try reader.stringList("domain")
        nonce = try reader.optionalString("nonce")
        previousProof = try reader.stringList("previousProof") ?? []
        context = try reader.context()
    }
}

/// Reads typed members out of a proof object, naming the member in every error.
private struct ProofMemberReader {
    let object: JSONObject

    func requiredString(_ name: String) throws(DataIntegrityError) -> String {
        guard let text = try optionalString(name) else { throw .missingMember(name) }
        return text
    }

    func optionalString(_ name: String) throws(DataIntegrityError) -> String? {
        guard let value = object[name] else { return nil }
        guard let text = value.stringValue else { throw .wrongMemberType(name) }
        guard !text.isEmpty else { throw .emptyMember(name) }
        return text
    }

    func dateTime(_ name: String) throws(DataIntegrityError) -> XSDDateTime? {
        guard let text = try optionalString(name) else { return nil }
        // Data Integrity §2.1: `created` and `expires` are dateTimeStamp values, so the timezone is required.
        do { return try XSDDateTime(parsing: text, requiringTimezone: true) } catch {
            throw .invalidDateTime(member: name, error)
        }
    }

    /// A string or a non-empty array of non-empty strings (Data Integrity §2.1 `domain`, `previousProof`).
    func stringList(_ name: String) throws(DataIntegrityError) -> [String]? {
        guard let value = object[name] else { return nil }
        if value.stringValue != nil { return [try requiredString(name)] }
        guard let elements = value.arrayValue else { throw .wrongMemberType(name) }
        guard !elements.isEmpty else { throw .emptyMember(name) }
        var strings: [String] = []
        for element in elements {
            guard let text = element.stringValue else { throw .wrongMemberType(name) }
            guard !text.isEmpty else { throw .emptyMember(name) }
            strings.append(text)
        }
        return strings
    }

    /// A JSON-LD `@context`: a string, an object, or a non-empty array of strings and objects.
    func context() throws(DataIntegrityError) -> JSONValue? {
        guard let value = object["@context"] else { return nil }
        let elements = value.arrayValue ?? [value]
        guard !elements.isEmpty, elements.allSatisfy(Self.isContextEntry) else { throw .wrongMemberType("@context") }
        return value
    }

    private static func isContextEntry(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let text): !text.isEmpty
        case .object: true
        default: false
        }
    }
}
