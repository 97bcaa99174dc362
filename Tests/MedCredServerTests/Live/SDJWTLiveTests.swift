import Foundation
import MedCredClient
import MedCredCore
import MedCredCrypto
import MedCredServer
import MedCredService
import Testing

/// SD-JWT VC over the real server (issue #7): a clinic issues a patient identity as `sd-jwt` to a did:key
/// patient, who shows only name and birth date with a KB-JWT to verify and to log in; status and the policy's
/// required disclosures are enforced.
@Suite struct SDJWTLiveTests {
    static let patient: UInt8 = 0x31
    static let clinicDomain = "clinic.medcred.local"

    /// Onboards a clinic accredited for patient identities.
    static func onboardClinic(_ server: LiveServer) async throws -> LiveBoard {
        let response = try await server.send(
            .post, "/admin/issuers",
            json: [
                "name": "Riverside Clinic", "credentialTypes": ["PatientIdentityCredential"], "jurisdiction": "US-CA",
            ], bearer: server.adminToken)
        guard response.status == 201, let id = response.json["id"]?.stringValue,
            let did = response.json["did"]?.stringValue,
            let method = response.json["verificationMethod"]?.stringValue,
            let token = response.json["token"]?.stringValue, let tokenID = response.json["tokenId"]?.stringValue
        else { throw LiveFixtures.UnexpectedResponse(what: "POST /admin/issuers", response: response) }
        server.clock.advance(seconds: 5)
        return LiveBoard(id: id, did: did, verificationMethod: method, token: token, tokenID: tokenID)
    }

    static func patientDraft(subject: String? = nil) throws -> JSONValue {
        [
            "@context": [.string(KnownContexts.credentialsV2), .string(MedCredContexts.credentialsV1)],
            "type": ["VerifiableCredential", "PatientIdentityCredential"],
            "credentialSubject": [
                "id": .string(try subject ?? LiveFixtures.did(patient)), "givenName": "Amara", "familyName": "Nwosu",
                "birthDate": "1987-03-14",
                "identifier": ["system": "https://clinic.example/mrn", "value": "MRN-0042"],
                "issuingOrganization": ["name": "Riverside Clinic"],
            ],
        ]
    }

    static func issuePatient(_ server: LiveServer, _ clinic: LiveBoard) async throws -> String {
        let issued = try await LiveFixtures.issue(server, clinic, try patientDraft(), format: "sd-jwt")
        return try #require(issued.stringValue)
    }

    /// The patient's presentation of `claims` with a KB-JWT for `nonce` and `audience`.
    static func present(
        _ compact: String, _ claims: [String], nonce: String, audience: String = clinicDomain, now: Date
    ) throws -> String {
        let chosen = try SDJWT(parsing: compact).presenting(claims.map { SDJWTClaimPath(names: $0) })
        let signer = Ed25519Signer(didKey: try LiveFixtures.key(patient))
        return try KeyBinding.bind(
            chosen, audience: audience, nonce: nonce, issuedAt: Int64(now.timeIntervalSince1970), signer: signer
        ).serialized
    }

    static func login(_ server: LiveServer, _ presentation: String) async throws -> LiveResponse {
        try await server.send(
            .post, "/auth/login", json: ["presentation": .string(presentation), "policy": "clinic-patient"])
    }

    static func verifyPresentation(_ server: LiveServer, _ presentation: String, challenge: String)
        async throws -> JSONValue
    {
        let response = try await server.send(
            .post, "/presentations/verify",
            json: [
                "presentation": .string(presentation),
                "options": ["challenge": .string(challenge), "domain": .string(clinicDomain)],
            ])
        #expect(response.status == 200)
        return response.json
    }

    static let nameAndBirth = ["givenName", "familyName", "birthDate"]

