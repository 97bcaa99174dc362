import MedCredCore
import Testing

/// The typed views over credential and presentation JSON (VC Data Model 2.0 §4, §4.13): accessors read the
/// document as received and never rewrite it.
@Suite struct CredentialViewTests {
    static let credential: JSONValue = [
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
        "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
        "type": ["VerifiableCredential", "MedicalLicenseCredential"],
        "issuer": ["id": "did:example:board", "name": "Board"],
        "validFrom": "2025-01-01T00:00:00Z", "validUntil": "2026-01-01T00:00:00+01:00",
        "credentialSubject": [["id": "did:example:a"], ["id": "did:example:b"]],
        "credentialStatus": ["type": "BitstringStatusListEntry", "statusPurpose": "revocation"],
        "credentialSchema": [["id": "https://medcred.example/s.json", "type": "JsonSchema"]],
        "proof": ["type": "DataIntegrityProof", "cryptosuite": "eddsa-jcs-2022"],
        "extension": ["kept": 1e21],
    ]

    @Test func readsCredentialMembers() throws {
        let view = VerifiableCredential(json: Self.credential)
        #expect(view.dataModelVersion == .v2)
        #expect(view.contexts.count == 2)
        #expect(view.id == "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33")
        #expect(view.types == ["VerifiableCredential", "MedicalLicenseCredential"])
        #expect(!view.isEnveloped)
        #expect(view.issuerID == "did:example:board")
        #expect(view.credentialSubjects.map { $0["id"] } == ["did:example:a", "did:example:b"])
        #expect(view.validFrom?.lexicalForm == "2025-01-01T00:00:00Z")
        #expect(view.validityEnd?.secondsSince1970 == 1_767_222_000)
        #expect(view.credentialStatus.count == 1)
        #expect(view.credentialSchemas.first?["type"] == "JsonSchema")
        #expect(view.proofs.first?["cryptosuite"] == "eddsa-jcs-2022")
        #expect(view.validate(try CredentialTestContexts.verification()).isEmpty)
    }

    @Test func keepsTheDocumentByteForByte() {
        let view = VerifiableCredential(json: Self.credential)
        #expect(view.json == Self.credential)
        #expect(view.json.jcsBytes == Self.credential.jcsBytes)
    }

    @Test func malformedMembersReadAsAbsent() {
        let view = VerifiableCredential(json: [
            "@context": 5, "id": ["a"], "type": 7, "issuer": [:], "validFrom": "yesterday",
            "credentialSubject": "did:example:a", "proof": ["not an object"],
        ])
        #expect(view.dataModelVersion == nil)
        #expect(view.contexts == [5])
        #expect(view.id == nil)
        #expect(view.types.isEmpty)
        #expect(view.issuerID == nil)
        #expect(view.validFrom == nil)
        #expect(view.credentialSubjects.isEmpty)
        #expect(view.proofs.isEmpty)
        #expect(VerifiableCredential(json: "not an object").types.isEmpty)
    }

    @Test func readsVersion1Dates() {
        let view = VerifiableCredential(json: [
            "@context": ["https://www.w3.org/2018/credentials/v1"], "issuer": "did:example:board",
            "issuanceDate": "2020-01-01T00:00:00", "expirationDate": "2030-01-01T00:00:00Z",
            "validFrom": "2021-01-01T00:00:00Z",
        ])
        #expect(view.dataModelVersion == .v1)
        #expect(view.issuerID == "did:example:board")
        #expect(view.validityStart?.lexicalForm == "2020-01-01T00:00:00")
        #expect(view.validityEnd?.lexicalForm == "2030-01-01T00:00:00Z")
        #expect(view.issuanceDate?.timezoneOffsetMinutes == nil)
    }

    @Test func readsPresentationMembers() throws {
        let presentation: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "id": "urn:uuid:9c9a36f8-518f-4976-a934-6649502d0008",
            "type": "VerifiablePresentation", "holder": ["id": "did:example:holder"],
            "verifiableCredential": [
                Self.credential, "eyJhbGciOiJFZERTQSJ9.e30.sig",
                [
                    "@context": "https://www.w3.org/ns/credentials/v2", "type": "EnvelopedVerifiableCredential",
                    "id": "data:application/vc+jwt,eyJhbGciOiJFZERTQSJ9.e30.sig",
                ],
            ],
            "proof": [["type": "DataIntegrityProof"]],
        ]
        let view = VerifiablePresentation(json: presentation)
        #expect(view.dataModelVersion == .v2)
        #expect(view.id == "urn:uuid:9c9a36f8-518f-4976-a934-6649502d0008")
        #expect(view.types == ["VerifiablePresentation"])
        #expect(view.holderID == "did:example:holder")
        #expect(view.verifiableCredentials.count == 2, "the string is skipped")
        #expect(view.verifiableCredentials.last?.isEnveloped == true)
        #expect(view.proofs.count == 1)
        #expect(view.contexts == ["https://www.w3.org/ns/credentials/v2"])
        let problems = view.validate(try CredentialTestContexts.verification())
        #expect(CredentialTestContexts.summary(problems) == ["MALFORMED_VALUE_ERROR /verifiableCredential/1"])
    }

    @Test func presentationWithoutCredentialsHasNone() {
        let view = VerifiablePresentation(json: ["type": "VerifiablePresentation", "holder": "did:example:h"])
        #expect(view.verifiableCredentials.isEmpty)
        #expect(view.holderID == "did:example:h")
        #expect(view.dataModelVersion == nil)
    }

    @Test func versionComesFromTheFirstContextOnly() {
        #expect(DataModelVersion(context: "https://www.w3.org/ns/credentials/v2") == .v2)
        #expect(DataModelVersion(context: ["https://www.w3.org/2018/credentials/v1"]) == .v1)
        #expect(
            DataModelVersion(context: [
                "https://www.w3.org/ns/credentials/examples/v2", "https://www.w3.org/ns/credentials/v2",
            ])
                == nil)
        #expect(DataModelVersion(context: [["@vocab": "https://example.org/#"]]) == nil)
        #expect(DataModelVersion(context: nil) == nil)
        #expect(DataModelVersion(context: []) == nil)
    }
}
