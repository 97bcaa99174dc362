/// A verifiable presentation: a typed, read-only view over the JSON document as received.
///
/// VC Data Model 2.0 §4.13 Verifiable Presentations,
/// <https://www.w3.org/TR/vc-data-model-2.0/#verifiable-presentations>. As with ``VerifiableCredential``,
/// the view keeps ``json`` untouched for proof checking and reports problems through ``validate(_:)``.
public struct VerifiablePresentation: Hashable, Sendable {
    /// The document exactly as received.
    public let json: JSONValue

    /// Wraps a document without checking it.
    /// - Parameter json: the presentation document.
    public init(json: JSONValue) {
        self.json = json
    }

    /// Reports every way `json` is not a conforming presentation, including every problem of each embedded
    /// credential under its `/verifiableCredential/<index>` pointer.
    ///
    /// VC Data Model 2.0 §4.13 and §7.1, <https://www.w3.org/TR/vc-data-model-2.0/#verification>. Embedded
    /// credentials are always checked as issued credentials (``CredentialValidationOptions/Purpose/verification``),
    /// since a holder presents credentials an issuer has completed.
    /// - Parameters:
    ///   - json: the document.
    ///   - options: version 1.1 acceptance, known contexts and the instant.
    /// - Returns: the problems in document order; empty when the presentation conforms.
    public static func validate(_ json: JSONValue, options: CredentialValidationOptions) -> [CredentialProblem] {
        guard let object = json.objectValue else {
            return [
                CredentialProblem(
                    type: .malformedValue, pointer: "",
                    detail: "a presentation must be a JSON object, not \(CredentialJSON.kind(of: json))")
            ]
        }
        var checker = DocumentChecker(options: options)
        checker.checkPresentation(object)
        return checker.problems.problems
    }

    /// Reports every way this presentation is not conforming; see ``validate(_:options:)``.
    /// - Parameter options: version 1.1 acceptance, known contexts and the instant.
    /// - Returns: the problems in document order; empty when the presentation conforms.
    public func validate(_ options: CredentialValidationOptions) -> [CredentialProblem] {
        Self.validate(json, options: options)
    }

    /// The data model version declared by the first `@context` entry, if it is a base context.
    public var dataModelVersion: DataModelVersion? { DataModelVersion(context: json["@context"]) }

    /// The `@context` entries in order (VCDM 2.0 §4.3).
    public var contexts: [JSONValue] { json["@context"].map(CredentialJSON.values) ?? [] }

    /// The `id` URL, if it is a string (VCDM 2.0 §4.4).
    public var id: String? { json["id"]?.stringValue }

    /// The `type` values that are strings (VCDM 2.0 §4.5).
    public var types: [String] { CredentialJSON.strings(of: json["type"]) }

    /// The `holder` value: a URL string or an object (VCDM 2.0 §4.13).
    public var holder: JSONValue? { json["holder"] }

    /// The holder's URL: the `holder` string, or the `id` of the `holder` object.
    public var holderID: String? { holder?.stringValue ?? holder?["id"]?.stringValue }

    /// The embedded credentials, in order, including enveloped ones; non-objects are skipped.
    public var verifiableCredentials: [VerifiableCredential] {
        guard let value = json["verifiableCredential"] else { return [] }
        return CredentialJSON.values(of: value).filter { $0.objectValue != nil }.map(VerifiableCredential.init)
    }

    /// The embedded `proof` objects (VC Data Integrity §2.1, <https://www.w3.org/TR/vc-data-integrity/#proofs>).
    public var proofs: [JSONObject] { CredentialJSON.objects(of: json["proof"]) }
}

/// The checks specific to presentations and enveloped credentials.
extension DocumentChecker {
    /// VCDM 2.0 §4.13: `@context`, optional URL `id`, `type` with `VerifiablePresentation`, optional
    /// `holder` (URL or object with URL `id`), and `verifiableCredential` objects.
    mutating func checkPresentation(_ object: JSONObject) {
        let root = CredentialPointer.root
        checkContext(of: object)
        checkID(in: object, at: root)
        checkTypes(object["type"], at: root.appending("type"), including: "VerifiablePresentation")
        checkNamesAndDescriptions(in: object, at: root)
        checkHolder(object["holder"])
        checkTypedObjects("termsOfUse", in: object, at: root)
        checkTypedObjects("proof", in: object, at: root)
        checkEmbeddedCredentials(object["verifiableCredential"])
    }

    private mutating func checkHolder(_ value: JSONValue?) {
        let pointer = CredentialPointer.root.appending("holder")
        switch value {
        case nil: return
        case .string?: checkURL(value ?? .null, at: pointer, property: "holder")
        case .object(let holder)?:
            checkID(in: holder, at: pointer, required: true)
            checkNamesAndDescriptions(in: holder, at: pointer)
            checkNodeTypes(holder, at: pointer, mustExist: false)
        case let other?:
            problems.malformed(
                pointer, "holder must be a URL or an object with an id, not \(CredentialJSON.kind(of: other))")
        }
    }

    private mutating func checkEmbeddedCredentials(_ value: JSONValue?) {
        guard let value else { return }
        let pointer = CredentialPointer.root.appending("verifiableCredential")
        var embeddedOptions = options
        embeddedOptions.purpose = .verification
        for (itemPointer, item) in CredentialJSON.members(of: value, at: pointer) {
            guard item.objectValue != nil else {
                problems.malformed(
                    itemPointer,
                    "an embedded credential must be an object (wrap secured forms in an EnvelopedVerifiableCredential),"
                        + " not \(CredentialJSON.kind(of: item))")
                continue
            }
            let nested = VerifiableCredential.validate(item, options: embeddedOptions)
            problems.append(contentsOf: nested, under: itemPointer)
        }
    }

    /// VCDM 2.0 §4.13.1 Enveloped Verifiable Credentials: `@context`, `type` with
    /// `EnvelopedVerifiableCredential`, and an `id` that is a `data:` URL (RFC 2397) holding the secured
    /// credential.
    mutating func checkEnvelopedCredential(_ object: JSONObject) {
        let root = CredentialPointer.root
        checkContext(of: object)
        checkTypes(object["type"], at: root.appending("type"), including: "EnvelopedVerifiableCredential")
        checkID(in: object, at: root, required: true)
        if let id = object["id"]?.stringValue, !id.lowercased().hasPrefix("data:") {
            problems.malformed(root.appending("id"), "an enveloped credential's id must be a data: URL")
        }
    }
}
