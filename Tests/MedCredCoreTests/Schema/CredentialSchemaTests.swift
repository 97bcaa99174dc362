import MedCredCore
import Testing

/// Validators built from the files in `schemas/` (not the embedded copies), the way ``CredentialSchemas`` builds
/// its own: the whole schema for a credential, `{"$ref": "<$id>#/$defs/subject"}` for a subject alone.
enum CredentialSchemaFileValidators {
    static func credential(_ path: String) throws -> JSONSchema {
        try JSONSchema(try CredentialSchemaFiles.json(path))
    }

    static func subject(_ path: String) throws -> JSONSchema {
        let document = try CredentialSchemaFiles.json(path)
        let id = try #require(document["$id"]?.stringValue)
        var registry = SchemaRegistry()
        registry.register(document, at: id)
        return try JSONSchema(["$ref": .string(id + CredentialSchemas.subjectSchemaPointer)], registry: registry)
    }

    /// The file validator a fixture is checked with: the whole schema for `credential-*`, the subject for the rest.
    static func forFixture(_ fixture: SchemaFixture) throws -> JSONSchema {
        let path = try #require(fixture.file["schemaFile"]?.stringValue)
        return try fixture.isCredential ? credential(path) : subject(path)
    }

    /// The `<Type>` of `<Type>/v1.json`; the embedded schema for that type must be the same file.
    static func credentialType(_ path: String) throws -> String {
        let type = String(path.prefix { $0 != "/" })
        try #require(CredentialSchemas.schemaID(forType: type) == CredentialSchemas.baseURI + path)
        return type
    }
}

extension SchemaFixture {
    /// Whether the case is a whole credential (`credential-*`) rather than a subject.
    var isCredential: Bool { name.hasPrefix("credential-") }
}

/// One required member removed from a type's full valid example: of the subject, or of the whole credential.
struct RequiredMemberCase: Sendable, CustomTestStringConvertible {
    let schemaPath: String
    let member: String
    let example: JSONValue

    var testDescription: String { "\(schemaPath) without \(member)" }

    /// For each schema file, every name in the `required` of `$defs/subject` (or of the top level), with the
    /// instance of its `<type>-valid-full` fixture (or `credential-<type>-valid-full`).
    static func all(subject: Bool) throws -> [RequiredMemberCase] {
        let examples = [
            "MedicalLicenseCredential/v1.json": "medical-license-valid-full",
            "PatientIdentityCredential/v1.json": "patient-identity-valid-full",
        ]
        var cases: [RequiredMemberCase] = []
        for path in try CredentialSchemaFiles.paths() {
            let fixtureName = try #require(examples[path], "no full example for \(path)")
            let name = subject ? fixtureName : "credential-" + fixtureName
            let example = try #require(try SchemaFixture.load(name).first?.file["instance"])
            let schema = try CredentialSchemaFiles.json(path)
            let required = subject ? schema["$defs"]?["subject"]?["required"] : schema["required"]
            for name in try #require(required?.arrayValue) {
                let member = try #require(name.stringValue)
                cases.append(RequiredMemberCase(schemaPath: path, member: member, example: example))
            }
        }
        return cases
    }
}

/// The credential schemas in `schemas/`, their embedded copies in ``CredentialSchemas``, our subjects
/// (`Fixtures/schema/medical-license-*`, `patient-identity-*`) and whole credentials (`credential-*`).
@Suite struct CredentialSchemaTests {
    static let types = ["MedicalLicenseCredential", "PatientIdentityCredential"]
    static let subjectPrefixes = ["medical-license-", "patient-identity-"]

