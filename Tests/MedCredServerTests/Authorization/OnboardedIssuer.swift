import Foundation
import MedCredClient
import MedCredCore
import MedCredCrypto
import MedCredServer
import Testing

/// An issuer account created over HTTP with the admin token, with the issuer token shown once.
struct OnboardedIssuer: Sendable {
    let id: String
    let did: String
    let token: String
    let tokenID: String

    /// `POST /admin/issuers` for a board that issues `MedicalLicenseCredential`s in US-CA.
    static func create(on server: LiveServer, slug: String) async throws -> OnboardedIssuer {
        let response = try await server.send(
            .post, "/admin/issuers",
            json: [
                "name": .string("Board \(slug)"), "slug": .string(slug),
                "credentialTypes": ["MedicalLicenseCredential"], "jurisdiction": "US-CA",
            ], bearer: server.adminToken)
        try #require(response.status == 201, "creating issuer \(slug): \(response.status) \(response.json)")
        return OnboardedIssuer(
            id: try #require(response.json["id"]?.stringValue), did: try #require(response.json["did"]?.stringValue),
            token: try #require(response.json["token"]?.stringValue),
            tokenID: try #require(response.json["tokenId"]?.stringValue))
    }

    /// A `MedicalLicenseCredential` draft for a did:key holder made from a fixed seed.
    static func licenseDraft(holderSeed: UInt8 = 0x22) throws -> JSONValue {
        let holder = try Ed25519.PrivateKey(seed: [UInt8](repeating: holderSeed, count: 32))
        return [
            "@context": [.string(KnownContexts.credentialsV2), .string(MedCredContexts.credentialsV1)],
            "type": ["VerifiableCredential", "MedicalLicenseCredential"], "validUntil": "2030-01-01T00:00:00Z",
            "credentialSubject": [
                "id": .string(DIDKey(privateKey: holder).did.description),
                "licensee": ["familyName": "Okafor", "givenName": "Adaeze"], "profession": "physician",
                "jurisdiction": "US-CA", "licensingBoard": ["name": "Medical Board of California"],
                "originalLicensureDate": "2014-07-01", "licenseNumber": "MD-12345",
            ],
        ]
    }

    /// Issues one licence with this issuer's token; returns the credential's id.
    func issueLicense(on server: LiveServer) async throws -> String {
        let response = try await server.send(
            .post, "/credentials/issue", json: ["credential": try Self.licenseDraft()], bearer: token)
        try #require(response.status == 201, "issuing: \(response.status) \(response.json)")
        return try #require(response.json["verifiableCredential"]?["id"]?.stringValue)
    }
}

/// `template` with each `{name}` segment replaced by `values[name]`, or by `fallback`.
func filledPath(_ template: String, _ values: [String: String] = [:], fallback: String = "dummy") -> String {
    template.split(separator: "/", omittingEmptySubsequences: false).map { segment -> String in
        guard segment.hasPrefix("{"), segment.hasSuffix("}") else { return String(segment) }
        let name = String(segment.dropFirst().dropLast())
        return values[name] ?? fallback
    }.joined(separator: "/")
}

/// Runs `body` against a fresh live server, then stops it and removes its data folder, whether `body` threw.
func withLiveServer<T>(
    settings: ServiceSettings = ServiceSettings(), _ body: (LiveServer) async throws -> T
) async throws -> T {
    let server = try await LiveServer.start(settings: settings)
    do {
        let result = try await body(server)
        await server.stopAndRemove()
        return result
    } catch {
        await server.stopAndRemove()
        throw error
    }
}
