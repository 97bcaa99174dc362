import MedCredCore
import Testing

/// W3C DID Core §5 DID document properties: https://www.w3.org/TR/did-core/#core-properties
@Suite struct DIDDocumentTests {
    @Test(arguments: try DIDDocumentFixture.all())
    func rejectsInvalidDocument(_ fixture: DIDDocumentFixture) {
        do {
            let document = try DIDDocument(json: fixture.input)
            Issue.record("\(fixture.name) (\(fixture.desc)): accepted as \(document.id)")
        } catch {
            #expect(DIDDocumentFixture.summary(of: error) == fixture.wantError, "\(fixture.desc)")
        }
    }

    /// A document in the style of DID Core Example 10/17: listed, referenced and embedded methods, a service,
    /// a controller, alsoKnownAs and a member DID Core does not define.
    static let example: JSONValue = [
        "@context": ["https://www.w3.org/ns/did/v1.1", "https://w3id.org/security/multikey/v1"],
        "id": "did:example:123456789abcdefghi",
        "alsoKnownAs": ["https://example.com/alice"],
        "controller": "did:example:bcehfew7h32f32h7af3",
        "verificationMethod": [
            [
                "id": "did:example:123456789abcdefghi#key-1", "type": "Multikey",
                "controller": "did:example:123456789abcdefghi",
                "publicKeyMultibase": "z6MkmM42vxfqZQsv4ehtTjFFxQ4sQKS2w6WR7emozFAn5cxu",
            ],
            [
                "id": "did:example:123456789abcdefghi#key-2", "type": "JsonWebKey",
                "controller": "did:example:123456789abcdefghi",
                "publicKeyJwk": ["kty": "OKP", "crv": "Ed25519", "x": "VCpo2LMLhn6iWku8MKvSLg2ZAoC-nlOyPVQaO3FxVeQ"],
            ],
        ],
        "authentication": [
            "did:example:123456789abcdefghi#key-1",
            [
                "id": "did:example:123456789abcdefghi#key-3", "type": "Multikey",
                "controller": "did:example:123456789abcdefghi",
                "publicKeyMultibase": "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
            ],
        ],
        "assertionMethod": ["did:example:123456789abcdefghi#key-2", "did:example:other#key-9"],
        "capabilityInvocation": ["did:example:123456789abcdefghi#missing"],
        "service": [
            [
                "id": "did:example:123456789abcdefghi#linked-domain", "type": "LinkedDomains",
                "serviceEndpoint": "https://bar.example.com",
            ],
            [
                "id": "#hub", "type": ["DIDCommMessaging", "Hub"],
                "serviceEndpoint": ["uri": "https://hub.example.com", "accept": ["didcomm/v2"]],
                "routingKeys": [],
            ],
        ],
        "medcred:unknown": ["kept": true],
    ]

    @Test func readsEveryMember() throws {
        let document = try DIDDocument(json: Self.example)
        #expect(document.id.description == "did:example:123456789abcdefghi")
        #expect(document.controller.map(\.description) == ["did:example:bcehfew7h32f32h7af3"])
        #expect(document.alsoKnownAs == ["https://example.com/alice"])
        #expect(document.verificationMethod.count == 2)
        #expect(document.verificationMethod[1].publicKeyJwk?["crv"] == "Ed25519")
        #expect(document.authentication.count == 2)
        #expect(document.keyAgreement.isEmpty)
        #expect(document.service[1].type == ["DIDCommMessaging", "Hub"])
        #expect(document.service[1].additionalMembers["routingKeys"] == [])
        #expect(document.additionalMembers["medcred:unknown"] == ["kept": true])
    }

    @Test func writesBackWhatItRead() throws {
        let document = try DIDDocument(json: Self.example)
        #expect(document.json == Self.example)
        #expect(try DIDDocument(json: document.json) == document)
    }

    @Test func resolvesRelativeIDsAgainstTheDocumentID() throws {
        let json: JSONValue = [
            "id": "did:example:123",
            "verificationMethod": [
                ["id": "#key-1", "type": "Multikey", "controller": "did:example:123", "publicKeyMultibase": "z6Mk"]
            ],
            "assertionMethod": ["#key-1"],
        ]
        let document = try DIDDocument(json: json)
        let id = try DIDURL(parsing: "did:example:123#key-1")
        #expect(document.verificationMethod[0].id == id)
        #expect(document.assertionMethod == [.reference(id)])
        #expect(document.verificationMethod(for: id, relationship: .assertionMethod)?.publicKeyMultibase == "z6Mk")
    }