    @Test(arguments: types)
    func embeddedTextEqualsTheSchemaFile(_ type: String) throws {
        let id = try #require(CredentialSchemas.schemaID(forType: type))
        let embedded = try JSONValue(parsing: try #require(CredentialSchemas.textByID[id]))
        let path = String(id.dropFirst(CredentialSchemas.baseURI.count))
        #expect(embedded == (try CredentialSchemaFiles.json(path)), "run tools/embed-schemas")
        #expect(embedded["$id"]?.stringValue == id)
    }

    @Test func embedsEverySchemaFile() throws {
        let embedded = CredentialSchemas.textByID.keys.map { String($0.dropFirst(CredentialSchemas.baseURI.count)) }
        #expect(embedded.sorted() == (try CredentialSchemaFiles.paths()))
    }

    @Test(arguments: try CredentialSchemaFiles.paths())
    func idIsTheFilePathUnderTheBaseURI(_ path: String) throws {
        #expect(try CredentialSchemaFiles.json(path)["$id"]?.stringValue == CredentialSchemas.baseURI + path)
    }

    @Test(arguments: try CredentialSchemaFiles.paths())
    func conformsToTheDraft2020MetaSchema(_ path: String) throws {
        let metaSchema = try JSONSchema(
            ["$ref": "https://json-schema.org/draft/2020-12/schema"], registry: try SchemaSuite.registry.get())
        #expect(metaSchema.validate(try CredentialSchemaFiles.json(path)) == [])
    }

    /// VC JSON Schema applies the schema to the whole credential, so only the subject may be closed.
    @Test(arguments: try CredentialSchemaFiles.paths())
    func leavesTheCredentialOpenAndClosesTheSubject(_ path: String) throws {
        let schema = try CredentialSchemaFiles.json(path)
        let names = try #require(schema.objectValue?.names)
        #expect(!names.contains("additionalProperties") && !names.contains("unevaluatedProperties"))
        #expect(schema["required"] == ["@context", "type", "credentialSubject"])
        let subjectReference = schema["properties"]?["credentialSubject"]?["$ref"]?.stringValue
        #expect(subjectReference == CredentialSchemas.subjectSchemaPointer)
        #expect(schema["$defs"]?["subject"]?["additionalProperties"] == false)
    }

    @Test func knowsNoSchemaForOtherTypes() {
        for type in ["VerifiableCredential", "medicallicensecredential", ""] {
            #expect(CredentialSchemas.schemaID(forType: type) == nil)
            #expect(CredentialSchemas.schema(forType: type) == nil)
            #expect(CredentialSchemas.subjectSchema(forType: type) == nil)
        }
        #expect(CredentialSchemas.schema(forID: CredentialSchemas.baseURI + "MedicalLicenseCredential/v2.json") == nil)
    }

    @Test(arguments: try SchemaFixture.load(subjectPrefixes[0], subjectPrefixes[1]))
    func validatesSubject(_ fixture: SchemaFixture) throws {
        try Self.expectViolations(fixture, from: try CredentialSchemaFileValidators.forFixture(fixture))
    }

    @Test(arguments: try SchemaFixture.load("credential-"))
    func validatesCredential(_ fixture: SchemaFixture) throws {
        try JSONSchemaFixtureTests.expectViolations(fixture)
    }

    /// ``CredentialSchemas`` gives what the files give: the subject validator on subjects, the whole schema
    /// on credentials.
    @Test(arguments: try SchemaFixture.load(subjectPrefixes[0], subjectPrefixes[1], "credential-"))
    func embeddedValidatorsAgreeWithTheFiles(_ fixture: SchemaFixture) throws {
        let path = try #require(fixture.file["schemaFile"]?.stringValue)
        let type = try CredentialSchemaFileValidators.credentialType(path)
        let instance = try #require(fixture.file["instance"])
        let embedded = try #require(
            fixture.isCredential
                ? CredentialSchemas.schema(forType: type) : CredentialSchemas.subjectSchema(forType: type))
        let file = try CredentialSchemaFileValidators.forFixture(fixture)
        #expect(embedded.validate(instance) == file.validate(instance))
    }

