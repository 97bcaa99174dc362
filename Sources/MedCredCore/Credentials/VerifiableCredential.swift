/// A verifiable credential: a typed, read-only view over the JSON document as received.
///
/// VC Data Model 2.0 §4, <https://www.w3.org/TR/vc-data-model-2.0/#basic-concepts>, and §3.2 Credentials.
/// The view never re-serialises: securing mechanisms sign and verify ``json`` itself (STYLE.md §10).
/// Creating a view accepts any JSON; ``validate(_:)`` reports whether it is a conforming document and,
/// if not, every problem with a JSON Pointer. Accessors return `nil` or empty values for members that are
/// absent or malformed.
public struct VerifiableCredential: Hashable, Sendable {
    /// The document exactly as received.
    public let json: JSONValue

    /// Wraps a document without checking it.
    /// - Parameter json: the credential document.
    public init(json: JSONValue) {
        self.json = json
    }

    /// Reports every way `json` is not a conforming credential (VCDM 2.0 §4, or 1.1 when allowed).
    ///
    /// VC Data Model 2.0 §7.1 step 2, <https://www.w3.org/TR/vc-data-model-2.0/#verification>: a document
    /// that is not conforming yields at least one ``ProblemType/malformedValue``; a validity period that
    /// is inverted or does not contain ``CredentialValidationOptions/now`` yields ``ProblemType/range``.
    /// - Parameters:
    ///   - json: the document.
    ///   - options: issuance or verification, version 1.1 acceptance, known contexts and the instant.
    /// - Returns: the problems in document order; empty when the document conforms.
    public static func validate(_ json: JSONValue, options: CredentialValidationOptions) -> [CredentialProblem] {
        guard let object = json.objectValue else {
            return [
                CredentialProblem(
                    type: .malformedValue, pointer: "",
                    detail: "a credential must be a JSON object, not \(CredentialJSON.kind(of: json))")
            ]
        }
        var checker = DocumentChecker(options: options)
        if CredentialJSON.strings(of: object["type"]).contains("EnvelopedVerifiableCredential") {
            checker.checkEnvelopedCredential(object)
        } else {
            checker.checkCredential(object)
        }
        return checker.problems.problems
    }

    /// Reports every way this credential is not conforming; see ``validate(_:options:)``.
    /// - Parameter options: issuance or verification, version 1.1 acceptance, known contexts and the instant.
    /// - Returns: the problems in document order; empty when the credential conforms.
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

    /// Whether this is an `EnvelopedVerifiableCredential` (VCDM 2.0 §4.13.1), whose `id` is a `data:` URL
    /// carrying the secured credential.
    public var isEnveloped: Bool { types.contains("EnvelopedVerifiableCredential") }

    /// The `issuer` value: a URL string or an object (VCDM 2.0 §4.7).
    public var issuer: JSONValue? { json["issuer"] }

    /// The issuer's URL: the `issuer` string, or the `id` of the `issuer` object.
    public var issuerID: String? { issuer?.stringValue ?? issuer?["id"]?.stringValue }

    /// The `credentialSubject` objects (VCDM 2.0 §4.8).
    public var credentialSubjects: [JSONObject] { CredentialJSON.objects(of: json["credentialSubject"]) }

    /// `validFrom`, if present and a valid `dateTimeStamp` (VCDM 2.0 §4.9).
    public var validFrom: XSDDateTime? { dateTime("validFrom", requiringTimezone: true) }

    /// `validUntil`, if present and a valid `dateTimeStamp` (VCDM 2.0 §4.9).
    public var validUntil: XSDDateTime? { dateTime("validUntil", requiringTimezone: true) }

    /// `issuanceDate`, if present and a valid XSD `dateTime` (VCDM 1.1 §4.6).
    public var issuanceDate: XSDDateTime? { dateTime("issuanceDate", requiringTimezone: false) }

    /// `expirationDate`, if present and a valid XSD `dateTime` (VCDM 1.1 §4.7).
    public var expirationDate: XSDDateTime? { dateTime("expirationDate", requiringTimezone: false) }

    /// When the credential becomes valid: `validFrom` for 2.0, `issuanceDate` for 1.1.
    public var validityStart: XSDDateTime? { dataModelVersion == .v1 ? issuanceDate : validFrom }

    /// When the credential stops being valid: `validUntil` for 2.0, `expirationDate` for 1.1.
    public var validityEnd: XSDDateTime? { dataModelVersion == .v1 ? expirationDate : validUntil }

    /// The `credentialStatus` objects (VCDM 2.0 §4.10).
    public var credentialStatus: [JSONObject] { CredentialJSON.objects(of: json["credentialStatus"]) }

    /// The `credentialSchema` objects (VCDM 2.0 §4.11).
    public var credentialSchemas: [JSONObject] { CredentialJSON.objects(of: json["credentialSchema"]) }

    /// The embedded `proof` objects (VC Data Integrity §2.1, <https://www.w3.org/TR/vc-data-integrity/#proofs>).
    public var proofs: [JSONObject] { CredentialJSON.objects(of: json["proof"]) }

    private func dateTime(_ property: String, requiringTimezone: Bool) -> XSDDateTime? {
        guard let text = json[property]?.stringValue else { return nil }
        return try? XSDDateTime(parsing: text, requiringTimezone: requiringTimezone)
    }
}
