import Foundation
import MedCredClient
import MedCredCore
import MedCredCrypto
import Testing

/// An issuer account onboarded over `POST /admin/issuers`, with its one-time issuer token.
struct LiveBoard: Sendable {
    let id: String
    let did: String
    let verificationMethod: String
    let token: String
    let tokenID: String
}

/// What the live tests share: onboarding a board, did:key holders with fixed keys, licence drafts, issuing,
/// verifying and changing status over HTTP, and presentations signed for DID-Auth login.
enum LiveFixtures {
    static let physicianPolicy = "telemedicine-physician"
    static let physicianDomain = "telemedicine.medcred.local"
    /// The physician holder's key seed byte; `otherHolder` is someone else.
    static let holder: UInt8 = 0x22
    static let otherHolder: UInt8 = 0x23

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    struct UnexpectedResponse: Error, CustomStringConvertible {
        let what: String
        let response: LiveResponse
        var description: String { "\(what): HTTP \(response.status) \(String(decoding: response.body, as: UTF8.self))" }
    }

    /// Onboards a board accredited for licences in `jurisdiction`, then moves the clock on a few seconds so that
    /// proofs (dated in whole seconds) come after the DID's creation and the accreditation's `validFrom`.
    static func onboard(
        _ server: LiveServer, name: String = "Medical Board of California", jurisdiction: String = "US-CA"
    ) async throws -> LiveBoard {
        let response = try await server.send(
            .post, "/admin/issuers",
            json: [
                "name": .string(name), "credentialTypes": ["MedicalLicenseCredential"],
                "jurisdiction": .string(jurisdiction),
            ], bearer: server.adminToken)
        guard response.status == 201, let id = response.json["id"]?.stringValue,
            let did = response.json["did"]?.stringValue,
            let method = response.json["verificationMethod"]?.stringValue,
            let token = response.json["token"]?.stringValue, let tokenID = response.json["tokenId"]?.stringValue
        else { throw UnexpectedResponse(what: "POST /admin/issuers", response: response) }
        server.clock.advance(seconds: 5)
        return LiveBoard(id: id, did: did, verificationMethod: method, token: token, tokenID: tokenID)
    }

    static func key(_ byte: UInt8) throws -> Ed25519.PrivateKey {
        try Ed25519.PrivateKey(seed: [UInt8](repeating: byte, count: 32))
    }

    static func did(_ byte: UInt8) throws -> String {
        DIDKey(privateKey: try key(byte)).did.description
    }

    /// An unsigned `MedicalLicenseCredential` for the holder with key `holder` (schemas/MedicalLicenseCredential).
    static func licenceDraft(
        holder: UInt8 = LiveFixtures.holder, licenseNumber: String = "MD-12345", profession: String = "physician",
        validUntil: Date? = nil
    ) throws -> JSONValue {
        var draft: JSONValue = [
            "@context": [.string(KnownContexts.credentialsV2), .string(MedCredContexts.credentialsV1)],
            "type": ["VerifiableCredential", "MedicalLicenseCredential"],
            "credentialSubject": [
                "id": .string(try did(holder)), "licensee": ["familyName": "Okafor", "givenName": "Adaeze"],
                "profession": .string(profession), "licenseNumber": .string(licenseNumber), "jurisdiction": "US-CA",
                "licensingBoard": ["name": "Medical Board of California"], "originalLicensureDate": "2014-07-01",
                "specialty": "Internal Medicine",
            ],
        ]
        draft.setMember("validUntil", .string(validUntil.map(XSDDateTime.timestamp(from:)) ?? "2036-01-01T00:00:00Z"))
        return draft
    }

    /// Issues one draft with the board's token; fails unless the answer is 201.
    static func issue(_ server: LiveServer, _ board: LiveBoard, _ draft: JSONValue, format: String? = nil)
        async throws -> JSONValue
    {
        var body: JSONObject = ["credential": draft]
        if let format { body["options"] = ["format": .string(format)] }
        let response = try await server.send(.post, "/credentials/issue", json: .object(body), bearer: board.token)
        guard response.status == 201, let credential = response.json["verifiableCredential"] else {
            throw UnexpectedResponse(what: "POST /credentials/issue", response: response)
        }
        return credential
    }

