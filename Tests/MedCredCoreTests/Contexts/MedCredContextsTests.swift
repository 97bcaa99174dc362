import MedCredCore
import MedCredCrypto
import MedCredTestSupport
import Testing

/// ``MedCredContexts/knownContexts(loading:)``: pinned documents only, checked by SHA-256, plus MedCred's own
/// context, which must define the MedCred credential types and every subject member of their schemas.
@Suite struct MedCredContextsTests {
    /// Every third-party pinned document, read from `shared/vectors/contexts` in place.
    static func vectorDocuments() throws -> [String: [UInt8]] {
        var documents: [String: [UInt8]] = [:]
        for pin in MedCredContexts.pins.pins where !pin.isEmbedded {
            documents[pin.url] = Array(try Vectors.data("contexts/" + pin.file))
        }
        return documents
    }

    static func options(_ known: KnownContexts) -> CredentialValidationOptions {
        CredentialValidationOptions(contexts: known)
    }

    static let medicalLicense: JSONValue = [
        "@context": [.string(KnownContexts.credentialsV2), .string(MedCredContexts.credentialsV1)],
        "id": "urn:uuid:8a2f0c8e-5b7d-4c1e-9f3a-2d6b1e4c7a90",
        "type": ["VerifiableCredential", "MedicalLicenseCredential"],
        "issuer": "did:web:board.example",
        "validFrom": "2026-01-15T09:30:00Z",
        "credentialSchema": [
            "id": "https://schemas.medcred.dev/MedicalLicenseCredential/v1.json", "type": "JsonSchema",
        ],
        "credentialSubject": [
            "id": "did:web:medcred.example:professionals:ada",
            "licensee": ["givenName": "Ada", "familyName": "Okafor", "honorificPrefix": "Dr."],
            "profession": "physician", "licenseNumber": "A-123456", "specialty": ["Cardiology"],
            "jurisdiction": "US-CA",
            "licensingBoard": ["name": "Medical Board of Example", "id": "did:web:board.example"],
            "originalLicensureDate": "2009-07-01",
        ],
    ]

    static let patientIdentity: JSONValue = [
        "@context": [.string(KnownContexts.credentialsV2), .string(MedCredContexts.credentialsV1)],
        "type": ["VerifiableCredential", "PatientIdentityCredential"],
        "issuer": "did:web:clinic.example",
        "credentialSubject": [
            "id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "familyName": "Hopper",
            "birthDate": "1906-12-09",
            "identifier": ["system": "https://clinic.example/mrn", "value": "000123"],
            "issuingOrganization": ["name": "Example Clinic"],
        ],
    ]

    @Test func acceptsMedCredCredentialsWithTheVectorContexts() throws {
        let known = try MedCredContexts.knownContexts(loading: try Self.vectorDocuments())
        #expect(Set(known.urls) == Set(MedCredContexts.pins.pins.map(\.url)))
        for credential in [Self.medicalLicense, Self.patientIdentity] {
            let problems = VerifiableCredential.validate(credential, options: Self.options(known))
            #expect(problems.isEmpty, "\(problems)")
        }
    }