    @Test func aPatientIdentityIsIssuedAsAnSDJWTVCBoundToTheDIDKey() async throws {
        let server = try await LiveServer.start()
        let clinic = try await Self.onboardClinic(server)
        let compact = try await Self.issuePatient(server, clinic)
        let sdJWT = try SDJWT(parsing: compact)
        let jws = try sdJWT.issuerJWS()
        #expect(jws.header["typ"]?.stringValue == "dc+sd-jwt")
        #expect(jws.header["kid"]?.stringValue == clinic.verificationMethod)
        #expect(jws.payload["iss"]?.stringValue == clinic.did)
        #expect(jws.payload["vct"]?.stringValue == "https://schemas.medcred.dev/PatientIdentityCredential/v1")
        #expect(jws.payload["givenName"] == nil && jws.payload["birthDate"] == nil)
        let holderKey = try KeyBinding.holderKey(in: try #require(jws.payload.objectValue), kidKey: nil)
        #expect(holderKey == (try LiveFixtures.key(Self.patient)).publicKey)
        let entries = jws.payload["status"]?["bitstring_status_list"]?.arrayValue ?? []
        #expect(entries.compactMap { $0["statusPurpose"]?.stringValue } == ["revocation", "suspension"])
        #expect(
            Set(sdJWT.disclosures.compactMap(\.name)) == [
                "givenName", "familyName", "birthDate", "identifier",
                "issuingOrganization",
            ])

        let verified = try await LiveFixtures.verify(server, .string(compact))
        #expect(verified["verified"]?.boolValue == true, "\(verified)")
        let checks = (verified["checks"]?.arrayValue ?? []).compactMap(\.stringValue)
        #expect(checks.contains("status") && checks.contains("accreditation"), "\(verified)")

        let metadata = try await server.send(.get, "/.well-known/vct/PatientIdentityCredential/v1")
        #expect(metadata.status == 200)
        #expect(metadata.json["vct"] == jws.payload["vct"])
        #expect(metadata.json["schema_uri"]?.stringValue == CredentialSchemas.patientIdentityID)
        #expect(try await server.send(.get, "/.well-known/vct/Nothing/v1").status == 404)
        await server.stopAndRemove()
    }

    @Test func aSubjectWithoutADIDKeyIsRefused() async throws {
        let server = try await LiveServer.start()
        let clinic = try await Self.onboardClinic(server)
        let response = try await server.send(
            .post, "/credentials/issue",
            json: [
                "credential": try Self.patientDraft(subject: "did:web:patient.example"),
                "options": ["format": "sd-jwt"],
            ], bearer: clinic.token)
        #expect(response.status == 422)
        #expect(response.code == "holder-key-required")
        await server.stopAndRemove()
    }

    @Test func aSelectivePresentationVerifiesForItsChallengeAndLogsIn() async throws {
        let server = try await LiveServer.start()
        let clinic = try await Self.onboardClinic(server)
        let compact = try await Self.issuePatient(server, clinic)
        let shown = try Self.present(compact, Self.nameAndBirth, nonce: "n-1", now: server.clock.now)
        #expect(try SDJWT(parsing: shown).disclosures.count == 3)
        let good = try await Self.verifyPresentation(server, shown, challenge: "n-1")
        #expect(good["verified"]?.boolValue == true, "\(good)")
        #expect(try await Self.verifyPresentation(server, shown, challenge: "n-2")["verified"] == false)
        let bare = try SDJWT(parsing: shown)
        let unbound = SDJWT(issuerJWT: bare.issuerJWT, disclosures: bare.disclosures).serialized
        #expect(try await Self.verifyPresentation(server, unbound, challenge: "n-1")["verified"] == false)

        let challenge = try await LiveFixtures.challenge(server, policy: "clinic-patient")
        let presentation = try Self.present(compact, Self.nameAndBirth, nonce: challenge, now: server.clock.now)
        let login = try await Self.login(server, presentation)
        #expect(login.status == 200, "\(login.json)")
        #expect(login.json["holder"]?.stringValue == (try LiveFixtures.did(Self.patient)))
        let claims = try #require(login.json["claims"]?.objectValue)
        #expect(Set(claims.names) == Set(Self.nameAndBirth))
        #expect(claims["givenName"]?.stringValue == "Amara")

        let replayed = try await Self.login(server, presentation)
        #expect(replayed.status == 401)
        #expect(replayed.code == "challenge-replayed")
        await server.stopAndRemove()
    }