    /// Issues a physician licence for `holder`.
    static func issueLicence(
        _ server: LiveServer, _ board: LiveBoard, holder: UInt8 = LiveFixtures.holder, validUntil: Date? = nil
    ) async throws -> JSONValue {
        try await issue(server, board, try licenceDraft(holder: holder, validUntil: validUntil))
    }

    /// `POST /credentials/verify`; the answer's body `{verified, checks, warnings, errors}`.
    static func verify(_ server: LiveServer, _ credential: JSONValue) async throws -> JSONValue {
        let response = try await server.send(.post, "/credentials/verify", json: ["verifiableCredential": credential])
        guard response.status == 200 else {
            throw UnexpectedResponse(what: "POST /credentials/verify", response: response)
        }
        return response.json
    }

    /// The `detail` of every error of the check named `check` in a verification answer.
    static func errorDetails(_ result: JSONValue, check: String) -> [String] {
        (result["errors"]?.arrayValue ?? []).filter { $0["check"]?.stringValue == check }.compactMap {
            $0["detail"]?.stringValue
        }
    }

    /// `POST /credentials/status` with `action` (revoke, suspend, reinstate).
    static func setStatus(_ server: LiveServer, _ board: LiveBoard, _ credentialID: String, _ action: String)
        async throws -> LiveResponse
    {
        try await server.send(
            .post, "/credentials/status", json: ["credentialId": .string(credentialID), "action": .string(action)],
            bearer: board.token)
    }

    /// The status list id a credential's entry of `purpose` points to (the last path segment of its URL).
    static func statusListID(_ credential: JSONValue, purpose: String) -> String? {
        let entry = credential["credentialStatus"]?.arrayValue?.first { $0["statusPurpose"]?.stringValue == purpose }
        return entry?["statusListCredential"]?.stringValue?.split(separator: "/").last.map(String.init)
    }

    /// A presentation of `credentials` by `holder`, proved for authentication by `signer` (the holder unless
    /// given) with `challenge` and `domain`, dated by the server's clock.
    static func presentation(
        _ credentials: [JSONValue], holder: UInt8 = LiveFixtures.holder, signer: UInt8? = nil, challenge: String,
        domain: String, now: Date
    ) throws -> JSONValue {
        let unsigned: JSONValue = [
            "@context": [.string(KnownContexts.credentialsV2)], "type": ["VerifiablePresentation"],
            "holder": .string(try did(holder)), "verifiableCredential": .array(credentials),
        ]
        let options = ProofOptions(
            proofPurpose: VerificationRelationship.authentication.rawValue, created: XSDDateTime(now),
            challenge: challenge, domain: [domain])
        let signing = Ed25519Signer(didKey: try key(signer ?? holder))
        return try DataIntegrity.addProof(to: unsigned, options: options, signer: signing)
    }

    /// `POST /challenges` for the physician policy; its challenge.
    static func challenge(_ server: LiveServer, policy: String = physicianPolicy) async throws -> String {
        let response = try await server.send(.post, "/challenges", json: ["policy": .string(policy)])
        guard response.status == 201, let challenge = response.json["challenge"]?.stringValue else {
            throw UnexpectedResponse(what: "POST /challenges", response: response)
        }
        return challenge
    }

    /// Gets a challenge, presents `credential` with it and posts `POST /auth/login`.
    static func login(
        _ server: LiveServer, _ credential: JSONValue, holder: UInt8 = LiveFixtures.holder, signer: UInt8? = nil,
        domain: String = physicianDomain
    ) async throws -> LiveResponse {
        let challenge = try await challenge(server)
        let presentation = try presentation(
            [credential], holder: holder, signer: signer, challenge: challenge, domain: domain, now: server.clock.now)
        return try await server.send(
            .post, "/auth/login", json: ["presentation": presentation, "policy": .string(physicianPolicy)])
    }
}
