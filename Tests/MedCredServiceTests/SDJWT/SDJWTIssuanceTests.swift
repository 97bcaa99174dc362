import Foundation
import MedCredCore
import MedCredCrypto
import MedCredService
import Testing

/// `CredentialService.issue(_:format: .sdJWT, …)`: the same status allocation and record as the other formats,
/// an SD-JWT VC bound to the subject's did:key, and its status seen by ``VerificationService``.
@Suite struct SDJWTIssuanceTests {
    static func issue(_ service: CredentialService, _ draft: JSONValue) async throws
        -> Result<IssuedCredential, IssueFailure>
    {
        let results = try await service.issue([draft], format: .sdJWT, issuer: try CredentialFixture.signing("board"))
        return try #require(results.first)
    }

    static func verification(_ service: CredentialService) throws -> VerificationService {
        let fetcher = LocalStatusListFetcher(service: service, statusBaseURL: CredentialFixture.baseURL, remote: nil)
        let contexts = try CredentialFixture.contexts()
        let lists = CredentialVerifier(resolver: DIDKeyResolver(), contexts: contexts)
        return VerificationService(
            verifier: CredentialVerifier(
                resolver: DIDKeyResolver(), contexts: contexts,
                extensions: [BitstringStatusCheck(fetcher: fetcher, verifier: lists)]))
    }

    @Test func issuesAnSDJWTVCWithStatusAndTheUsualRecord() async throws {
        let fixture = try CredentialFixture()
        let service = try fixture.service()
        let issued = try await Self.issue(service, try CredentialFixture.license()).get()
        let compact = try #require(issued.credential.stringValue)
        let sdJWT = try SDJWT(parsing: compact)
        let payload = try #require(try sdJWT.issuerJWS().payload.objectValue)
        #expect(payload["vct"]?.stringValue == SDJWTCredential.vct(forType: "MedicalLicenseCredential"))
        #expect(payload["iss"]?.stringValue == (try CredentialFixture.signing("board")).did)
        #expect(payload["iat"]?.doubleValue == CredentialFixture.issuedAt.timeIntervalSince1970)
        #expect(payload["exp"]?.doubleValue == 1_893_456_000)
        #expect(payload["licenseNumber"] == nil && payload["id"] == nil)
        #expect(
            try KeyBinding.holderKey(in: payload, kidKey: nil) == (try CredentialFixture.key(0x22)).publicKey)
        let status = try #require(payload["status"].flatMap(SDJWTStatusReference.init(json:)))
        guard case .bitstringStatusList(let entries) = status else { throw SDJWTError.missingHolderKey }
        #expect(entries.map(\.statusPurpose) == [.revocation, .suspension])
        #expect(entries[0].statusListIndex == issued.record.revocationIndex)
        #expect(entries[1].statusListIndex == issued.record.suspensionIndex)
        #expect(issued.record.format == "sd-jwt")
        #expect(issued.record.sha256 == CredentialServiceHex.of(SHA256.hash(Array(compact.utf8))))
        #expect(issued.record.subjectID == DIDKey(privateKey: try CredentialFixture.key(0x22)).did.description)
        #expect(Set(sdJWT.disclosures.compactMap(\.name)).contains("licenseNumber"))
        try await service.close()
    }

    @Test func aSubjectThatIsNoDIDKeyIsRefused() async throws {
        let fixture = try CredentialFixture()
        let service = try fixture.service()
        var draft = try CredentialFixture.license()
        var subject = try #require(draft["credentialSubject"])
        subject.setMember("id", "did:web:physician.example")
        draft.setMember("credentialSubject", subject)
        let failure = try #require(try await Self.issue(service, draft).failure)
        #expect(failure.code == "holder-key-required")
        #expect(failure.pointer == "/credentialSubject/id")
        try await service.close()
    }

    @Test func revocationAndSuspensionReachTheSDJWT() async throws {
        let fixture = try CredentialFixture()
        let service = try fixture.service()
        let issued = try await Self.issue(service, try CredentialFixture.license()).get()
        let bytes = Array(try #require(issued.credential.stringValue).utf8)
        let verification = try Self.verification(service)
        let good = try await verification.verifyCredential(bytes, now: CredentialFixture.verifiedAt)
        #expect(good.verified, "\(good.json)")
        #expect(good.checks.map(\.name).suffix(2) == ["dataModel", "status"])

        _ = try await service.updateStatus(credentialID: issued.id, issuerID: "board", action: .suspend)
        let suspended = try await verification.verifyCredential(bytes, now: CredentialFixture.verifiedAt)
        #expect(CredentialFixture.statusDetails(suspended) == ["suspended"])
        #expect(suspended.errors.first?.problem.pointer == "/status/bitstring_status_list/1")
        _ = try await service.updateStatus(credentialID: issued.id, issuerID: "board", action: .reinstate)
        _ = try await service.updateStatus(credentialID: issued.id, issuerID: "board", action: .revoke)
        let revoked = try await verification.verifyCredential(bytes, now: CredentialFixture.verifiedAt)
        #expect(CredentialFixture.statusDetails(revoked) == ["revoked"])
        try await service.close()
    }

    @Test func aTamperedSDJWTFailsBeforeStatusIsAsked() async throws {
        let fixture = try CredentialFixture()
        let service = try fixture.service()
        let issued = try await Self.issue(service, try CredentialFixture.license()).get()
        let sdJWT = try SDJWT(parsing: try #require(issued.credential.stringValue))
        let forged = Disclosure(salt: "c2FsdA", name: "profession", value: "surgeon")
        let tampered = SDJWT(issuerJWT: sdJWT.issuerJWT, disclosures: sdJWT.disclosures + [forged])
        let result = try await Self.verification(service).verifyCredential(
            Array(tampered.serialized.utf8), now: CredentialFixture.verifiedAt)
        #expect(!result.verified)
        #expect(result.failedChecks == ["disclosures"])
        #expect(!result.checks.map(\.name).contains("status"))
        try await service.close()
    }
}

extension Result {
    fileprivate var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}

/// Lower-case hex, as records store `sha256`.
enum CredentialServiceHex {
    static func of(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
}
