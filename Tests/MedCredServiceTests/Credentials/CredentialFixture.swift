import Foundation
import MedCredCore
import MedCredCrypto
import MedCredService
import MedCredTestSupport
import Testing

/// A credential service over a fresh SQLite file, with two did:key issuers (`board`, `clinic`) and a fixed clock.
final class CredentialFixture: Sendable {
    struct UnknownIssuer: Error {}

    static let baseURL = "https://medcred.example/status-lists/"
    /// 2025-01-01T00:00:00Z: the service clock.
    static let issuedAt = Date(timeIntervalSince1970: 1_735_689_600)
    /// An hour later: the verifier's clock.
    static let verifiedAt = issuedAt.addingTimeInterval(3600)
    static let codec = StatusListCodec()

    let directory: URL
    var path: String { directory.appendingPathComponent("credentials.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "medcred-credentials-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    static func key(_ byte: UInt8) throws -> Ed25519.PrivateKey {
        try Ed25519.PrivateKey(seed: [UInt8](repeating: byte, count: 32))
    }

    static func contexts() throws -> KnownContexts {
        try MedCredContexts.knownContexts(loading: [
            KnownContexts.credentialsV2: Array(try Vectors.data("contexts/credentials-v2.jsonld"))
        ])
    }

    static func signing(_ issuerID: String) throws -> IssuerSigning {
        let byte: UInt8
        switch issuerID {
        case "board": byte = 0x11
        case "clinic": byte = 0x33
        default: throw UnknownIssuer()
        }
        let key = try key(byte)
        return IssuerSigning(
            issuerID: issuerID, did: DIDKey(privateKey: key).did.description, signer: Ed25519Signer(didKey: key))
    }

    func service(storeBodies: Bool = false, indicesPerList: Int = CredentialService.statusListCapacity) throws
        -> CredentialService
    {
        try CredentialService(
            databasePath: path, statusBaseURL: Self.baseURL, contexts: try Self.contexts(),
            storeCredentialBodies: storeBodies, clock: { CredentialFixture.issuedAt },
            signerForIssuer: { try CredentialFixture.signing($0) }, indicesPerList: indicesPerList)
    }

    /// A `MedicalLicenseCredential` draft for the holder with key `holder`.
    static func license(holder: UInt8 = 0x22, id: String? = nil, licenseNumber: String? = "MD-12345") throws
        -> JSONValue
    {
        var subject: JSONValue = [
            "id": .string(DIDKey(privateKey: try key(holder)).did.description),
            "licensee": ["familyName": "Okafor", "givenName": "Adaeze"], "profession": "physician",
            "jurisdiction": "US-CA", "licensingBoard": ["name": "Medical Board of California"],
            "originalLicensureDate": "2014-07-01",
        ]
        subject.setMember("licenseNumber", licenseNumber.map(JSONValue.string))
        var draft: JSONValue = [
            "@context": [.string(KnownContexts.credentialsV2), .string(MedCredContexts.credentialsV1)],
            "type": ["VerifiableCredential", "MedicalLicenseCredential"], "validUntil": "2030-01-01T00:00:00Z",
            "credentialSubject": subject,
        ]
        draft.setMember("id", id.map(JSONValue.string))
        return draft
    }

    /// Verifies `credential` with the status check reading lists from `service`.
    static func verify(_ credential: JSONValue, with service: CredentialService) async throws -> VerificationResult {
        let fetcher = LocalStatusListFetcher(service: service, statusBaseURL: baseURL, remote: nil)
        let lists = CredentialVerifier(resolver: DIDKeyResolver(), contexts: try contexts())
        let verifier = CredentialVerifier(
            resolver: DIDKeyResolver(), contexts: try contexts(),
            extensions: [BitstringStatusCheck(fetcher: fetcher, verifier: lists)])
        let input: SecuredDocument = credential.stringValue.map { .jws($0) } ?? .document(credential)
        return try await verifier.verifyCredential(input, now: verifiedAt)
    }

    /// The `detail` of each failed status problem.
    static func statusDetails(_ result: VerificationResult) -> [String] {
        result.errors.filter { $0.check == "status" }.map(\.problem.detail)
    }

    /// The decoded bitstring of a published list.
    static func bits(of list: PublishedStatusList) throws -> BitstringStatusList {
        let encoded = try #require(list.document["credentialSubject"]?["encodedList"]?.stringValue)
        return try BitstringStatusList(encodedList: encoded, decompress: codec.decompress)
    }
}

/// The one issued credential of a single-draft call, or the failure as an error.
func single(_ results: [Result<IssuedCredential, IssueFailure>]) throws -> IssuedCredential {
    guard results.count == 1 else {
        throw IssueFailure(index: -1, code: "count", detail: "\(results.count)", pointer: nil)
    }
    return try results[0].get()
}