    @Test func aMissingRequiredDisclosureOrWrongNonceIsRefused() async throws {
        let server = try await LiveServer.start()
        let clinic = try await Self.onboardClinic(server)
        let compact = try await Self.issuePatient(server, clinic)
        let challenge = try await LiveFixtures.challenge(server, policy: "clinic-patient")
        let wrongNonce = try Self.present(compact, Self.nameAndBirth, nonce: "not-issued", now: server.clock.now)
        let unknown = try await Self.login(server, wrongNonce)
        #expect(unknown.status == 401)
        #expect(unknown.code == "challenge-unknown")
        let wrongDomain = try Self.present(
            compact, Self.nameAndBirth, nonce: challenge, audience: "attacker.example", now: server.clock.now)
        #expect(try await Self.login(server, wrongDomain).code == "wrong-domain")

        let partial = try Self.present(compact, ["givenName", "familyName"], nonce: challenge, now: server.clock.now)
        let refused = try await Self.login(server, partial)
        #expect(refused.status == 401)
        #expect(refused.code == "policy-not-satisfied")
        #expect(refused.json["reason"]?.stringValue == "clinic-patient: birthDate is not disclosed")
        await server.stopAndRemove()
    }

    @Test func aSuspendedPatientIdentityIsRefused() async throws {
        let server = try await LiveServer.start()
        let clinic = try await Self.onboardClinic(server)
        let compact = try await Self.issuePatient(server, clinic)
        let records = try await server.runtime.components.credentials.records(
            issuerID: clinic.id, limit: 10, after: nil)
        let record = try #require(records.first)
        #expect(record.format == "sd-jwt")
        #expect(record.sha256 == SHA256.hash(Array(compact.utf8)).map { String(format: "%02x", $0) }.joined())
        #expect(try await LiveFixtures.setStatus(server, clinic, record.id, "suspend").status == 200)
        let challenge = try await LiveFixtures.challenge(server, policy: "clinic-patient")
        let presentation = try Self.present(compact, Self.nameAndBirth, nonce: challenge, now: server.clock.now)
        let refused = try await Self.login(server, presentation)
        #expect(refused.status == 401)
        #expect(refused.code == "credential-not-verified")
        #expect(refused.json["reason"]?.stringValue == "status: suspended")
        await server.stopAndRemove()
    }

    @Test func aLicenceAsSDJWTVerifiesUntilRevoked() async throws {
        let server = try await LiveServer.start()
        let board = try await LiveFixtures.onboard(server)
        let issued = try await LiveFixtures.issue(server, board, try LiveFixtures.licenceDraft(), format: "sd-jwt")
        let compact = try #require(issued.stringValue)
        let exp = try SDJWT(parsing: compact).issuerJWS().payload["exp"]?.doubleValue
        #expect(exp == 2_082_758_400)
        let good = try await LiveFixtures.verify(server, .string(compact))
        #expect(good["verified"]?.boolValue == true, "\(good)")
        let records = try await server.runtime.components.credentials.records(issuerID: board.id, limit: 10, after: nil)
        let id = try #require(records.first?.id)
        #expect(try await LiveFixtures.setStatus(server, board, id, "revoke").status == 200)
        let revoked = try await LiveFixtures.verify(server, .string(compact))
        #expect(revoked["verified"]?.boolValue == false)
        #expect(LiveFixtures.errorDetails(revoked, check: "status") == ["revoked"])
        await server.stopAndRemove()
    }
}
