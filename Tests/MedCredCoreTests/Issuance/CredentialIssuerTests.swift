import Foundation
import MedCredCore
import MedCredCrypto
import Testing

/// A signer that always fails, as a locked key store would.
private struct RefusingSigner: ProofSigner {
    struct Locked: Error, CustomStringConvertible {
        var description: String { "the key store is locked" }
    }

    let verificationMethod: String
    func sign(_ bytes: [UInt8]) throws -> [UInt8] { throw Locked() }
}

/// ``CredentialIssuer``: completing a draft (issuer, validFrom, credentialSchema, MedCred's context) and
/// refusing one that is not a credential MedCred may sign, naming the field.
@Suite struct CredentialIssuerTests {
    static func complete(_ draft: JSONValue) throws -> JSONValue {
        try VerificationDocuments.issuer().complete(draft, now: VerificationClock.issuedAt)
    }

    static func expectIssuanceError(
        _ expected: IssuanceError, for draft: JSONValue, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let issuer = try VerificationDocuments.issuer()
        #expect(throws: expected, sourceLocation: sourceLocation) {
            try issuer.complete(draft, now: VerificationClock.issuedAt)
        }
        for format in CredentialIssuer.Format.allCases {
            #expect(throws: expected, "\(format)", sourceLocation: sourceLocation) {
                try issuer.issue(draft, format: format, now: VerificationClock.issuedAt)
            }
        }
    }

    // MARK: Completion

    @Test func fillsIssuerValidFromAndSchema() throws {
        let completed = try Self.complete(try VerificationDocuments.licenseDraft())
        #expect(completed["issuer"] == .string(try VerificationParty.issuer.did()))
        #expect(completed["validFrom"] == .string(VerificationClock.issuedAtText))
        #expect(
            completed["credentialSchema"] == [
                "id": "https://schemas.medcred.dev/MedicalLicenseCredential/v1.json", "type": "JsonSchema",
            ])
        #expect(completed["proof"] == nil)
        #expect(completed["validUntil"] == "2030-01-01T00:00:00Z")
        #expect(completed["credentialSubject"] == (try VerificationDocuments.licenseSubject()))
    }

    @Test func writesValidFromAndCreatedInWholeUTCSeconds() throws {
        let now = Date(timeIntervalSince1970: 1_735_689_600.75)
        let completed = try VerificationDocuments.issuer().complete(try VerificationDocuments.licenseDraft(), now: now)
        #expect(completed["validFrom"] == .string(VerificationClock.issuedAtText))
        guard
            case .document(let signed) = try VerificationDocuments.issuer().issue(
                try VerificationDocuments.licenseDraft(), now: now)
        else { throw VerificationPatch.Failure.badPointer("issue") }
        #expect(signed["proof"]?["created"] == .string(VerificationClock.issuedAtText))
    }

    @Test func keepsAGivenValidFrom() throws {
        let draft = try VerificationPatch.setting(
            "/validFrom", to: "2024-07-01T00:00:00+02:00", in: try VerificationDocuments.licenseDraft())
        #expect(try Self.complete(draft)["validFrom"] == "2024-07-01T00:00:00+02:00")
    }

    @Test func keepsAnIssuerThatIsTheSigner() throws {
        let did = try VerificationParty.issuer.did()
        let draft = try VerificationPatch.setting(
            "/issuer", to: .string(did), in: try VerificationDocuments.licenseDraft())
        #expect(try Self.complete(draft)["issuer"] == .string(did))
    }

    @Test func addsTheSignerToAnIssuerObjectWithoutID() throws {
        let draft = try VerificationPatch.setting(
            "/issuer", to: ["name": "Medical Board of California"], in: try VerificationDocuments.licenseDraft())
        let issuer = try #require(try Self.complete(draft)["issuer"])
        #expect(issuer == ["name": "Medical Board of California", "id": .string(try VerificationParty.issuer.did())])
    }

    @Test func appendsMedCredsContextToAMedCredType() throws {
        let draft = try VerificationPatch.setting(
            "/@context", to: [.string(KnownContexts.credentialsV2)], in: try VerificationDocuments.licenseDraft())
        #expect(
            try Self.complete(draft)["@context"] == [
                .string(KnownContexts.credentialsV2), .string(MedCredContexts.credentialsV1),
            ])
    }

    @Test func doesNotRepeatMedCredsContext() throws {
        let draft = try VerificationDocuments.licenseDraft()
        #expect(try Self.complete(draft)["@context"] == draft["@context"])
    }

    @Test func doesNotRepeatTheSchema() throws {
        let once = try Self.complete(try VerificationDocuments.licenseDraft())
        let again = try VerificationDocuments.issuer().complete(once, now: VerificationClock.issuedAt)
        #expect(again == once)
    }

    @Test func appendsTheSchemaToOthersTheDraftNames() throws {
        let other: JSONValue = ["id": "https://schemas.example/board-extras/v1.json", "type": "JsonSchema"]
        let draft = try VerificationPatch.setting(
            "/credentialSchema", to: other, in: try VerificationDocuments.licenseDraft())
        #expect(
            try Self.complete(draft)["credentialSchema"] == [
                other, ["id": "https://schemas.medcred.dev/MedicalLicenseCredential/v1.json", "type": "JsonSchema"],
            ])
    }

    @Test func addsNoSchemaOrContextToOtherTypes() throws {
        let draft: JSONValue = [
            "@context": [.string(KnownContexts.credentialsV2), .string(VerificationDocuments.examplesContext)],
            "type": ["VerifiableCredential", "AlumniCredential"],
            "credentialSubject": ["id": "did:example:alumna", "alumniOf": "The School of Examples"],
        ]
        let completed = try Self.complete(draft)
        #expect(completed["credentialSchema"] == nil)
        #expect(completed["@context"] == draft["@context"])
    }

    @Test func completionIsDeterministic() throws {
        let draft = try VerificationDocuments.licenseDraft()
        #expect(try Self.complete(draft).serialized() == (try Self.complete(draft).serialized()))
        let issuer = try VerificationDocuments.issuer()
        let first = try issuer.issue(draft, now: VerificationClock.issuedAt)
        let second = try issuer.issue(draft, now: VerificationClock.issuedAt)
        #expect(first == second, "Ed25519 signatures are deterministic")
    }

    // MARK: Securing

    @Test func signsWithDataIntegrityAsTheIssuerAtNow() throws {
        let signed = try VerificationDocuments.signedLicense()
        let proof = try #require(signed["proof"])
        #expect(proof["type"] == "DataIntegrityProof")
        #expect(proof["cryptosuite"] == "eddsa-jcs-2022")
        #expect(proof["proofPurpose"] == "assertionMethod")
        #expect(proof["created"] == .string(VerificationClock.issuedAtText))
        #expect(proof["verificationMethod"] == .string(try VerificationParty.issuer.verificationMethod()))
        #expect(signed.removingMember("proof") == (try VerificationDocuments.completedLicense()))
    }

    @Test func signsAJWTWhoseKidIsTheIssuersKey() throws {
        let jws = try VerificationDocuments.licenseJWS()
        let header = try JSONValue(parsing: try Base64URL.decode(VerificationJWS.parts(jws)[0]))
        #expect(
            header == [
                "alg": "EdDSA", "kid": .string(try VerificationParty.issuer.verificationMethod()), "typ": "vc+jwt",
            ])
    }

    @Test func formatsHaveStableNames() {
        #expect(CredentialIssuer.Format.allCases.map(\.rawValue) == ["di", "jwt"])
    }

    @Test func aSignerFailureIsAProofGenerationError() throws {
        let method = try VerificationParty.issuer.verificationMethod()
        let issuer = CredentialIssuer(
            signer: RefusingSigner(verificationMethod: method), contexts: try VerificationDocuments.contexts())
        let draft = try VerificationDocuments.licenseDraft()
        #expect(
            throws: IssuanceError.proofGeneration(
                .signerFailed(verificationMethod: method, reason: "the key store is locked"))
        ) {
            try issuer.issue(draft, now: VerificationClock.issuedAt)
        }
        #expect(
            throws: IssuanceError.jose(.signerFailed(verificationMethod: method, reason: "the key store is locked"))
        ) {
            try issuer.issue(draft, format: .jwt, now: VerificationClock.issuedAt)
        }
    }

    // MARK: Refusals

    @Test func refusesADraftThatIsNotAnObject() throws {
        for draft: JSONValue in [[], "credential", 1, .null] {
            try Self.expectIssuanceError(.notAnObject, for: draft)
        }
    }

    @Test func refusesADraftWithAProof() throws {
        try Self.expectIssuanceError(.alreadySecured, for: try VerificationDocuments.signedLicense())
    }

    @Test func refusesAnIssuerOtherThanTheSigner() throws {
        let signer = try VerificationParty.issuer.did()
        let other = try VerificationParty.other.did()
        let draft = try VerificationPatch.setting(
            "/issuer", to: .string(other), in: try VerificationDocuments.licenseDraft())
        try Self.expectIssuanceError(.issuerMismatch(given: other, signer: signer), for: draft)
        let object = try VerificationPatch.setting(
            "/issuer", to: ["id": .string(other), "name": "Other"], in: try VerificationDocuments.licenseDraft())
        try Self.expectIssuanceError(.issuerMismatch(given: other, signer: signer), for: object)
    }

    @Test func refusesAnIssuerThatIsNeitherAURLNorAnObject() throws {
        let draft = try VerificationPatch.setting("/issuer", to: 42, in: try VerificationDocuments.licenseDraft())
        let issuer = try VerificationDocuments.issuer()
        let error = #expect(throws: IssuanceError.self) {
            try issuer.complete(draft, now: VerificationClock.issuedAt)
        }
        guard case .dataModel(let problems) = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(problems.map(\.pointer) == ["/issuer"])
        #expect(problems.map(\.type) == [.malformedValue])
    }

    @Test(arguments: ["did:key:z6Mk", "https://board.example/keys/1", "not a URL", ""])
    func refusesASignerWithoutADIDURLFragment(_ method: String) throws {
        let issuer = CredentialIssuer(
            signer: Ed25519Signer(privateKey: try VerificationParty.issuer.privateKey(), verificationMethod: method),
            contexts: try VerificationDocuments.contexts())
        #expect(throws: IssuanceError.invalidVerificationMethod(method)) {
            try issuer.complete(try VerificationDocuments.licenseDraft(), now: VerificationClock.issuedAt)
        }
    }

    @Test func refusesASignerWhoseVerificationMethodIsADIDWithoutFragment() throws {
        let did = try VerificationParty.issuer.did()
        let issuer = CredentialIssuer(
            signer: Ed25519Signer(privateKey: try VerificationParty.issuer.privateKey(), verificationMethod: did),
            contexts: try VerificationDocuments.contexts())
        #expect(throws: IssuanceError.invalidVerificationMethod(did)) {
            try issuer.complete(try VerificationDocuments.licenseDraft(), now: VerificationClock.issuedAt)
        }
    }

    /// Data-model failures of the completed credential, by the pointer they name.
    @Test(arguments: [
        ("missing-context", "/@context", nil as JSONValue?, "/@context"),
        ("unknown-context", "/@context/1", "https://contexts.example/unknown/v1", "/@context/1"),
        ("no-verifiable-credential-type", "/type/0", "Credential", "/type"),
        ("valid-until-without-timezone", "/validUntil", "2030-01-01T00:00:00", "/validUntil"),
        ("id-not-a-url", "/id", "licence 1", "/id"),
    ])
    func refusesADraftOutsideTheDataModel(_ name: String, _ path: String, _ value: JSONValue?, _ pointer: String)
        throws
    {
        let base = try VerificationDocuments.licenseDraft()
        let draft =
            try value.map { try VerificationPatch.setting(path, to: $0, in: base) }
            ?? VerificationPatch.removing(path, in: base)
        let issuer = try VerificationDocuments.issuer()
        let error = #expect(throws: IssuanceError.self, "\(name)") {
            try issuer.complete(draft, now: VerificationClock.issuedAt)
        }
        guard case .dataModel(let problems) = error else {
            Issue.record("\(name): \(String(describing: error))")
            return
        }
        #expect(problems.contains { $0.pointer == pointer }, "\(name): \(problems)")
    }
}