    @Test func findsMethodsAuthorizedForARelationship() throws {
        let document = try DIDDocument(json: Self.example)
        let key1 = try DIDURL(parsing: "did:example:123456789abcdefghi#key-1")
        let key2 = try DIDURL(parsing: "did:example:123456789abcdefghi#key-2")
        let key3 = try DIDURL(parsing: "did:example:123456789abcdefghi#key-3")
        #expect(document.verificationMethod(for: key1, relationship: .authentication)?.id == key1)
        #expect(document.verificationMethod(for: key3, relationship: .authentication)?.id == key3)
        #expect(document.verificationMethod(for: key2, relationship: .assertionMethod)?.type == "JsonWebKey")
        #expect(document.verificationMethod(id: key3)?.id == key3)
    }

    @Test func refusesMethodsNotAuthorizedForARelationship() throws {
        let document = try DIDDocument(json: Self.example)
        let key1 = try DIDURL(parsing: "did:example:123456789abcdefghi#key-1")
        let key3 = try DIDURL(parsing: "did:example:123456789abcdefghi#key-3")
        let external = try DIDURL(parsing: "did:example:other#key-9")
        let missing = try DIDURL(parsing: "did:example:123456789abcdefghi#missing")
        #expect(document.verificationMethod(for: key1, relationship: .assertionMethod) == nil)
        #expect(document.verificationMethod(for: key3, relationship: .assertionMethod) == nil)
        #expect(document.verificationMethod(for: key1, relationship: .keyAgreement) == nil)
        #expect(document.verificationMethod(for: external, relationship: .assertionMethod) == nil)
        #expect(document.lists(external, for: .assertionMethod))
        #expect(document.verificationMethod(for: missing, relationship: .capabilityInvocation) == nil)
        #expect(document.lists(missing, for: .capabilityInvocation))
        #expect(document.verificationMethod(id: try DIDURL(parsing: "did:example:123456789abcdefghi")) == nil)
    }

    @Test func findsServicesByAbsoluteOrRelativeID() throws {
        let document = try DIDDocument(json: Self.example)
        #expect(document.service(id: "#linked-domain")?.type == ["LinkedDomains"])
        #expect(document.service(id: "did:example:123456789abcdefghi#hub")?.id == "#hub")
        #expect(document.service(id: "#nothing") == nil)
    }

    @Test func writesOneControllerAsAStringAndSeveralAsAnArray() throws {
        var document = DIDDocument(id: try DID(parsing: "did:example:1"))
        #expect(document.json == ["id": "did:example:1"])
        document.controller = [try DID(parsing: "did:example:2")]
        #expect(document.json["controller"] == "did:example:2")
        document.controller.append(try DID(parsing: "did:example:3"))
        #expect(document.json["controller"] == ["did:example:2", "did:example:3"])
    }

    @Test func acceptsAControllerArrayAndLegacyKeyMaterial() throws {
        let document = try DIDDocument(json: [
            "id": "did:example:1", "controller": ["did:example:2"],
            "verificationMethod": [
                [
                    "id": "#k", "type": "Ed25519VerificationKey2018", "controller": "did:example:1",
                    "publicKeyBase58": "H3C2AVvLMv6gmMNam3uVAjZpfkcJCwDwnZn6z3wXmqPV",
                ]
            ],
        ])
        #expect(document.controller.map(\.description) == ["did:example:2"])
        #expect(document.verificationMethod[0].publicKeyBase58 == "H3C2AVvLMv6gmMNam3uVAjZpfkcJCwDwnZn6z3wXmqPV")
    }

    @Test func editsRelationshipsThroughTheSubscript() throws {
        var document = DIDDocument(id: try DID(parsing: "did:example:1"))
        let id = try DIDURL(parsing: "did:example:1#k")
        for relationship in VerificationRelationship.allCases {
            document[relationship] = [.reference(id)]
            #expect(document[relationship] == [.reference(id)])
            #expect(document.json[relationship.rawValue] == ["did:example:1#k"])
        }
    }
}
