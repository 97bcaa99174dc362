import MedCredCore
import MedCredTestSupport
import Testing

/// MedCred's context maps every member the credential schemas allow in a subject, nested ones included, so a
/// JSON-LD processor (and an RDF-canonicalising signer) keeps every claim. `tools/check-context.py` checks
/// the same with PyLD; this test keeps the two from drifting when a schema gains a member.
@Suite struct ContextSchemaCoverageTests {
    static let schemas = [
        "MedicalLicenseCredential": CredentialSchemas.medicalLicense,
        "PatientIdentityCredential": CredentialSchemas.patientIdentity,
    ]

    /// The term definitions of a context object, by term.
    static func terms(of context: JSONValue?) -> [String: JSONValue] {
        var terms: [String: JSONValue] = [:]
        for (name, value) in context?.objectValue ?? JSONObject() where !name.hasPrefix("@") { terms[name] = value }
        return terms
    }

    static func ourTerms() throws -> [String: JSONValue] {
        terms(of: try JSONValue(parsing: MedCredContexts.credentialsV1Text)["@context"])
    }

    /// The base context's top-level terms (`id`, `type`, `name`…), which stay in force in nested nodes.
    static func baseTerms() throws -> [String: JSONValue] {
        terms(of: try JSONValue(parsing: Array(try Vectors.data("contexts/credentials-v2.jsonld")))["@context"])
    }

    /// The `properties` of a subject member's schema, following a local `$ref`.
    static func nestedProperties(of schema: JSONValue, in document: JSONValue) -> JSONObject? {
        if let properties = schema["properties"]?.objectValue { return properties }
        guard let reference = schema["$ref"]?.stringValue, reference.hasPrefix("#/$defs/") else { return nil }
        return document["$defs"]?[String(reference.dropFirst("#/$defs/".count))]?["properties"]?.objectValue
    }

    @Test(arguments: schemas.keys.sorted())
    func definesTheCredentialType(_ type: String) throws {
        let definition = try #require(try Self.ourTerms()[type])
        #expect(definition == .string("https://schemas.medcred.dev/vocab#" + type))
    }

    @Test(arguments: schemas.keys.sorted())
    func mapsEverySubjectMember(_ type: String) throws {
        let document = try JSONValue(parsing: try #require(Self.schemas[type]))
        let subject = try #require(document["$defs"]?["subject"]?["properties"]?.objectValue)
        let ours = try Self.ourTerms()
        let base = try Self.baseTerms()
        for (member, schema) in subject {
            let definition = ours[member] ?? base[member]
            #expect(definition != nil, "\(type): credentialSubject.\(member) is not a term")
            guard let nested = Self.nestedProperties(of: schema, in: document) else { continue }
            let scoped = Self.terms(of: definition?["@context"])
            for (inner, _) in nested {
                #expect(
                    scoped[inner] ?? ours[inner] ?? base[inner] != nil,
                    "\(type): credentialSubject.\(member).\(inner) is not a term")
            }
        }
    }

    @Test func everyTermMapsToAMedCredOrSchemaOrgIRI() throws {
        var definitions = try Self.ourTerms().map { ($0.key, $0.value) }
        for (term, definition) in definitions {
            definitions += Self.terms(of: definition["@context"]).map { ("\(term).\($0.key)", $0.value) }
        }
        for (term, definition) in definitions {
            let iri = definition.stringValue ?? definition["@id"]?.stringValue ?? ""
            #expect(
                iri.hasPrefix("https://schemas.medcred.dev/vocab#") || iri.hasPrefix("https://schema.org/"),
                "\(term) maps to \(iri)")
        }
    }
}