    @Test(arguments: try RequiredMemberCase.all(subject: true))
    func reportsTheMissingSubjectMember(_ testCase: RequiredMemberCase) throws {
        let schema = try CredentialSchemaFileValidators.subject(testCase.schemaPath)
        let violations = schema.validate(testCase.example.removingMember(testCase.member))
        #expect(violations.count == 1)
        #expect(violations.first?.keyword == "required")
        #expect(violations.first?.instanceLocation == "")
        #expect(violations.first?.keywordLocation == "/$ref/required")
        #expect(violations.first?.message == "\(testCase.member): required property is missing")
    }

    @Test(arguments: try RequiredMemberCase.all(subject: false))
    func reportsTheMissingCredentialMember(_ testCase: RequiredMemberCase) throws {
        let schema = try CredentialSchemaFileValidators.credential(testCase.schemaPath)
        let violations = schema.validate(testCase.example.removingMember(testCase.member))
        #expect(violations.count == 1)
        #expect(violations.first?.keyword == "required")
        #expect(violations.first?.instanceLocation == "")
        #expect(violations.first?.keywordLocation == "/required")
        #expect(violations.first?.message == "\(testCase.member): required property is missing")
    }

    /// Issuance checks the subject alone and must name the member; a verifier checks the credential.
    @Test(arguments: [
        ("MedicalLicenseCredential", "medical-license-", "license-number-leading-dash", "/licenseNumber"),
        ("MedicalLicenseCredential", "medical-license-", "licensee-extra-property", "/licensee/birthDate"),
        ("PatientIdentityCredential", "patient-identity-", "birth-date-feb-30", "/birthDate"),
    ])
    func reportsSubjectViolationsWhereTheyAre(_ type: String, _ prefix: String, _ name: String, _ location: String)
        throws
    {
        let subject = try #require(try SchemaFixture.load(prefix + name).first?.file["instance"])
        var credential = try #require(try SchemaFixture.load("credential-\(prefix)valid-full").first?.file["instance"])
        credential.setMember("credentialSubject", subject)
        let subjectViolations = try #require(CredentialSchemas.subjectSchema(forType: type)).validate(subject)
        let credentialViolations = try #require(CredentialSchemas.schema(forType: type)).validate(credential)
        #expect(subjectViolations.map(\.instanceLocation) == [location])
        #expect(credentialViolations.map(\.instanceLocation) == ["/credentialSubject" + location])
        #expect(credentialViolations.map(\.message) == subjectViolations.map(\.message))
    }

    /// Subjects carry personal and health data: no message may repeat a value from the subject.
    @Test(arguments: try SchemaFixture.load(subjectPrefixes[0], subjectPrefixes[1], "credential-"))
    func messagesNeverQuoteSubjectValues(_ fixture: SchemaFixture) throws {
        let instance = try #require(fixture.file["instance"])
        let subject = fixture.isCredential ? instance["credentialSubject"] ?? .null : instance
        let values = Self.strings(in: subject).filter { $0.count >= 4 }
        for violation in try CredentialSchemaFileValidators.forFixture(fixture).validate(instance) {
            for value in values { #expect(!violation.message.contains(value), "message repeats a subject value") }
        }
    }

    /// Checks that `validator` gives exactly the fixture's `want` list (as ``JSONSchemaFixtureTests`` does).
    private static func expectViolations(_ fixture: SchemaFixture, from validator: JSONSchema) throws {
        let got = validator.validate(try #require(fixture.file["instance"]))
        let want = try #require(fixture.file["want"]?.arrayValue)
        #expect(
            got.map { "\($0.instanceLocation) \($0.keyword)" }
                == want.map { "\($0["instanceLocation"]?.stringValue ?? "?") \($0["keyword"]?.stringValue ?? "?")" })
        for (violation, expected) in zip(got, want) {
            if let message = expected["message"]?.stringValue { #expect(violation.message == message) }
            if let location = expected["keywordLocation"]?.stringValue {
                #expect(violation.keywordLocation == location)
            }
        }
    }

    private static func strings(in value: JSONValue) -> [String] {
        switch value {
        case .string(let text): [text]
        case .array(let elements): elements.flatMap(strings(in:))
        case .object(let object): object.flatMap { strings(in: $0.value) }
        default: []
        }
    }
}
