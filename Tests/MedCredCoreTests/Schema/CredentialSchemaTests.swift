import MedCredCore
import Testing

/// One required member of a credential subject, removed from the type's full valid example.
struct RequiredMemberCase: Sendable, CustomTestStringConvertible {
    let schemaPath: String
    let member: String
    let example: JSONValue

    var testDescription: String { "\(schemaPath) without \(member)" }

    /// For each schema file, every name in its top-level `required`, with its `*-valid-full` fixture.
    static func all() throws -> [RequiredMemberCase] {
        let examples = [
            "MedicalLicenseCredential/v1.json": "medical-license-valid-full",
            "PatientIdentityCredential/v1.json": "patient-identity-valid-full",
        ]
        var cases: [RequiredMemberCase] = []
        for path in try CredentialSchemaFiles.paths() {
            let fixtureName = try #require(examples[path], "no full example for \(path)")
            let example = try #require(try SchemaFixture.load(fixtureName).first?.file["instance"])
            for name in try #require(try CredentialSchemaFiles.json(path)["required"]?.arrayValue) {
                let member = try #require(name.stringValue)
                cases.append(RequiredMemberCase(schemaPath: path, member: member, example: example))
            }
        }
        return cases
    }
}

/// The credential-subject schemas in `schemas/`, their embedded copies in ``CredentialSchemas``, and our
/// valid and invalid subjects (`Fixtures/schema/medical-license-*`, `patient-identity-*`).
@Suite struct CredentialSchemaTests {
    static let types = ["MedicalLicenseCredential", "PatientIdentityCredential"]

    @Test(arguments: types)
    func embeddedTextEqualsTheSchemaFile(_ type: String) throws {
        let id = try #require(CredentialSchemas.schemaID(forType: type))
        let embedded = try JSONValue(parsing: try #require(CredentialSchemas.textByID[id]))
        let path = String(id.dropFirst(CredentialSchemas.baseURI.count))
        #expect(embedded == (try CredentialSchemaFiles.json(path)), "copy schemas/\(path) into CredentialSchemas")
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

    @Test func knowsNoSchemaForOtherTypes() {
        #expect(CredentialSchemas.schemaID(forType: "VerifiableCredential") == nil)
        #expect(CredentialSchemas.schemaID(forType: "medicallicensecredential") == nil)
        #expect(CredentialSchemas.schemaID(forType: "") == nil)
    }

    @Test(arguments: try SchemaFixture.load("medical-license-", "patient-identity-"))
    func validatesSubject(_ fixture: SchemaFixture) throws {
        try JSONSchemaFixtureTests.expectViolations(fixture)
    }

    @Test(arguments: try RequiredMemberCase.all())
    func reportsTheMissingRequiredMember(_ testCase: RequiredMemberCase) throws {
        let schema = try JSONSchema(try CredentialSchemaFiles.json(testCase.schemaPath))
        let violations = schema.validate(testCase.example.removingMember(testCase.member))
        #expect(violations.count == 1)
        #expect(violations.first?.keyword == "required")
        #expect(violations.first?.instanceLocation == "")
        #expect(violations.first?.keywordLocation == "/required")
        #expect(violations.first?.message == "\(testCase.member): required property is missing")
    }

    /// Subjects carry personal and health data: no message may repeat a value from the subject.
    @Test(arguments: try SchemaFixture.load("medical-license-", "patient-identity-"))
    func messagesNeverQuoteSubjectValues(_ fixture: SchemaFixture) throws {
        let instance = try #require(fixture.file["instance"])
        let values = Self.strings(in: instance).filter { $0.count >= 4 }
        for violation in try fixture.validator().validate(instance) {
            for value in values { #expect(!violation.message.contains(value), "message repeats a subject value") }
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