    @Test(arguments: [
        [KnownContexts.credentialsV2, "https://w3id.org/security/data-integrity/v2", MedCredContexts.credentialsV1],
        [KnownContexts.credentialsV2, MedCredContexts.credentialsV1, "https://w3id.org/security/data-integrity/v2"],
        [KnownContexts.credentialsV2, "https://www.w3.org/ns/credentials/status/v1", MedCredContexts.credentialsV1],
    ])
    func combinesWithOtherPinnedContexts(_ contexts: [String]) throws {
        let known = try MedCredContexts.knownContexts(loading: try Self.vectorDocuments())
        var credential = try #require(Self.medicalLicense.objectValue)
        credential["@context"] = .array(contexts.map(JSONValue.string))
        let problems = VerifiableCredential.validate(.object(credential), options: Self.options(known))
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func rejectsATypeNoContextDefines() throws {
        let known = try MedCredContexts.knownContexts(loading: try Self.vectorDocuments())
        var credential = try #require(Self.medicalLicense.objectValue)
        credential["type"] = ["VerifiableCredential", "NurseLicenseCredential"]
        let problems = VerifiableCredential.validate(.object(credential), options: Self.options(known))
        #expect(problems.map(\.pointer) == ["/type/1"], "\(problems)")
        #expect(problems.map(\.type) == [.malformedValue])
    }

    @Test func alwaysIncludesMedCredsOwnContext() throws {
        let known = try MedCredContexts.knownContexts(loading: [:])
        #expect(known.urls == [MedCredContexts.credentialsV1])
        #expect(known[MedCredContexts.credentialsV1] == (try JSONValue(parsing: MedCredContexts.credentialsV1Text)))
        // Without the base context's document, the credential names an unknown context.
        let problems = VerifiableCredential.validate(Self.medicalLicense, options: Self.options(known))
        #expect(problems.map(\.pointer) == ["/@context/0"], "\(problems)")
    }

    @Test func acceptsOnlySomeOfThePinnedDocuments() throws {
        let documents = try Self.vectorDocuments().filter { $0.key == KnownContexts.credentialsV2 }
        let known = try MedCredContexts.knownContexts(loading: documents)
        #expect(Set(known.urls) == [KnownContexts.credentialsV2, MedCredContexts.credentialsV1])
        #expect(VerifiableCredential.validate(Self.patientIdentity, options: Self.options(known)).isEmpty)
    }

    @Test func refusesATamperedDocument() throws {
        var documents = try Self.vectorDocuments()
        let url = KnownContexts.credentialsV2
        var bytes = try #require(documents[url])
        let pin = try #require(MedCredContexts.pins[url])
        // One flipped bit inside a term IRI: still JSON, different meaning.
        let offset = try #require(bytes.firstIndex(of: UInt8(ascii: "#")))
        bytes[offset - 1] ^= 0x01
        documents[url] = bytes
        let actual = ContextPin(url: url, file: pin.file, sha256: SHA256.hash(bytes)).sha256Hex
        #expect(throws: ContextError.digestMismatch(url: url, expected: pin.sha256Hex, actual: actual)) {
            try MedCredContexts.knownContexts(loading: documents)
        }
    }

    @Test func refusesAnotherPinnedDocumentUnderAURL() throws {
        var documents = try Self.vectorDocuments()
        documents[KnownContexts.credentialsV1] = documents[KnownContexts.credentialsV2]
        #expect {
            try MedCredContexts.knownContexts(loading: documents)
        } throws: { error in
            guard case .digestMismatch(let url, _, _) = error as? ContextError else { return false }
            return url == KnownContexts.credentialsV1
        }
    }

    @Test func refusesAnUnpinnedURL() throws {
        var documents = try Self.vectorDocuments()
        documents["https://www.w3.org/ns/credentials/undefined-terms/v2"] = Array(
            try Vectors.data("contexts/credentials-undefined-terms-v2.jsonld"))
        #expect(throws: ContextError.unpinnedURL("https://www.w3.org/ns/credentials/undefined-terms/v2")) {
            try MedCredContexts.knownContexts(loading: documents)
        }
        #expect(throws: ContextError.unpinnedURL("http://www.w3.org/ns/credentials/v2")) {
            try MedCredContexts.knownContexts(loading: ["http://www.w3.org/ns/credentials/v2": []])
        }
    }

    @Test(arguments: [
        ("not JSON", Array("{\"@context\": ".utf8)), ("no @context", Array(#"{"@vocab": "x"}"#.utf8)),
        ("@context a string", Array(#"{"@context": "https://example.com/c"}"#.utf8)),
        ("an array", Array(#"[{"@context": {}}]"#.utf8)),
    ])
    func refusesPinnedBytesThatAreNotAContextDocument(_ name: String, _ bytes: [UInt8]) throws {
        let url = "https://example.com/c"
        let hex = ContextPin(url: url, file: "c", sha256: SHA256.hash(bytes)).sha256Hex
        let pins = try ContextPins(parsing: #"{"contexts": [{"url": "\#(url)", "file": "c", "sha256": "\#(hex)"}]}"#)
        #expect(pins.verify(url: url, bytes: bytes), "\(name)")
        let expected: ContextError =
            name == "not JSON"
            ? .invalidDocument(url: url, .unexpectedEnd(offset: bytes.count)) : .notAContextDocument(url: url)
        #expect(throws: expected, "\(name)") { try pins.document(url: url, bytes: bytes) }
    }
}
